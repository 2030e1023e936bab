import { fileURLToPath } from 'node:url';
import { DEPARTMENTS } from '@onego/contracts';
import { type NatsUser, PLATFORM_SERVICES } from '../nats/config.ts';

// The processes that make up the platform, and the environment each is started with. One
// definition serves the start command, the end-to-end tests and the benchmark, so all three
// run the platform the same way.

export const SERVICE_NAMES = [
  'identity',
  'applications',
  'certificates',
  'department-adapters',
  'department-simulators',
  'gateway',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface PlatformSettings {
  databaseUrl: string;
  natsUrl: string;
  natsNamespace: string;
  ports: Record<ServiceName, number>;
  host: string;
  logLevel: string;
  /** Connections per service's database pool (DATABASE_POOL_MAX); tests run several platforms on one server. */
  databasePoolMax?: number;
  /**
   * The NATS users' passwords, when the server requires them (the platform's own server, with
   * infra/nats's configuration): each service and each simulated department system connects as
   * its own user. Absent: everyone connects without credentials.
   */
  natsPasswords?: Record<NatsUser, string>;
  /** DEPARTMENT_TRANSPORT for the adapters and the simulators alike (they must agree). */
  departmentTransport?: string;
  /** Extra variables for one service (simulator behaviour, test clocks, ...). */
  extraEnv?: Partial<Record<ServiceName, Record<string, string>>>;
}

export const serviceDir = (name: ServiceName) =>
  fileURLToPath(new URL(`../../services/${name}`, import.meta.url));

/**
 * The start command and the end-to-end tests run a development platform: identity creates the
 * development staff and department clients of infra/identity/seed.json (public passwords).
 */
const developmentAccounts = fileURLToPath(new URL('../identity/seed.json', import.meta.url));

export const publicOriginOf = (settings: PlatformSettings) =>
  `http://${settings.host}:${settings.ports.gateway}`;

/**
 * Identity hashes passwords with argon2id: 19 MiB a hash, allocated by OpenSSL on libuv's
 * threads. After the first such block is freed glibc raises its mmap threshold to its size, so
 * later ones come from per-thread arenas that keep them: identity sat at ~300 MB after a few
 * sign-ins, every other service below 190. A fixed threshold keeps large blocks mapped and gives
 * them back on free (8 concurrent hashes three times over: 122 MB resident without, 46 with).
 * docker-compose.yml sets the same for its identity container.
 */
const IDENTITY_MALLOC = { GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=131072' };

export function environmentFor(name: ServiceName, settings: PlatformSettings): Record<string, string> {
  const local = (service: ServiceName) => `http://${settings.host}:${settings.ports[service]}`;
  const origin = publicOriginOf(settings);
  const common = {
    HOST: settings.host,
    PORT: String(settings.ports[name]),
    LOG_LEVEL: settings.logLevel,
    DATABASE_URL: settings.databaseUrl,
    ...(settings.databasePoolMax !== undefined && { DATABASE_POOL_MAX: String(settings.databasePoolMax) }),
    NATS_URL: settings.natsUrl,
    NATS_NAMESPACE: settings.natsNamespace,
    PUBLIC_ORIGIN: origin,
    TOKEN_ISSUER: `${origin}/api/identity`,
    TOKEN_AUDIENCE: 'onego',
    IDENTITY_JWKS_URL: `${local('identity')}/api/identity/.well-known/jwks.json`,
    /** Revoked sessions, polled by every token verifier (@onego/http createTokenVerifier `revocations`). */
    IDENTITY_REVOCATIONS_URL: `${local('identity')}/api/identity/sessions/revoked`,
    OTEL_SERVICE_NAME: `onego-${name}`,
  };
  const gateway: Record<string, string> =
    name === 'gateway'
      ? {
          IDENTITY_URL: local('identity'),
          APPLICATIONS_URL: local('applications'),
          CERTIFICATES_URL: local('certificates'),
          DEPARTMENT_ADAPTERS_URL: local('department-adapters'),
        }
      : {};
  return {
    ...common,
    ...gateway,
    ...(name === 'identity' && { IDENTITY_SEED_FILE: developmentAccounts, ...IDENTITY_MALLOC }),
    // Applications asks identity who a caller is, with the caller's own token (issue 5).
    ...(name === 'applications' && { IDENTITY_URL: local('identity') }),
    ...departmentsEnvironment(name, settings),
    ...natsCredentials(name, settings),
    ...(settings.extraEnv?.[name] ?? {}),
  };
}

function departmentsEnvironment(name: ServiceName, settings: PlatformSettings): Record<string, string> {
  if (name !== 'department-adapters' && name !== 'department-simulators') return {};
  return {
    ...(settings.departmentTransport !== undefined && { DEPARTMENT_TRANSPORT: settings.departmentTransport }),
    ...(name === 'department-adapters' && {
      DEPARTMENT_HTTP_BASE_URL: `http://${settings.host}:${settings.ports['department-simulators']}`,
    }),
  };
}

function natsCredentials(name: ServiceName, settings: PlatformSettings): Record<string, string> {
  const passwords = settings.natsPasswords;
  if (!passwords) return {};
  if (name === 'department-simulators') {
    const credentials = Object.fromEntries(DEPARTMENTS.map((d) => [d, { user: d, password: passwords[d] }]));
    return { DEPARTMENT_NATS_CREDENTIALS: JSON.stringify(credentials) };
  }
  const service = PLATFORM_SERVICES.find((s) => s === name);
  return service ? { NATS_USER: service, NATS_PASSWORD: passwords[service] } : {};
}
