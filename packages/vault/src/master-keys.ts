import { z } from 'zod';
import { KEY_BYTES } from './cipher.ts';

// Master keys come from configuration (in production from a secret store or KMS), never from
// the database: `ONEGO_MASTER_KEYS` is a comma-separated list of `<id>:<base64 32-byte key>`,
// the first the current one. Rotation: put a new key first and keep the old ones until every
// service has re-wrapped its data keys (`rewrapDataKeys`), then drop them.

export interface MasterKey {
  id: string;
  key: Buffer;
}

export interface MasterKeyRing {
  current: MasterKey;
  byId(id: string): MasterKey | undefined;
}

/** For development and tests only; services refuse it when ONEGO_ENV is production. */
export const DEVELOPMENT_MASTER_KEYS = `dev-2026:${Buffer.alloc(KEY_BYTES, 'onego-development-master-key-0001').toString('base64')}`;

const entry = z
  .string()
  .regex(/^[a-z0-9-]{1,32}:[A-Za-z0-9+/]{43}=$/, 'each master key must be <id>:<base64 of 32 bytes>');

export function parseMasterKeys(value: string): MasterKeyRing {
  const keys = value
    .split(',')
    .map((part) => entry.parse(part.trim()))
    .map((part) => {
      const [id, encoded] = part.split(':') as [string, string];
      return { id, key: Buffer.from(encoded, 'base64') };
    });
  const current = keys[0];
  if (!current) throw new Error('at least one master key is needed');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error('master key ids must be unique');
  return { current, byId: (id) => keys.find((k) => k.id === id) };
}

/**
 * The master keys from the environment (ONEGO_MASTER_KEYS). The development keys are used when
 * none are set, and refused when ONEGO_ENV is production.
 */
export function masterKeysFromEnvironment(
  env: Record<string, string | undefined> = process.env,
): MasterKeyRing {
  const configured = env.ONEGO_MASTER_KEYS;
  if (!configured && env.ONEGO_ENV === 'production') {
    throw new Error(
      'ONEGO_MASTER_KEYS: must be set in production (comma-separated <id>:<base64 32-byte key>)',
    );
  }
  try {
    return parseMasterKeys(configured ?? DEVELOPMENT_MASTER_KEYS);
  } catch (error) {
    throw new Error(`ONEGO_MASTER_KEYS: ${error instanceof Error ? error.message : String(error)}`);
  }
}
