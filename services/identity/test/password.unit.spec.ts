import { describe, expect, it } from 'vitest';
import { hashPassword, spendPasswordWork, verifyPassword } from '../src/domain/password.ts';

describe('password hashing', () => {
  it('verifies the password it hashed', async () => {
    // Given a stored hash of a password
    const stored = await hashPassword('correct horse battery');
    // When the same password is checked
    const ok = await verifyPassword('correct horse battery', stored);
    // Then it matches
    expect(ok).toBe(true);
  });

  it('refuses a wrong password', async () => {
    // Given a stored hash
    const stored = await hashPassword('correct horse battery');
    // When a different password is checked
    const ok = await verifyPassword('correct horse battery!', stored);
    // Then it does not match
    expect(ok).toBe(false);
  });

  it('stores an argon2id PHC string with the OWASP parameters, a 16-byte salt and a 32-byte tag', async () => {
    // When a password is hashed
    const stored = await hashPassword('correct horse battery');
    // Then the string names the algorithm, version and parameters
    const match = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(stored);
    expect(match).not.toBeNull();
    expect(Buffer.from(match?.[1] ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(match?.[2] ?? '', 'base64')).toHaveLength(32);
  });

  it('salts every hash, so one password hashed twice gives two different strings', async () => {
    // When the same password is hashed twice
    const [first, second] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    // Then the strings differ, and both verify
    expect(first).not.toBe(second);
    expect(await verifyPassword('same password', first)).toBe(true);
    expect(await verifyPassword('same password', second)).toBe(true);
  });

  it('treats composed and decomposed forms of one password as the same password', async () => {
    // Given a password with an accented letter, typed precomposed (NFC)
    const stored = await hashPassword('café au lait 2024');
    // When it is typed with a combining accent (NFD)
    const ok = await verifyPassword('cafe\u0301 au lait 2024', stored);
    // Then it matches
    expect(ok).toBe(true);
  });

  it('refuses a stored value that is not an argon2id PHC string, or asks for absurd work', async () => {
    // Given stored values that are corrupt or not ours
    const notOurs = '$2b$12$abcdefghijklmnopqrstuv';
    const absurd =
      '$argon2id$v=19$m=9999999,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$dGFndGFndGFndGFndGFndGFndGFndGFndGFndGFndA';
    // Then nothing verifies against them
    expect(await verifyPassword('anything at all', notOurs)).toBe(false);
    expect(await verifyPassword('anything at all', absurd)).toBe(false);
  });

  it('spends hashing work for an unknown account without failing', async () => {
    // When a login for an unknown account burns the same work
    // Then it completes without an answer to leak
    await expect(spendPasswordWork('whatever was typed')).resolves.toBeUndefined();
  });
});
