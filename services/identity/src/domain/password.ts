import { argon2, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

// Passwords are stored as argon2id PHC strings with the OWASP minimum parameters (19 MiB, two
// passes, one lane). Verification reads the parameters from the stored string, so raising them
// later keeps older hashes verifiable.

export const PASSWORD_PARAMETERS = Object.freeze({ memory: 19_456, passes: 2, parallelism: 1 });
const SALT_BYTES = 16;
const TAG_BYTES = 32;
const MAX_MEMORY_KIB = 256 * 1024;

const PHC =
  /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$([A-Za-z0-9+/]{11,})\$([A-Za-z0-9+/]{22,})$/;

type Parameters = { memory: number; passes: number; parallelism: number };

function derive(password: string, salt: Buffer, parameters: Parameters, tagLength: number) {
  return new Promise<Buffer>((resolve, reject) =>
    argon2(
      'argon2id',
      // NFC so that one password typed on different keyboards or systems is one password.
      { message: password.normalize('NFC'), nonce: salt, tagLength, ...parameters },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const tag = await derive(password, salt, PASSWORD_PARAMETERS, TAG_BYTES);
  const { memory, passes, parallelism } = PASSWORD_PARAMETERS;
  return `$argon2id$v=19$m=${memory},t=${passes},p=${parallelism}$${b64(salt)}$${b64(tag)}`;
}

/** False for a wrong password and for a stored value that is not an argon2id PHC string. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = PHC.exec(stored);
  if (!match) return false;
  const [, m, t, p, salt = '', tag = ''] = match;
  const expected = Buffer.from(tag, 'base64');
  const parameters = { memory: Number(m), passes: Number(t), parallelism: Number(p) };
  // A stored value is data: refuse parameters that would cost more than any we ever issued.
  if (parameters.memory > MAX_MEMORY_KIB || parameters.passes > 10) return false;
  const actual = await derive(password, Buffer.from(salt, 'base64'), parameters, expected.length);
  return timingSafeEqual(actual, expected);
}

// Made once, when the module loads, so that even the first unknown login costs one verification.
const decoy = hashPassword(randomUUID());

/**
 * Spends the same hashing work as a real verification, for a login whose ID number is not
 * registered: otherwise the response time would tell who has an account.
 */
export async function spendPasswordWork(password: string): Promise<void> {
  await verifyPassword(password, await decoy);
}
