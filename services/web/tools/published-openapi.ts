import { buildApplicationsService } from '@onego/applications/src/app.ts';
import { loadApplicationsConfig } from '@onego/applications/src/config.ts';
import { buildCertificatesService } from '@onego/certificates/src/app.ts';
import { loadCertificatesConfig } from '@onego/certificates/src/config.ts';
import { buildDepartmentAdaptersService } from '@onego/department-adapters/src/app.ts';
import { loadDepartmentAdaptersConfig } from '@onego/department-adapters/src/config.ts';
import { loadGatewayConfig } from '@onego/gateway/src/config.ts';
import { mergeOpenApi } from '@onego/gateway/src/openapi.ts';
import { upstreamsOf } from '@onego/gateway/src/upstreams.ts';
import { buildIdentityService } from '@onego/identity/src/app.ts';
import { loadIdentityConfig } from '@onego/identity/src/config.ts';

// The public API's OpenAPI document exactly as the gateway publishes it at /api/docs/json, made
// without a running platform: each service's app is built (not listening) against a scratch
// database and NATS namespace, asked for its own document, and the gateway's merge is applied.

export interface Scratch {
  databaseUrl: string;
  natsUrl: string;
  natsNamespace: string;
}

interface Built {
  app: { ready(): PromiseLike<unknown>; swagger(): unknown };
  stop(): Promise<void>;
}

/** The merged document, keys sorted so that the checked-in copy changes only when the API does. */
export async function buildPublishedOpenApi(scratch: Scratch, version = '1.0.0') {
  const env = {
    DATABASE_URL: scratch.databaseUrl,
    NATS_URL: scratch.natsUrl,
    NATS_NAMESPACE: scratch.natsNamespace,
    LOG_LEVEL: 'silent',
    PORT: '0',
  };
  const builders: Record<string, () => Promise<Built>> = {
    identity: () => buildIdentityService(loadIdentityConfig(env), { env: {} }),
    applications: () => buildApplicationsService(loadApplicationsConfig(env)),
    certificates: () => buildCertificatesService(loadCertificatesConfig(env)),
    'department-adapters': () => buildDepartmentAdaptersService(loadDepartmentAdaptersConfig(env)),
  };
  const documents = [];
  // One at a time: each service migrates its own schema in the scratch database.
  for (const upstream of upstreamsOf(loadGatewayConfig({}))) {
    const build = builders[upstream.name];
    if (!build) throw new Error(`no builder for the gateway's upstream ${upstream.name}`);
    const service = await build();
    try {
      await service.app.ready();
      documents.push({
        upstream,
        document: service.app.swagger() as Parameters<typeof mergeOpenApi>[0][0]['document'],
      });
    } finally {
      await service.stop();
    }
  }
  return sortKeys(mergeOpenApi(documents, version)) as ReturnType<typeof mergeOpenApi>;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
