import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

// The typed API client's types, generated from the published OpenAPI document and formatted as
// the repository formats TypeScript, so that regenerating an unchanged API changes no byte.

export const webRoot = fileURLToPath(new URL('..', import.meta.url));
export const documentPath = `${webRoot}app/api/openapi.generated.json`;
export const typesPath = `${webRoot}app/api/schema.generated.ts`;

const HEADER = `// Generated from app/api/openapi.generated.json by \`pnpm --filter @onego/web openapi\`: do not edit.
// biome-ignore-all lint: generated code
`;

export async function typesOf(document: object): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
    exportType: true,
  });
  return format(`${HEADER}${astToString(ast)}`);
}

function format(source: string): string {
  const biome = spawnSync('pnpm', ['exec', 'biome', 'format', `--stdin-file-path=${typesPath}`], {
    cwd: webRoot,
    input: source,
    encoding: 'utf8',
  });
  if (biome.status !== 0) throw new Error(`biome could not format the generated types: ${biome.stderr}`);
  return biome.stdout;
}
