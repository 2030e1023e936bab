import { randomInt } from 'node:crypto';
import { makeCitizenId } from '@onego/codes';
import { openDatabase } from '@onego/db';
import { createTestDatabase } from '@onego/testing';
import { DEVELOPMENT_MASTER_KEYS, openVault, parseMasterKeys } from '@onego/vault';
import type { JSONWebKeySet } from 'jose';
import { buildIdentityService } from '../src/app.ts';
import { loadIdentityConfig } from '../src/config.ts';

// The identity service on its own test database, driven with app.inject (no network). Several
// replicas can share the database, started together as in production.

export const ISSUER = 'http://127.0.0.1:8080/api/identity';
export const AUDIENCE = 'onego';
export const SEED_FILE = new URL('../../../infra/identity/seed.json', import.meta.url).pathname;

type Service = Awaited<ReturnType<typeof buildIdentityService>>;
export type IdentityApp = Service['app'];

let sequence = 0;
/** A valid, never-used ID number (GB 11643 check character included). */
export const newIdNumber = () =>
  makeCitizenId({ region: '430621', birthDate: '1990-01-01', sex: 'female', sequence: sequence++ });

let passports = 0;
/** A passport number never used in this run (a letter and eight digits). */
export const newPassportNumber = () => `E${String(10_000_000 + passports++ * 7919).padStart(8, '0')}`;

export const citizen = (idNumber = newIdNumber()) => ({
  idNumber,
  name: '李小红',
  phone: '13812345678',
  password: 'a long enough password',
});

/** A client address as the gateway forwards it (TEST-NET-2), so tests do not share per-address limits. */
export const someAddress = () => `198.51.100.${randomInt(1, 255)}`;

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const client = (app: IdentityApp, from = someAddress()) => {
  const headers = (extra: Record<string, string> = {}) => ({ 'x-forwarded-for': from, ...extra });
  return {
    register: (body: object, extra: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: '/api/identity/citizens', payload: body, headers: headers(extra) }),
    login: (body: object, extra: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: '/api/identity/login', payload: body, headers: headers(extra) }),
    staffLogin: (body: object, extra: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: '/api/identity/staff/login',
        payload: body,
        headers: headers(extra),
      }),
    me: (token?: string) =>
      app.inject({ method: 'GET', url: '/api/identity/me', headers: headers(token ? bearer(token) : {}) }),
    document: (token?: string) =>
      app.inject({
        method: 'GET',
        url: '/api/identity/me/document',
        headers: headers(token ? bearer(token) : {}),
      }),
    lookup: (body: object, token?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/identity/citizens/lookup',
        payload: body,
        headers: headers(token ? bearer(token) : {}),
      }),
    logout: (token: string) =>
      app.inject({ method: 'POST', url: '/api/identity/logout', headers: headers(bearer(token)) }),
    jwks: async () =>
      (await app.inject({ method: 'GET', url: '/api/identity/.well-known/jwks.json' })).json<JSONWebKeySet>(),
    /** Registers a new citizen and logs them in. */
    async signedIn() {
      const body = citizen();
      const { id } = (await this.register(body)).json<{ id: string }>();
      const { accessToken } = (await this.login({ idNumber: body.idNumber, password: body.password })).json<{
        accessToken: string;
      }>();
      return { ...body, id, token: accessToken };
    },
    /** Signs a seeded staff member in (operator.miluo or clerk.miluo). */
    async staffToken(username: 'operator.miluo' | 'clerk.miluo') {
      const password =
        username === 'operator.miluo' ? 'onego-dev-operator-password' : 'onego-dev-clerk-password';
      const response = await this.staffLogin({ username, password });
      if (response.statusCode !== 200)
        throw new Error(`staff login: ${response.statusCode} ${response.body}`);
      return response.json<{ accessToken: string }>().accessToken;
    },
    /** A seeded department system's token (client credentials, HTTP Basic). */
    async departmentToken(clientId = 'department-health', secret = 'onego-dev-health-secret') {
      const response = await app.inject({
        method: 'POST',
        url: '/api/identity/oauth/token',
        payload: 'grant_type=client_credentials',
        headers: headers({
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
        }),
      });
      if (response.statusCode !== 200)
        throw new Error(`token request: ${response.statusCode} ${response.body}`);
      return response.json<{ access_token: string }>().access_token;
    },
  };
};

/** A clock tests move by hand. */
export function testClock(start = new Date()) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (seconds: number) => {
      now += seconds * 1000;
    },
  };
}

export async function startIdentity(
  label: string,
  options: {
    replicas?: number;
    clock?: () => Date;
    env?: Record<string, string>;
    seed?: boolean;
    /** Runs on the empty database before the service first starts (an older schema, say). */
    prepare?: (databaseUrl: string) => Promise<void>;
  } = {},
) {
  const database = await createTestDatabase(label);
  await options.prepare?.(database.url);
  const handle = openDatabase(database.url, { max: 2 });
  const build = (env: Record<string, string>) => () =>
    buildIdentityService(
      loadIdentityConfig({
        DATABASE_URL: database.url,
        LOG_LEVEL: 'silent',
        ...(options.seed && { IDENTITY_SEED_FILE: SEED_FILE }),
        ...env,
      }),
      { ...(options.clock && { clock: options.clock }), env },
    );
  const replicas = async (count: number, env: Record<string, string>) => {
    const one = build(env);
    return Promise.all([one(), ...Array.from({ length: count - 1 }, one)]);
  };
  let services: Service[] = await replicas(options.replicas ?? 1, options.env ?? {});
  const first = () => {
    if (!services[0]) throw new Error('the identity service is not running');
    return services[0];
  };
  return {
    /** The first replica's app. */
    get app() {
      return first().app;
    },
    get apps() {
      return services.map((s) => s.app);
    },
    get service() {
      return first();
    },
    databaseUrl: database.url,
    /** A connection to the service's database, to read (or tamper with) its tables. */
    sql: handle.sql,
    /** The service's vault as the development master keys open it, to read sealed columns back. */
    vault: () =>
      openVault({
        sql: handle.sql,
        schema: 'identity',
        masterKeys: parseMasterKeys(DEVELOPMENT_MASTER_KEYS),
      }),
    /** Stops every replica and starts one in its place on the same database, with `env`. */
    async restart(env: Record<string, string> = options.env ?? {}) {
      for (const service of services) await service.stop();
      services = [];
      services = await replicas(1, env);
    },
    async close() {
      for (const service of services) await service.stop();
      await handle.close();
      await database.drop();
    },
  };
}
