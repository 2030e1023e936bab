import { fileURLToPath } from 'node:url';
import rateLimit from '@fastify/rate-limit';
import { requireRole, requireScope, verifierFor } from '@onego/http';
import { createService } from '@onego/service';
import type { CertificatesConfig } from './config.ts';
import { tables } from './db/schema.ts';
import { issuanceConsumers } from './handlers.ts';
import { createIssuance } from './issuance.ts';
import { createIssuerKeyStore } from './keys.ts';
import { createRevocation } from './revocation.ts';
import { applicationCertificateRoutes } from './routes/applications.ts';
import { certificateRoutes } from './routes/certificates.ts';
import { documentRoutes } from './routes/documents.ts';
import { internalRoutes } from './routes/internal.ts';
import { issuerRoutes } from './routes/issuers.ts';
import { operatorRoutes } from './routes/operators.ts';
import { schemaRoutes } from './routes/schemas.ts';
import { verifyRoutes } from './routes/verify.ts';
import { createStatusLists } from './status-lists.ts';
import { createCertificateStore } from './store.ts';
import { createVerifier } from './verifier.ts';

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/** The certificates service: issues, publishes, revokes and verifies departments' e-certificates. */
export async function buildCertificatesService(
  config: CertificatesConfig,
  options: { clock?: () => Date } = {},
) {
  const clock = options.clock ?? (() => new Date());
  const origin = config.PUBLIC_ORIGIN;
  const verifyToken = verifierFor(config);
  // Applications and their certificates belong to people (citizens; staff acting for them),
  // never to a department system: its client id is no account id, and owner lookups by it
  // failed with a 500 (issue 7's fuzz run). Department systems get a 403 that says so.
  const authenticate = requireScope(verifyToken, 'citizen', 'clerk', 'operator');
  const authorise = requireRole(verifyToken, 'operator');
  const service = await createService({
    name: 'certificates',
    operators: authorise,
    schema: 'certificates',
    migrationsFolder,
    tables,
    config,
    openApi: {
      title: 'OneGo certificates',
      description:
        'E-certificates (电子证照) as W3C Verifiable Credentials 2.0 secured as JWTs (vc+jwt), signed by each department (did:web issuers); Bitstring Status Lists for revocation and suspension; verification; delivery of an application’s certificates together; printable copies.',
      version: '1.0.0',
      prefix: '/api/certificates',
    },
  });
  const { app, runtime } = service;
  const keys = createIssuerKeyStore(runtime.db, runtime.vault, origin, clock);
  await keys.ensureIssuerKeys();
  const statusLists = createStatusLists({ db: runtime.db, keys, origin, clock });
  const revocation = createRevocation({ statusLists, clock });
  const issuance = createIssuance({
    keys,
    statusLists,
    revocation,
    outbox: runtime.outbox,
    vault: runtime.vault,
    origin,
    clock,
  });
  const verifier = createVerifier({ keys, statusLists, origin, clock });
  const store = createCertificateStore(runtime.db, runtime.vault);

  // Only the routes that ask for it are rate-limited (the verify endpoint); the gateway guards the rest.
  await app.register(rateLimit, {
    global: false,
    // Thrown, so the one error handler answers it as every other 4xx: { error }.
    errorResponseBuilder: (_request, context) =>
      Object.assign(
        new Error(
          `too many requests: at most ${context.max} a minute; retry in ${Math.ceil(context.ttl / 1000)} s`,
        ),
        { statusCode: 429 },
      ),
  });
  certificateRoutes(app, { store, authenticate });
  applicationCertificateRoutes(app, { store, authenticate, origin });
  documentRoutes(app, { store, authenticate, origin });
  operatorRoutes(app, { db: runtime.db, revocation, keys, authorise });
  verifyRoutes(app, { verifier, ratePerMinute: config.VERIFY_RATE_LIMIT_PER_MINUTE });
  issuerRoutes(app, { keys, statusLists });
  schemaRoutes(app, { origin });
  internalRoutes(app, { store, verifier });
  return {
    app,
    issuance,
    async start() {
      await service.listen(issuanceConsumers({ issuance, revocation }, runtime.namespace, service.logger));
    },
    async stop() {
      await app.close();
      await runtime.stop();
    },
  };
}

export type CertificatesService = Awaited<ReturnType<typeof buildCertificatesService>>;
