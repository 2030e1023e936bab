// `pnpm start` (what `./onego start` runs after installing what is missing): prepares Postgres
// and NATS, starts every service and the department simulators, prints where things are, and
// runs until Ctrl-C, which stops everything cleanly.
import { fileURLToPath } from 'node:url';
import { ensureWebBuild } from '../../services/web/tools/build.ts';
import { natsPasswords } from '../nats/config.ts';
import { defaultPorts, startPlatform } from './index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const env = process.env;
const gatewayPort = Number(env.ONEGO_PORT ?? 8080);
const workDir = env.ONEGO_HOME ?? `${root}.onego`;

// Without NATS_URL the platform runs its own nats-server with infra/nats's users and
// permissions (the machine's own server, if any, is left alone). With NATS_URL, services connect
// there without credentials, or with infra/nats's users when ONEGO_NATS_AUTH=infra.
const natsPort = Number(env.ONEGO_NATS_PORT ?? 4333);
const passwords = natsPasswords(env);
const ownNats = env.NATS_URL ? undefined : { port: natsPort, passwords };
const settings = {
  databaseUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/onego',
  natsUrl: env.NATS_URL ?? `nats://127.0.0.1:${natsPort}`,
  natsNamespace: env.NATS_NAMESPACE ?? '',
  ports: defaultPorts(gatewayPort),
  host: '127.0.0.1',
  logLevel: env.LOG_LEVEL ?? 'info',
  ...(env.NATS_URL && env.ONEGO_NATS_AUTH === 'infra' && { natsPasswords: passwords }),
  ...(env.DEPARTMENT_TRANSPORT !== undefined && { departmentTransport: env.DEPARTMENT_TRANSPORT }),
};

const quiet = {
  write: (line: string) => (/ (warn|error|fatal) /.test(line) ? process.stdout.write(line) : true),
};
console.log('OneGo: starting the platform…');
const started = Date.now();
// The gateway serves the web pages from services/web/dist: built here when missing or stale.
ensureWebBuild((line) => console.log(`OneGo: ${line}`));
const platform = await startPlatform({
  settings,
  workDir,
  ...(ownNats && { ownNats }),
  echo: env.ONEGO_VERBOSE ? process.stdout : (quiet as NodeJS.WritableStream),
}).catch((error: unknown) => {
  console.error(`OneGo could not start: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`Service logs: ${workDir}/logs/`);
  process.exit(1);
});

const o = platform.publicOrigin;
const local = (name: keyof typeof settings.ports) => `http://127.0.0.1:${settings.ports[name]}`;
console.log(`
OneGo is up (${((Date.now() - started) / 1000).toFixed(1)} s).

  Public origin      ${o}   (the parent's portal; staff sign in at ${o}/staff/signin)
  API docs (OpenAPI) ${o}/api/docs          JSON: ${o}/api/docs/json
  AsyncAPI (NATS)    ${o}/api/docs/asyncapi.json
  Catalogue          ${o}/api/bundles/newborn
  Services           identity ${local('identity')}  applications ${local('applications')}  certificates ${local('certificates')}
                     department-adapters ${local('department-adapters')}  department-simulators ${local('department-simulators')}
  Postgres           ${settings.databaseUrl}
  NATS               ${platform.settings.natsUrl}${settings.natsNamespace ? ` (namespace ${settings.natsNamespace})` : ''}${ownNats ? `  own server, one user per service and department (infra/nats), store ${workDir}/nats` : ''}
  Logs               ${workDir}/logs/<service>.log  (ONEGO_VERBOSE=1 to echo them here)

Try it in another terminal:  ./onego demo
Press Ctrl-C to stop.
`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\nOneGo: ${signal} received, stopping the services…`);
  await platform.stop();
  console.log('OneGo: stopped.');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
