import { describe, expect, it } from 'vitest';
import { parseCompactJws } from '../src/domain/compact-jws.ts';
import { decideRequest, sameFacts } from '../src/domain/correction.ts';
import { FACTS } from './fixtures.ts';

const facts = FACTS['household-registration-record'];
const latest = { id: 'v1', serial: 7, version: 1, facts };

describe('a second request for an item’s certificate', () => {
  it('is the first issuance when the item has no certificate', () => {
    expect(decideRequest(undefined, facts)).toEqual({ kind: 'issue-first' });
  });

  it('changes nothing when it states the same facts, in whatever key order', () => {
    const reordered = Object.fromEntries(Object.entries(facts).reverse()) as typeof facts;
    expect(sameFacts(facts, reordered)).toBe(true);
    expect(decideRequest(latest, reordered)).toEqual({ kind: 'already-issued', id: 'v1' });
  });

  it('is a correction, the next version of the same serial, when any fact differs', () => {
    const corrected = { ...facts, householdAddress: '湖南省汨罗市归义镇正街2号' };
    expect(decideRequest(latest, corrected)).toEqual({
      kind: 'correct',
      previous: { id: 'v1', serial: 7, version: 1 },
    });
  });
});

describe('reading a compact JWS strictly', () => {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const jws = `${part({ alg: 'EdDSA' })}.${part({ a: 1 })}.${Buffer.alloc(64, 7).toString('base64url')}`;

  it('reads a well-formed one', () => {
    expect(parseCompactJws(jws).payload).toEqual({ a: 1 });
  });

  it('refuses a part that decodes to the same bytes but is not their canonical spelling', () => {
    // The signature's last character carries 4 unused bits: changing them alone changes no byte
    const last = jws.at(-1) ?? '';
    const sibling = String.fromCharCode(last.charCodeAt(0) + 1);
    const variant = `${jws.slice(0, -1)}${sibling}`;
    expect(Buffer.from(variant.split('.')[2] ?? '', 'base64url')).toEqual(
      Buffer.from(jws.split('.')[2] ?? '', 'base64url'),
    );
    expect(() => parseCompactJws(variant)).toThrow('not canonical');
  });

  it.each([
    ['two parts', 'a.b'],
    ['a padded part', `${part({ alg: 'EdDSA' })}=.e30.AAAA`],
    ['a payload that is not an object', `${part({ alg: 'EdDSA' })}.${part([1])}.AAAA`],
  ])('refuses %s', (_name, text) => {
    expect(() => parseCompactJws(text)).toThrow();
  });
});
