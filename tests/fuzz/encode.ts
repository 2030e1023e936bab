import { fillPath, type Operation } from './openapi.ts';

// A request as the fuzzer plans it (values per place), and its encoding to bytes on the wire.
// Mutations that work on the plan change values; those that work on the wire change the bytes.

export interface Plan {
  pathParams: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  /** The JSON (or form) body; undefined: none. */
  body: unknown;
  /** A body given as bytes (multipart uploads), sent instead of `body`. */
  raw?: { contentType: string; bytes: Buffer };
}

export interface Wire {
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** Query and path values: strings as they are, anything else as JSON text. */
export const textOf = (value: unknown) =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Percent-encoding of the UTF-8 bytes (lone surrogates become U+FFFD, as Buffer encodes them). */
export const percentEncode = (text: string) =>
  [...Buffer.from(text, 'utf8')]
    .map((b) =>
      UNRESERVED.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

export function queryString(query: Record<string, unknown>) {
  const parts = Object.entries(query).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => `${percentEncode(key)}=${percentEncode(textOf(v))}`),
  );
  return parts.length ? `?${parts.join('&')}` : '';
}

export function targetOf(operation: Operation, plan: Plan, encodedPath?: Record<string, string>) {
  const encoded =
    encodedPath ??
    Object.fromEntries(Object.entries(plan.pathParams).map(([k, v]) => [k, percentEncode(textOf(v))]));
  return fillPath(operation.path, encoded) + queryString(plan.query);
}

export function bodyBytes(operation: Operation, body: unknown): Buffer {
  if (
    operation.body?.contentType === 'application/x-www-form-urlencoded' &&
    body &&
    typeof body === 'object'
  ) {
    const form = Object.entries(body as Record<string, unknown>).map(([k, v]): [string, string] => [
      k,
      textOf(v),
    ]);
    return Buffer.from(new URLSearchParams(form).toString());
  }
  return Buffer.from(JSON.stringify(body) ?? '');
}

/** The plan on the wire, unchanged. */
export function encode(operation: Operation, plan: Plan): Wire {
  const headers = { ...plan.headers };
  if (plan.raw) {
    return {
      target: targetOf(operation, plan),
      headers: { ...headers, 'content-type': plan.raw.contentType },
      body: plan.raw.bytes,
    };
  }
  if (plan.body === undefined) return { target: targetOf(operation, plan), headers };
  return {
    target: targetOf(operation, plan),
    headers: { ...headers, 'content-type': operation.body?.contentType ?? 'application/json' },
    body: bodyBytes(operation, plan.body),
  };
}
