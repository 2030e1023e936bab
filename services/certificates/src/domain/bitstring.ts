import { gunzipSync, gzipSync } from 'node:zlib';

// The bitstring of a Bitstring Status List v1.0 (https://www.w3.org/TR/vc-bitstring-status-list/):
// index 0 is the left-most (most significant) bit of the first byte (§2.2, §7.1); the published
// `encodedList` is the GZIP-compressed bitstring, base64url without padding, with the multibase
// prefix `u` (§3.3). Lists have the minimum length the specification sets for herd privacy:
// 131,072 entries, 16 KB (§2.2, §6.1).

export const STATUS_LIST_LENGTH = 131_072;
const MULTIBASE_BASE64URL = 'u';

export const emptyBitstring = (length = STATUS_LIST_LENGTH) => Buffer.alloc(length / 8);

export function bitAt(bits: Uint8Array, index: number): boolean {
  const byte = bits[Math.floor(index / 8)];
  if (byte === undefined || index < 0) throw new RangeError(`index ${index} is outside the list`);
  return (byte & (0x80 >> (index % 8))) !== 0;
}

/** A copy of `bits` with `index` set to `value`. */
export function withBit(bits: Uint8Array, index: number, value: boolean): Buffer {
  if (index < 0 || index >= bits.length * 8) throw new RangeError(`index ${index} is outside the list`);
  const copy = Buffer.from(bits);
  const mask = 0x80 >> (index % 8);
  const at = Math.floor(index / 8);
  copy[at] = value ? (copy[at] ?? 0) | mask : (copy[at] ?? 0) & ~mask;
  return copy;
}

/** Bitstring Generation Algorithm (§3.3): GZIP, then multibase base64url without padding. */
export const encodeBitstring = (bits: Uint8Array): string =>
  MULTIBASE_BASE64URL + gzipSync(bits).toString('base64url');

/** Bitstring Expansion Algorithm (§3.4); throws on anything that is not such an encoding. */
export function decodeBitstring(encodedList: string): Buffer {
  if (!encodedList.startsWith(MULTIBASE_BASE64URL)) throw new Error('encodedList is not multibase base64url');
  const body = encodedList.slice(1);
  if (!/^[A-Za-z0-9_-]*$/.test(body)) throw new Error('encodedList is not base64url');
  // A bomb guard: a real list is a few KB compressed and 16 KB (or a few times that) expanded.
  return gunzipSync(Buffer.from(body, 'base64url'), { maxOutputLength: 16 * STATUS_LIST_LENGTH });
}
