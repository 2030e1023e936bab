import type { JsonSchema } from './schema-arbitrary.ts';

// The operations the fuzzer aims at: every route of the merged public OpenAPI document that the
// gateway serves, with the schemas of its path, query and header parameters and of its body.

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** `METHOD /path/{param}`, as the report names it. */
  key: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { contentType: string; schema: JsonSchema; required: boolean };
  secured: boolean;
}

interface Document {
  paths: Record<string, Record<string, RawOperation>>;
}

interface RawOperation {
  parameters?: (Parameter & { in: string })[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

/** The merged document (the gateway's Swagger UI serves it as JSON under /api/docs/json). */
export async function fetchOperations(origin: string): Promise<Operation[]> {
  const response = await fetch(new URL('/api/docs/json', origin));
  if (!response.ok) throw new Error(`the public OpenAPI document answered ${response.status}`);
  return operationsOf((await response.json()) as Document);
}

export function operationsOf(document: Document): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const [contentType, media] = Object.entries(raw.requestBody?.content ?? {})[0] ?? [];
      const parameters = (raw.parameters ?? []).filter(
        (p): p is Parameter => p.in === 'path' || p.in === 'query' || p.in === 'header',
      );
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: parameters.map((p) => ({ ...p, required: p.required ?? false, schema: p.schema ?? {} })),
        ...(contentType && {
          body: {
            contentType,
            schema: media?.schema ?? {},
            required: raw.requestBody?.required ?? false,
          },
        }),
        secured: (raw.security ?? []).length > 0,
      });
    }
  }
  return operations.sort((a, b) => a.key.localeCompare(b.key));
}

/** The path with its parameters filled in, each already encoded for the request line. */
export function fillPath(template: string, encoded: Record<string, string>) {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encoded[name] ?? 'missing');
}
