export {
  departmentPermissions,
  developmentPassword,
  inboxPrefixOf,
  NATS_USERS,
  type NatsUser,
  natsPasswords,
  PLATFORM_SERVICES,
  type PlatformService,
  passwordVariable,
  permissionsOf,
  platformPermissions,
  renderNatsConfig,
} from './config.ts';
export { connectAs } from './connect.ts';
export { type NatsServer, startNatsServer } from './server.ts';
