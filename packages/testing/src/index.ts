// @onego/testing: real Postgres and NATS for tests, isolated per test file.
export { canonicalFormPath, canonicalSubmission } from './fixtures.ts';
export { type Infrastructure, provisionInfrastructure } from './infrastructure.ts';
export {
  createTestDatabase,
  createTestNamespace,
  eventually,
  infrastructure,
  type OpenTestDatabase,
  openTestDatabase,
  type TestDatabase,
  type TestNamespace,
} from './isolation.ts';
export { migrateBefore } from './migrations.ts';
