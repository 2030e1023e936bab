import { encode, type Plan } from './encode.ts';
import { type JsonPath, pick, withAt } from './json-locations.ts';
import type { Mutated } from './mutations.ts';
import type { Operation } from './openapi.ts';

// Mutations of the bytes themselves: what JSON.stringify cannot produce.

/** A marker put where raw bytes go; it is found again in the encoded body and replaced. */
export const RAW = '\u0001fuzz-raw\u0001';
const RAW_BYTES = Buffer.from(RAW);
const RAW_QUOTED = Buffer.from(JSON.stringify(RAW));

/** Replaces the first marker in the body with the bytes (inside the string that held it). */
export function spliceRaw(body: Buffer, bytes: Buffer, marker = RAW_BYTES): Buffer {
  const escaped = Buffer.from(JSON.stringify(RAW).slice(1, -1));
  for (const candidate of [marker, escaped]) {
    const at = body.indexOf(candidate);
    if (at >= 0) return Buffer.concat([body.subarray(0, at), bytes, body.subarray(at + candidate.length)]);
  }
  return Buffer.concat([bytes, body]);
}

/** Puts raw JSON text (a number literal, deep nesting) where a node was. */
export function inPlace(
  operation: Operation,
  plan: Plan,
  path: JsonPath,
  raw: Buffer,
  detail: string,
): Mutated {
  const wire = encode(operation, { ...plan, body: withAt(plan.body, path, RAW) });
  const headers = { ...wire.headers, 'content-type': 'application/json' };
  return {
    wire: { ...wire, headers, body: spliceRaw(wire.body ?? Buffer.alloc(0), raw, RAW_QUOTED) },
    detail,
  };
}

const BREAKAGES: { name: string; apply: (json: string) => string }[] = [
  { name: 'truncated', apply: (json) => json.slice(0, Math.max(1, Math.floor(json.length / 2))) },
  { name: 'trailing comma', apply: (json) => json.replace(/}$/, ',}') },
  { name: 'single quotes', apply: (json) => json.replaceAll('"', "'") },
  { name: 'NaN literal', apply: () => '{"a":NaN}' },
  { name: 'empty', apply: () => '' },
  { name: 'whitespace only', apply: () => ' \n\t ' },
  { name: 'byte order mark', apply: (json) => `\ufeff${json}` },
  { name: 'two documents', apply: (json) => `${json}${json}` },
  { name: 'prototype pollution', apply: () => '{"__proto__":{"polluted":true}}' },
  { name: 'constructor pollution', apply: () => '{"constructor":{"prototype":{"polluted":true}}}' },
  { name: 'duplicate keys', apply: (json) => json.replace(/^\{/, '{"a":1,"a":2,') },
  { name: 'comment', apply: (json) => `/* hi */${json}` },
  { name: 'unterminated string', apply: () => '{"a":"abc' },
  { name: 'lone bracket', apply: () => '[' },
  { name: 'null', apply: () => 'null' },
  { name: 'bare string', apply: () => '"just a string"' },
  { name: 'bare number', apply: () => '42' },
];

export function malformedJson(operation: Operation, plan: Plan, first: number, second: number): Mutated {
  const breakage = pick(BREAKAGES, first + second);
  const wire = encode(operation, { ...plan, body: plan.body ?? {} });
  const json = JSON.stringify(plan.body ?? {});
  return {
    wire: {
      ...wire,
      headers: { ...wire.headers, 'content-type': 'application/json' },
      body: Buffer.from(breakage.apply(json)),
    },
    detail: `malformed JSON (${breakage.name})`,
  };
}
