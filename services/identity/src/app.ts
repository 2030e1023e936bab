import { fileURLToPath } from 'node:url';
import rateLimit from '@fastify/rate-limit';
import { applyMigrations, type DatabaseHandle, openDatabase } from '@onego/db';
import { createHttpApp, HttpError, requireAuth, requireScope } from '@onego/http';
import { openVault } from '@onego/vault';
import { createCitizenStore } from './citizens.ts';
import { type IdentityConfig, loadMasterKeys } from './config.ts';
import { CITIZEN_SCOPE } from './domain/accounts.ts';
import { createKeyStore } from './keys.ts';
import { citizenRoutes } from './routes/citizens.ts';
import { discoveryRoutes } from './routes/discovery.ts';
import { pollsPerClient } from './routes/fields.ts';
import { meRoutes } from './routes/me.ts';
import { myDocumentRoutes } from './routes/my-document.ts';
import { oauthRoutes } from './routes/oauth.ts';
import { revocationRoutes } from './routes/revocations.ts';
import { sessionRoutes } from './routes/sessions.ts';
import { staffRoutes } from './routes/staff.ts';
import { UNREADABLE_RECORD, UnreadableRecordError } from './sealed.ts';
import { applySeed, loadSeed } from './seed.ts';
import { createSessionStore } from './sessions.ts';
import { createSignInAttempts } from './sign-in-attempts.ts';
import { createLocalTokenVerifier, createTokenIssuer } from './tokens.ts';

const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * The identity service: citizen, staff and department-system accounts, sign-in and OAuth 2.0
 * client credentials, sessions and their revocation, and the keys that sign access tokens.
 */
export async function buildIdentityService(
  config: IdentityConfig,
  options: {
    clock?: () => Date;
    /** Seed passwords and the master keys come from here (default: the process's environment). */
    env?: Record<string, string | undefined>;
  } = {},
) {
  const clock = options.clock ?? (() => new Date());
  const env = options.env ?? process.env;
  const masterKeys = loadMasterKeys(env);
  let database: DatabaseHandle | undefined;
  const app = await createHttpApp({
    name: 'identity',
    logLevel: config.LOG_LEVEL,
    openApi: {
      title: 'OneGo identity',
      description:
        'Accounts (citizens, clerks, operators, department systems), sign-in, OAuth 2.0 client credentials, sessions and their revocation, OpenID Connect discovery and the JWKS.',
      version: '1.0.0',
      prefix: '/api/identity',
    },
    ready: async () => Boolean(database && (await database.sql`select 1`)),
  });
  // Every route is limited per client address; sign-in routes more tightly (fields.ts).
  await app.register(rateLimit, {
    global: true,
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, `too many attempts; retry in ${context.after}`),
  });
  // createHttpApp registered the OpenAPI document before the limiter existed: limit it here.
  const limitDocument = app.rateLimit(pollsPerClient);
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url === '/api/identity/openapi.json')
      await limitDocument.call(app, request, reply);
  });
  // The caller gets a 503 (the error handlers); operators get the row to restore, not its content.
  app.addHook('onError', async (request, _reply, error) => {
    if (error instanceof UnreadableRecordError) {
      request.log.error({ record: error.place, err: error.cause }, UNREADABLE_RECORD);
    }
  });

  await applyMigrations(config.DATABASE_URL, { schema: 'identity', folder: migrationsFolder });
  database = openDatabase(config.DATABASE_URL, { applicationName: 'identity' });
  const opened = database;
  const { db } = database;
  const vault = await openVault({ sql: database.sql, schema: 'identity', masterKeys }).catch(
    async (error: unknown) => {
      // A data key wrapped by a master key that is not configured: nothing could be read.
      await Promise.all([app.close(), opened.close()]);
      throw error;
    },
  );
  const keys = createKeyStore(db, vault, {
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    clock,
  });
  await keys.ensureActiveKey();
  if (config.IDENTITY_SEED_FILE) {
    const seed = await loadSeed(config.IDENTITY_SEED_FILE, env);
    const created = await applySeed(db, seed, clock());
    if (created.staff.length + created.clients.length > 0) {
      app.log.warn(created, 'created the development accounts of IDENTITY_SEED_FILE (not for production)');
    }
  }

  const sessions = createSessionStore(db, clock);
  const tokens = { issuer: config.TOKEN_ISSUER, audience: config.TOKEN_AUDIENCE, clock };
  const issueAccessToken = createTokenIssuer(keys, sessions, {
    ...tokens,
    ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
  });
  const verify = createLocalTokenVerifier(keys, sessions, tokens);
  const authenticate = requireAuth(verify);
  const attempts = createSignInAttempts(
    db,
    { maxFailures: config.LOGIN_LOCKOUT_FAILURES, windowSeconds: config.LOGIN_LOCKOUT_WINDOW_SECONDS },
    clock,
  );
  const citizens = createCitizenStore(db, vault, clock);
  citizenRoutes(app, { citizens, authoriseClerk: requireScope(verify, 'clerk') });
  meRoutes(app, { db, citizens, authenticate });
  myDocumentRoutes(app, { citizens, authoriseCitizen: requireScope(verify, CITIZEN_SCOPE) });
  sessionRoutes(app, { citizens, issueAccessToken, attempts, sessions, authenticate });
  staffRoutes(app, { db, issueAccessToken, attempts });
  oauthRoutes(app, { db, issueAccessToken });
  revocationRoutes(app, { sessions, authorise: requireScope(verify, 'operator') });
  discoveryRoutes(app, { keys, issuer: config.TOKEN_ISSUER });

  return {
    app,
    keys,
    async start() {
      await app.listen({ port: config.PORT, host: config.HOST });
    },
    async stop() {
      await app.close();
      await opened.close();
    },
  };
}
