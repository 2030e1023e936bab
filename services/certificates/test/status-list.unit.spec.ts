import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  bitAt,
  decodeBitstring,
  emptyBitstring,
  encodeBitstring,
  STATUS_LIST_LENGTH,
  withBit,
} from '../src/domain/bitstring.ts';
import { statusListCredential } from '../src/domain/status-list.ts';

describe('a Bitstring Status List', () => {
  it('has 131,072 entries (16 KB), all clear at first', () => {
    const bits = emptyBitstring();
    expect(bits.length).toBe(16 * 1024);
    expect(STATUS_LIST_LENGTH).toBe(131_072);
    expect(bits.every((byte) => byte === 0)).toBe(true);
  });

  it('puts index 0 at the left-most bit of the first byte and the last index at the right-most bit', () => {
    // Given the first and the last index set
    const bits = withBit(withBit(emptyBitstring(), 0, true), STATUS_LIST_LENGTH - 1, true);

    // Then the first byte is 1000 0000 and the last is 0000 0001 (§2.2, §7.1)
    expect(bits[0]).toBe(0b1000_0000);
    expect(bits.at(-1)).toBe(0b0000_0001);
    expect(bitAt(bits, 0)).toBe(true);
    expect(bitAt(bits, 1)).toBe(false);
  });

  it('clears a bit without touching its neighbours, and never changes the list it was given', () => {
    const original = withBit(withBit(emptyBitstring(), 9, true), 10, true);
    const cleared = withBit(original, 9, false);
    expect([bitAt(cleared, 9), bitAt(cleared, 10)]).toEqual([false, true]);
    expect(bitAt(original, 9)).toBe(true);
  });

  it('encodes as multibase base64url (prefix u, no padding) of the GZIP-compressed bits, and decodes back', () => {
    const bits = withBit(emptyBitstring(), 94_567, true);
    const encoded = encodeBitstring(bits);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(200);
    expect(gunzipSync(Buffer.from(encoded.slice(1), 'base64url')).equals(bits)).toBe(true);
    expect(decodeBitstring(encoded).equals(bits)).toBe(true);
  });

  it('refuses an encoding that is not multibase base64url, and a list that expands without bound', () => {
    expect(() => decodeBitstring('zAbc')).toThrow('multibase');
    expect(() => decodeBitstring('u+/=')).toThrow('base64url');
    const bomb = encodeBitstring(Buffer.alloc(STATUS_LIST_LENGTH * 32));
    expect(() => decodeBitstring(bomb)).toThrow();
  });

  it('is published as a BitstringStatusListCredential of one purpose', () => {
    const credential = statusListCredential({
      url: 'https://onego.test/api/certificates/issuers/cdc/status-lists/1/revocation',
      issuer: 'did:web:onego.test:api:certificates:issuers:cdc',
      purpose: 'revocation',
      encodedList: encodeBitstring(emptyBitstring()),
      asOf: new Date('2026-11-21T00:00:00Z'),
    });
    expect(credential.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(credential.credentialSubject).toMatchObject({
      id: 'https://onego.test/api/certificates/issuers/cdc/status-lists/1/revocation#list',
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      ttl: 60_000,
    });
    expect(credential.validFrom).toBe('2026-11-21T00:00:00.000Z');
  });
});
