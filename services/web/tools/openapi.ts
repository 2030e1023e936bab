import { writeFileSync } from 'node:fs';
import { documentPath, typesOf, typesPath } from './api-types.ts';
import { buildPublishedOpenApi } from './published-openapi.ts';
import { withScratch } from './scratch.ts';

// `pnpm --filter @onego/web openapi`: regenerates the checked-in OpenAPI document and the API
// client's types after a service's routes changed (test/openapi.int.spec.ts fails until then).

const document = await withScratch((scratch) => buildPublishedOpenApi(scratch));
writeFileSync(documentPath, `${JSON.stringify(document, null, 2)}\n`);
writeFileSync(typesPath, await typesOf(document));
console.log(`wrote ${documentPath}\nwrote ${typesPath}`);
process.exit(0);
