import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { SERVICE_NAMES, type ServiceName } from './services.ts';

// Ports for platforms started side by side (tests, the chaos suite). They are drawn at random
// from below the kernel's ephemeral range: a port the kernel handed out (port 0) is free only
// until a process binds it, and in between any outgoing connection may take it as its local
// port, so a service would then fail to bind, or another platform's service answer on it.

function ephemeralStart() {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    return Number(low) || 32768;
  } catch {
    return 32768;
  }
}

const LOWEST = 15000;
const HIGHEST = Math.max(LOWEST + 1000, ephemeralStart()) - 1;
const given = new Set<number>();

const bindable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A free loopback port, never one this process has handed out before. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (HIGHEST - LOWEST + 1));
    if (given.has(port)) continue;
    given.add(port);
    if (await bindable(port)) return port;
  }
  throw new Error(`no free port between ${LOWEST} and ${HIGHEST}`);
}

/** A free loopback port for each service (tests run several platforms side by side). */
export async function freePorts(): Promise<Record<ServiceName, number>> {
  const ports: number[] = [];
  for (const _ of SERVICE_NAMES) ports.push(await freePort());
  return Object.fromEntries(SERVICE_NAMES.map((name, i) => [name, ports[i]])) as Record<ServiceName, number>;
}
