import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from '../src/cipher.ts';

describe('AES-256-GCM sealing with pooled nonces', () => {
  it('gives every sealed value a nonce of its own, across refills of the pool, and each opens', () => {
    // given a key and more values than one fill of the nonce pool holds
    const key = randomBytes(32);
    const values = Array.from({ length: 2000 }, (_, i) => Buffer.from(`value ${i}`));

    // when each is sealed
    const sealed = values.map((v, i) => seal(key, v, `t.c:${i}`));

    // then no two share a nonce (the first 12 bytes), and each opens to its value
    expect(new Set(sealed.map((s) => s.subarray(0, 12).toString('hex'))).size).toBe(values.length);
    expect(sealed.map((s, i) => open(key, s, `t.c:${i}`).toString())).toEqual(values.map(String));
  });

  it('keeps a sealed value intact when later seals refill the pool', () => {
    // given a value sealed, and a copy of it as it was
    const key = randomBytes(32);
    const first = seal(key, Buffer.from('kept'), 'a:1');
    const copy = Buffer.from(first);

    // when enough values are sealed after it to refill the pool twice
    for (let i = 0; i < 700; i++) seal(key, Buffer.from('x'), 'a:2');

    // then the first is unchanged and still opens
    expect(first.equals(copy)).toBe(true);
    expect(open(key, first, 'a:1').toString()).toBe('kept');
  });
});
