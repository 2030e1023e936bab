import { createCipheriv, createDecipheriv, createHmac, type KeyObject, randomBytes } from 'node:crypto';

// AES-256-GCM with a random 96-bit nonce; the associated data binds a ciphertext to where it
// belongs (table, column, row), so one moved to another row or column no longer decrypts.

export const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** A raw key, or (faster: no key set-up per call) the same key as a KeyObject. */
export type Key = Buffer | KeyObject;

export function seal(key: Key, plaintext: Buffer, aad: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

export function open(key: Key, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)),
    decipher.final(),
  ]);
}

/** A keyed hash for looking a value up (or keeping it unique) without storing it in the clear. */
export const keyedHash = (key: Key, purpose: string, value: string) =>
  createHmac('sha256', key).update(`${purpose}\u0000${value}`).digest('hex');
