import { readFileSync } from 'node:fs';
import { createTestDatabase, createTestNamespace } from '@onego/testing';
import { describe, expect, it } from 'vitest';
import { documentPath, typesOf, typesPath } from '../tools/api-types.ts';
import { buildPublishedOpenApi } from '../tools/published-openapi.ts';

// The web app's API client is typed from a checked-in copy of the published OpenAPI document.
// When a service's routes change, these fail until `pnpm --filter @onego/web openapi` is run.

const REGENERATE = 'stale: run `pnpm --filter @onego/web openapi` and commit the result';

describe('the web app’s API types', () => {
  it('are generated from the OpenAPI document the gateway publishes today', async () => {
    // Given every service's app, built against this file's own database and namespace
    const database = await createTestDatabase('openapi');
    const namespace = createTestNamespace();
    try {
      // When the gateway's merged document is made from their documents
      const published = await buildPublishedOpenApi({
        databaseUrl: database.url,
        natsUrl: namespace.natsUrl,
        natsNamespace: namespace.prefix,
      });
      // Then it is the checked-in copy
      const checkedIn = JSON.parse(readFileSync(documentPath, 'utf8'));
      expect(published, REGENERATE).toEqual(checkedIn);
    } finally {
      await namespace.cleanup();
      await database.drop();
    }
  });

  it('are the types that copy generates', async () => {
    // Given the checked-in document
    const checkedIn = JSON.parse(readFileSync(documentPath, 'utf8'));
    // When its types are generated again
    const types = await typesOf(checkedIn);
    // Then they are the checked-in types, byte for byte
    expect(types === readFileSync(typesPath, 'utf8'), REGENERATE).toBe(true);
  });
});
