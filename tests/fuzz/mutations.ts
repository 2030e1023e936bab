import { encode, type Plan, textOf, type Wire } from './encode.ts';
import { describePath, type Location, locationsOf, pick, withAt } from './json-locations.ts';
import type { Operation } from './openapi.ts';
import {
  CONTROL_TEXTS,
  DEEP_SHAPES,
  HUGE_LENGTHS,
  INVALID_UTF8,
  OTHER_TYPES,
  OUT_OF_RANGE,
  WRONG_CONTENT_TYPES,
} from './payloads.ts';
import { inPlace, malformedJson, RAW, spliceRaw } from './wire-mutations.ts';

// The ways a request goes wrong. Each takes the planned request and a few choice numbers (from
// fast-check, so a failure shrinks towards the first location and the first variant) and
// returns the bytes to send and a note of what was changed where.

export const MUTATIONS = [
  'none',
  'wrong-type',
  'missing-required',
  'extra-field',
  'huge-string',
  'deep-nesting',
  'invalid-utf8',
  'control-characters',
  'out-of-range',
  'wrong-content-type',
  'malformed-json',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

export interface Mutated {
  wire: Wire;
  detail: string;
}

type Place = { in: 'body'; location: Location } | { in: 'query' | 'path'; name: string };

/** Where in the request a value can be changed: body nodes, query and path parameters. */
function placesOf(operation: Operation, plan: Plan, accept: (l: Location) => boolean): Place[] {
  const body = plan.body === undefined ? [] : locationsOf(plan.body).filter(accept);
  const named = (where: 'query' | 'path') =>
    operation.parameters.filter((p) => p.in === where).map((p) => p.name);
  const query = [...new Set([...named('query'), ...Object.keys(plan.query)])];
  return [
    ...body.map((location) => ({ in: 'body' as const, location })),
    ...(query.length ? query : ['q']).map((name) => ({ in: 'query' as const, name })),
    ...named('path').map((name) => ({ in: 'path' as const, name })),
  ];
}

function replaceAt(plan: Plan, place: Place, value: unknown): Plan {
  if (place.in === 'body') return { ...plan, body: withAt(plan.body, place.location.path, value) };
  if (place.in === 'query') return { ...plan, query: { ...plan.query, [place.name]: value } };
  return { ...plan, pathParams: { ...plan.pathParams, [place.name]: value } };
}

const where = (place: Place) =>
  place.in === 'body' ? `body ${describePath(place.location.path)}` : `${place.in} ${place.name}`;

function change(
  operation: Operation,
  plan: Plan,
  choices: number[],
  accept: (l: Location) => boolean,
  values: readonly unknown[],
  what: string,
): Mutated {
  const places = placesOf(operation, plan, accept);
  const place = pick(places, choices[0] ?? 0);
  const value = pick(values, choices[1] ?? 0);
  return {
    wire: encode(operation, replaceAt(plan, place, value)),
    detail: `${what} at ${where(place)}: ${preview(value)}`,
  };
}

export const preview = (value: unknown) => {
  const text = textOf(value);
  return text.length > 60
    ? `${JSON.stringify(text.slice(0, 40))}… (${text.length} chars)`
    : JSON.stringify(text);
};

const anyNode = () => true;
const leaf = (l: Location) => l.kind !== 'object' && l.kind !== 'array';
const stringNode = (l: Location) => l.kind === 'string';
const numberNode = (l: Location) => l.kind === 'number';
const objectNode = (l: Location) => l.kind === 'object';

export function mutate(operation: Operation, plan: Plan, mutation: Mutation, choices: number[]): Mutated {
  const [first = 0, second = 0] = choices;
  switch (mutation) {
    case 'none':
      return { wire: encode(operation, plan), detail: 'as planned' };
    case 'wrong-type':
      return change(operation, plan, choices, anyNode, OTHER_TYPES, 'wrong type');
    case 'missing-required':
      return missing(operation, plan, first);
    case 'extra-field':
      return extra(operation, plan, first, second);
    case 'huge-string': {
      const length = pick(HUGE_LENGTHS, second);
      const text = (second % 2 ? '汉' : 'A').repeat(length);
      return change(operation, plan, [first, 0], stringNode, [text], 'huge string');
    }
    case 'deep-nesting': {
      const places = locationsOf(plan.body ?? {}).filter(anyNode);
      const location = pick(places, first);
      const raw = pick(DEEP_SHAPES, second);
      return inPlace(
        operation,
        { ...plan, body: plan.body ?? {} },
        location.path,
        Buffer.from(raw.text),
        `deep nesting (${raw.name}) at body ${describePath(location.path)}`,
      );
    }
    case 'invalid-utf8':
      return invalidUtf8(operation, plan, first, second);
    case 'control-characters':
      return change(
        operation,
        plan,
        choices,
        (l) => stringNode(l) || leaf(l),
        CONTROL_TEXTS,
        'control characters',
      );
    case 'out-of-range':
      return outOfRange(operation, plan, first, second);
    case 'wrong-content-type': {
      const contentType = pick(WRONG_CONTENT_TYPES, second);
      const wire = encode(operation, { ...plan, body: plan.body ?? {} });
      const headers = { ...wire.headers };
      if (contentType === null) delete headers['content-type'];
      else headers['content-type'] = contentType;
      return { wire: { ...wire, headers }, detail: `content-type ${contentType ?? '(none)'}` };
    }
    case 'malformed-json':
      return malformedJson(operation, plan, first, second);
  }
}

function missing(operation: Operation, plan: Plan, choice: number): Mutated {
  const required = operation.parameters.filter((p) => p.required && p.in !== 'header');
  const rootKeys = operation.body?.schema.required ?? [];
  const options = [
    ...rootKeys.map((key) => ({
      detail: `body ${key} removed`,
      plan: { ...plan, body: withAt(plan.body ?? {}, [key], undefined, true) },
    })),
    ...required.map((p) =>
      p.in === 'query'
        ? {
            detail: `query ${p.name} removed`,
            plan: {
              ...plan,
              query: Object.fromEntries(Object.entries(plan.query).filter(([k]) => k !== p.name)),
            },
          }
        : {
            detail: `path ${p.name} empty`,
            plan: { ...plan, pathParams: { ...plan.pathParams, [p.name]: '' } },
          },
    ),
    ...(operation.body?.required ? [{ detail: 'no body', plan: { ...plan, body: undefined } }] : []),
    // Nested required fields: remove any key of any object in the body.
    ...locationsOf(plan.body ?? null)
      .filter((l) => l.path.length > 1)
      .map((l) => ({
        detail: `body ${describePath(l.path)} removed`,
        plan: { ...plan, body: withAt(plan.body, l.path, undefined, true) },
      })),
  ];
  if (options.length === 0) return { wire: encode(operation, plan), detail: 'nothing required to remove' };
  const chosen = pick(options, choice);
  return { wire: encode(operation, chosen.plan), detail: chosen.detail };
}

const EXTRA_KEYS = ['extra', '__proto__', 'constructor', '', '字段', 'a'.repeat(300), '$where', 'toString'];

function extra(operation: Operation, plan: Plan, first: number, second: number): Mutated {
  const key = pick(EXTRA_KEYS, second);
  const objects = plan.body !== undefined ? locationsOf(plan.body).filter(objectNode) : [];
  if (objects.length > 0 && first % 3 !== 0) {
    const location = pick(objects, first);
    const body = withAt(plan.body, [...location.path, key], { injected: true });
    return {
      wire: encode(operation, { ...plan, body }),
      detail: `extra field ${preview(key)} in body ${describePath(location.path)}`,
    };
  }
  return {
    wire: encode(operation, { ...plan, query: { ...plan.query, [key || 'x']: 'extra' } }),
    detail: `extra query ${preview(key)}`,
  };
}

function invalidUtf8(operation: Operation, plan: Plan, first: number, second: number): Mutated {
  const bytes = Buffer.from(pick(INVALID_UTF8, second));
  const strings = plan.body !== undefined ? locationsOf(plan.body).filter(stringNode) : [];
  if (strings.length > 0 && first % 4 !== 0) {
    const location = pick(strings, first);
    const body = withAt(plan.body, location.path, RAW);
    const wire = encode(operation, { ...plan, body });
    return {
      wire: { ...wire, body: spliceRaw(wire.body ?? Buffer.alloc(0), bytes) },
      detail: `invalid UTF-8 ${bytes.toString('hex')} in body ${describePath(location.path)}`,
    };
  }
  // In the URL: percent-encoded bytes that do not decode as UTF-8.
  const escaped = [...bytes].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  const wire = encode(operation, plan);
  const [path = '', query] = wire.target.split('?');
  const target =
    first % 2
      ? `${path}?q=${escaped}${query ? `&${query}` : ''}`
      : `${path}${escaped}${query ? `?${query}` : ''}`;
  return { wire: { ...wire, target }, detail: `invalid UTF-8 ${escaped} in the URL` };
}

function outOfRange(operation: Operation, plan: Plan, first: number, second: number): Mutated {
  const token = pick(OUT_OF_RANGE, second);
  const numbers = plan.body !== undefined ? locationsOf(plan.body).filter(numberNode) : [];
  if (numbers.length > 0 && first % 3 !== 0) {
    const location = pick(numbers, first);
    return inPlace(
      operation,
      plan,
      location.path,
      Buffer.from(token),
      `number ${token} at body ${describePath(location.path)}`,
    );
  }
  return change(operation, plan, [first, 0], (l) => numberNode(l) || leaf(l), [token], 'number');
}
