import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@onego/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../src/index.ts';

// The platform starts its services together, and each applies its migrations into a database
// that may be brand new: they must not trip over each other's first steps.

const SERVICES = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];
const DATABASES = 5;
let databases: TestDatabase[] = [];
let dir: string;

function migrationsFor(schema: string) {
  const folder = join(dir, schema);
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const entries = [{ idx: 0, version: '7', when: 1_795_000_000_000, tag: '0000_init', breakpoints: true }];
  writeFileSync(
    join(folder, 'meta', '_journal.json'),
    JSON.stringify({ version: '7', dialect: 'postgresql', entries }),
  );
  writeFileSync(
    join(folder, '0000_init.sql'),
    `CREATE SCHEMA "${schema}";\n--> statement-breakpoint\nCREATE TABLE "${schema}"."things" ("id" integer PRIMARY KEY);\n`,
  );
  return folder;
}

beforeAll(async () => {
  // The race is on a database's first migration: several new databases, so it would show.
  databases = await Promise.all(Array.from({ length: DATABASES }, () => createTestDatabase('migrate')));
  dir = mkdtempSync(join(tmpdir(), 'onego-migrate-'));
});
afterAll(async () => {
  await Promise.all(databases.map((db) => db.drop()));
  rmSync(dir, { recursive: true, force: true });
});

describe('applying migrations', () => {
  it('succeeds for every service when all of them start together on a new database', async () => {
    // given: six services' migrations and databases none of them has touched
    const folders = SERVICES.map((schema) => ({ schema, folder: migrationsFor(schema) }));

    for (const db of databases) {
      // when: all of them apply their migrations at once, twice (a restart finds them applied)
      for (let round = 0; round < 2; round++) {
        const results = await Promise.allSettled(folders.map((f) => applyMigrations(db.url, f)));
        // then: none failed
        expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      }

      // and: every schema has its table, and its journal one entry
      const sql = postgres(db.url, { max: 1, onnotice: () => {} });
      try {
        for (const schema of SERVICES) {
          const [tables] =
            await sql`select count(*)::int as n from information_schema.tables where table_schema = ${schema}`;
          const [journal] =
            await sql`select count(*)::int as n from ${sql('onego_migrations')}.${sql(schema)}`;
          expect({ schema, tables: tables?.n, journal: journal?.n }).toEqual({
            schema,
            tables: 1,
            journal: 1,
          });
        }
      } finally {
        await sql.end({ timeout: 5 });
      }
    }
  });
});
