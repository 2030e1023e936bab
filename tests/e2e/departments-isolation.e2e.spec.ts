import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNamespace, DEPARTMENTS, departmentDurables } from '@onego/contracts';
import {
  connectAs,
  type NatsServer,
  natsPasswords,
  PLATFORM_SERVICES,
  renderNatsConfig,
  startNatsServer,
} from '@onego/infra/nats';
import { freePort } from '@onego/infra/platform';
import { ensureConsumer, ensureStreams } from '@onego/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Isolation between departments on NATS: a real nats-server run with the checked-in
// configuration of infra/nats, on a free port with a temporary store. (The whole platform on
// such a server, everyone with their own credentials: departments-platform.e2e.spec.ts.)

const configFile = new URL('../../infra/nats/nats-server.conf', import.meta.url);
const passwords = natsPasswords();
type Nats = Awaited<ReturnType<typeof connectAs>>;

/** The server refused: a permissions violation, however the client reports it. */
async function refused(attempt: Promise<unknown>) {
  const outcome = await attempt.then(
    () => 'allowed',
    (error: unknown) => String(error),
  );
  expect(outcome).toMatch(/Permissions Violation/);
}

/** A subscription the server refused (the client closes it with the server's error). */
async function subscriptionRefused(nats: Nats, subject: string) {
  const sub = nats.nc.subscribe(subject);
  await nats.nc.flush();
  expect(String(await sub.closed)).toContain(`Permissions Violation for Subscription to "${subject}"`);
}

describe('a department’s NATS credentials, on a nats-server with the infra configuration', () => {
  let server: NatsServer;
  let dir: string;
  let platform: Nats;
  let health: Nats;
  const ns = createNamespace('');
  const healthRequests = departmentDurables('health').requests;
  const cdcRequests = departmentDurables('cdc').requests;

  beforeAll(async () => {
    // Given the checked-in configuration, on a free port with a temporary store
    dir = mkdtempSync(join(tmpdir(), 'onego-nats-'));
    server = await startNatsServer({
      config: readFileSync(configFile, 'utf8'),
      port: await freePort(),
      dir,
      probe: { user: 'department-adapters', password: passwords['department-adapters'] },
    });
    // And the platform (as the adapters) having created the streams and the departments' consumers
    platform = await connectAs(server.url, 'department-adapters', passwords['department-adapters']);
    await ensureStreams(platform.jsm, ns.streams());
    for (const [department, durable] of [
      ['health', healthRequests],
      ['cdc', cdcRequests],
    ] as const) {
      await ensureConsumer(platform.jsm, {
        stream: ns.stream(`DEPT_${department.toUpperCase()}`),
        durable,
        filterSubject: `dept.${department}.request.v1`,
      });
      await platform.js.publish(`dept.${department}.request.v1`, JSON.stringify({ for: department }));
    }
    health = await connectAs(server.url, 'health', passwords.health);
  });

  afterAll(async () => {
    await health?.close();
    await platform?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the configuration the generator makes from the department list', () => {
    expect(readFileSync(configFile, 'utf8')).toBe(renderNatsConfig({ passwords }));
  });

  it('is the configuration docker-compose runs NATS with, each service and department as its own user', () => {
    // Given docker-compose.yml, with its ${VAR:-default} passwords at their defaults
    const text = readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8');
    const compose = parse(text.replace(/\$\{[A-Z_]+:-([^}]+)\}/g, '$1'), { merge: true }) as {
      services: Record<
        string,
        { command?: string[]; volumes?: string[]; environment?: Record<string, string> }
      >;
    };
    const { nats, ...services } = compose.services;
    expect(nats?.volumes).toContain('./infra/nats/nats-server.conf:/etc/nats/nats-server.conf:ro');
    expect(nats?.command?.slice(0, 2)).toEqual(['-c', '/etc/nats/nats-server.conf']);
    for (const service of PLATFORM_SERVICES) {
      expect(services[service]?.environment).toMatchObject({
        NATS_USER: service,
        NATS_PASSWORD: passwords[service],
      });
    }
    const departments = JSON.parse(
      services['department-simulators']?.environment?.DEPARTMENT_NATS_CREDENTIALS ?? '{}',
    );
    for (const department of DEPARTMENTS) {
      expect(departments[department]).toEqual({ user: department, password: passwords[department] });
    }
  });

  it('lets health consume its own request through its own consumer, acknowledge it, and publish its decision', async () => {
    // When the health system reads its consumer and acknowledges what it got
    const consumer = await health.js.consumers.get('DEPT_HEALTH', healthRequests);
    const msg = await consumer.next({ expires: 5000 });
    expect(msg?.subject).toBe('dept.health.request.v1');
    expect(await msg?.ackAck()).toBe(true);
    // And publishes its decision, then the stream acknowledges it on health's own inbox
    const ack = await health.js.publish('dept.health.decision.v1', JSON.stringify({ decided: true }));
    expect(ack.stream).toBe('DEPT_HEALTH');
    // And the platform sees the request consumed
    const info = await platform.jsm.consumers.info('DEPT_HEALTH', healthRequests);
    expect(info.num_pending + info.num_ack_pending).toBe(0);
  });

  it('refuses health another department’s subjects, consumers and replies', async () => {
    await refused(health.js.publish('dept.cdc.decision.v1', '{}'));
    await refused(health.js.publish('dept.cdc.request.v1', '{}'));
    // Not even requests to itself: only the platform sends those
    await refused(health.js.publish('dept.health.request.v1', '{}'));
    await refused(health.js.consumers.get('DEPT_CDC', cdcRequests));
    await refused(health.nc.request(`$JS.API.CONSUMER.MSG.NEXT.DEPT_CDC.${cdcRequests}`, '{"batch":1}'));
    await subscriptionRefused(health, 'dept.cdc.>');
    await subscriptionRefused(health, '_INBOX_cdc.>');
    await subscriptionRefused(health, 'onego.>');
    // And the cdc request is still there, untouched, for the cdc system
    expect((await platform.jsm.consumers.info('DEPT_CDC', cdcRequests)).num_pending).toBe(1);
  });

  it('refuses health the > wildcard and the shared inbox', async () => {
    await subscriptionRefused(health, '>');
    await subscriptionRefused(health, 'dept.>');
    await subscriptionRefused(health, '_INBOX.>');
  });

  it('refuses health stream and consumer administration, even on its own stream', async () => {
    await refused(health.jsm.streams.add({ name: 'HEALTH_OWN', subjects: ['health.own.>'] }));
    await refused(health.jsm.streams.delete('DEPT_HEALTH'));
    await refused(health.jsm.streams.purge('DEPT_HEALTH'));
    await refused(health.jsm.streams.info('DEPT_HEALTH'));
    await refused(
      health.jsm.consumers.add('DEPT_HEALTH', { durable_name: 'sneaky', filter_subject: 'dept.health.>' }),
    );
    await refused(health.jsm.consumers.delete('DEPT_HEALTH', healthRequests));
    await refused(health.nc.request('$JS.API.INFO', ''));
    // And its stream and consumer are as the platform made them
    expect((await platform.jsm.streams.info('DEPT_HEALTH')).config.subjects).toEqual(['dept.health.>']);
    expect((await platform.jsm.consumers.info('DEPT_HEALTH', healthRequests)).name).toBe(healthRequests);
  });
});
