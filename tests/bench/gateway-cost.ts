// What the gateway costs per proxied request, alone: the gateway as the platform runs it (its
// own process, the platform's Node options, the telemetry loaded first) in front of an upstream
// that reads each body and answers 202 at once, driven by closed-loop posts of a form-sized body.
// Prints the gateway's CPU per request (from /proc) and the requests per second, for each run.
//
//   node tests/bench/gateway-cost.ts [--seconds 10] [--concurrency 64] [--body-bytes 3000] [--runs 3]
//                                     [--no-telemetry]
//
// `pnpm bench` measures intake through the gateway and the applications service together; this
// tells the gateway's share apart, and a change to it can be compared run against run.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort, serviceNodeOptions } from '@onego/infra/platform';
import { cpuTimesFromStat } from './resources.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '64' },
    'body-bytes': { type: 'string', default: '3000' },
    runs: { type: 'string', default: '3' },
    'no-telemetry': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const runs = Number(values.runs);

const answer = JSON.stringify({ id: '0199a5a4-1f52-7b3e-9d1c-6a8f0e2b4c11', status: 'in-progress' });
const upstream = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(req.url === '/ready' ? 200 : 202, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(answer),
    });
    res.end(answer);
  });
});
const upstreamPort = await freePort();
upstream.listen(upstreamPort, '127.0.0.1');
await once(upstream, 'listening');
const upstreamUrl = `http://127.0.0.1:${upstreamPort}`;

const body = JSON.stringify({
  bundle: 'newborn',
  form: { filler: 'x'.repeat(Number(values['body-bytes'])) },
});
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

function post(port: number) {
  return new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/applications',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: 'Bearer not.checked.here',
          'idempotency-key': crypto.randomUUID(),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Posts with `concurrency` in flight until `ms` have passed; how many were answered 202. */
async function load(port: number, ms: number) {
  const end = Date.now() + ms;
  let accepted = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) if ((await post(port)) === 202) accepted++;
    }),
  );
  return accepted;
}

const cpuSeconds = (pid: number) => {
  const { user, system } = cpuTimesFromStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  return user + system;
};

async function startGateway(): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...(values['no-telemetry'] ? [] : ['--import', '@onego/telemetry/register']), 'src/main.ts'],
    {
      cwd: fileURLToPath(new URL('../../services/gateway/', import.meta.url)),
      env: {
        ...process.env,
        NODE_OPTIONS: serviceNodeOptions(process.env.NODE_OPTIONS),
        PORT: String(port),
        LOG_LEVEL: 'warn',
        IDENTITY_URL: upstreamUrl,
        APPLICATIONS_URL: upstreamUrl,
        CERTIFICATES_URL: upstreamUrl,
        DEPARTMENT_ADAPTERS_URL: upstreamUrl,
        RATE_LIMIT_PER_MINUTE: '65535',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { child, port };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('the gateway did not start in 20 s');
}

for (let run = 1; run <= runs; run++) {
  const { child, port } = await startGateway();
  const pid = child.pid as number;
  await load(port, 3000); // warm-up: the gateway's code and connections
  const before = cpuSeconds(pid);
  const started = performance.now();
  const accepted = await load(port, seconds * 1000);
  const wall = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(pid) - before;
  console.log(
    `run ${run}: ${accepted} posts in ${wall.toFixed(1)} s, ${Math.round(accepted / wall)}/s; ` +
      `gateway CPU ${((cpu * 1000) / accepted).toFixed(3)} ms per request (${(cpu / wall).toFixed(2)} cores)`,
  );
  child.kill();
  await once(child, 'exit');
}
agent.destroy();
upstream.close();
