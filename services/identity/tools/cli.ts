import { fileURLToPath } from 'node:url';
import { ConfigError } from '@onego/config';
import { applyMigrations, openDatabase } from '@onego/db';
import { openVault } from '@onego/vault';
import { loadIdentityConfig, loadMasterKeys } from '../src/config.ts';

// What the admin tools share: the identity configuration from the environment (DATABASE_URL,
// ACCESS_TOKEN_TTL_SECONDS, ONEGO_MASTER_KEYS), the migrations applied (so a tool works on an
// empty database), and exits with sysexits codes: 64 usage, 65 bad input, 78 bad configuration.

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

export const EXIT = { usage: 64, input: 65, config: 78, exists: 1 } as const;

export function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

/** Runs `read` (which reads the configuration); a configuration error ends the tool with 78. */
export function configured<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ConfigError) fail(EXIT.config, error.message);
    throw error;
  }
}

export async function openIdentityDatabase() {
  const config = configured(() => loadIdentityConfig());
  await applyMigrations(config.DATABASE_URL, { schema: 'identity', folder: migrationsFolder });
  return { config, ...openDatabase(config.DATABASE_URL, { applicationName: 'identity-admin' }) };
}

/** The service's vault (its data keys opened with ONEGO_MASTER_KEYS), for tools that seal or open. */
export async function openIdentityVault(database: Awaited<ReturnType<typeof openIdentityDatabase>>) {
  const masterKeys = configured(() => loadMasterKeys());
  return openVault({ sql: database.sql, schema: 'identity', masterKeys });
}

/** All of stdin when it is piped, without the final newline; undefined on a terminal. */
export async function readPipedStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  return text === '' ? undefined : text;
}

export function problemsOf(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  return error.issues.map((i) => `  ${i.path.map(String).join('.')}: ${i.message}`).join('\n');
}
