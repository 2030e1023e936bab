import fc from 'fast-check';
import { type FuzzContext, IDENTITIES, type Identity } from './context.ts';
import type { Plan } from './encode.ts';
import { pick } from './json-locations.ts';
import { type Mutation, mutate } from './mutations.ts';
import type { Operation, Parameter } from './openapi.ts';
import { arbitraryOf } from './schema-arbitrary.ts';

// One generated request: an operation of the public API, planned from its schemas (or from a
// known well-formed example), sent as one identity, with at most one mutation.

export interface FuzzRequest {
  operation: string;
  mutation: Mutation;
  identity: Identity;
  /** What the mutation changed, where. */
  detail: string;
  method: string;
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
}

const headerSafe = (value: unknown) => String(value).replace(/[^\x20-\x7e]/g, '');

function parameterValue(parameter: Parameter, context: FuzzContext) {
  const generated = arbitraryOf(parameter.schema);
  const known = context.known[parameter.name];
  return known?.length
    ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: generated })
    : generated;
}

function recordOf(parameters: Parameter[], context: FuzzContext) {
  const model = Object.fromEntries(parameters.map((p) => [p.name, parameterValue(p, context)]));
  return fc.record(model, { requiredKeys: parameters.filter((p) => p.required).map((p) => p.name) });
}

function bodyOf(operation: Operation, context: FuzzContext): fc.Arbitrary<unknown> {
  if (!operation.body) return fc.constant(undefined);
  const generated = arbitraryOf(operation.body.schema);
  const example = context.examples[operation.key];
  const body = example
    ? fc.oneof({ weight: 3, arbitrary: example }, { weight: 1, arbitrary: generated })
    : generated;
  return operation.body.required ? body : fc.option(body, { nil: undefined });
}

export function planOf(operation: Operation, context: FuzzContext): fc.Arbitrary<Plan> {
  const of = (where: Parameter['in']) => operation.parameters.filter((p) => p.in === where);
  const raw = context.raw[operation.key];
  return fc.record({
    pathParams: recordOf(of('path'), context),
    query: recordOf(of('query'), context),
    headers: recordOf(of('header'), context).map((h) =>
      Object.fromEntries(Object.entries(h).map(([k, v]) => [k, headerSafe(v)])),
    ),
    body: bodyOf(operation, context),
    ...(raw && { raw }),
  }) as fc.Arbitrary<Plan>;
}

function authorization(identity: Identity, context: FuzzContext, choice: number): Record<string, string> {
  if (identity === 'anonymous') return {};
  if (identity === 'bad-token') {
    const token = pick(context.badTokens, choice);
    return { authorization: choice % 5 === 4 ? token : `Bearer ${token}` };
  }
  return { authorization: `Bearer ${context.tokens[identity]}` };
}

/**
 * Requests for one operation with one of the given mutations. Each request comes from its own
 * client address (X-Forwarded-For, which the loopback gateway trusts) so that the per-address
 * rate limits, checked separately by the flood scenarios, stay out of the way.
 */
export function requestsFor(
  operation: Operation,
  context: FuzzContext,
  mutations: readonly Mutation[],
): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      plan: planOf(operation, context),
      identity: fc.constantFrom(...IDENTITIES),
      mutation: fc.constantFrom(...mutations),
      choices: fc.tuple(fc.nat(10_000), fc.nat(10_000)),
      address: fc.nat(0xffffff),
    })
    .map(({ plan, identity, mutation, choices, address }) => {
      const mutated = mutate(operation, plan, mutation, choices);
      const client = `10.${address >> 16}.${(address >> 8) & 0xff}.${address & 0xff}`;
      return {
        operation: operation.key,
        mutation,
        identity,
        detail: mutated.detail,
        method: operation.method,
        target: mutated.wire.target,
        headers: {
          ...mutated.wire.headers,
          ...authorization(identity, context, choices[0]),
          'x-forwarded-for': client,
        },
        ...(mutated.wire.body && { body: mutated.wire.body }),
      };
    });
}
