import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';
import type postgres from 'postgres';

// What the figures were measured on: the report states the machine and the versions, since a
// number from a 2-core VM means nothing without them.

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGB: number;
  kernel: string;
  node: string;
  natsServer: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  loadAverageAtStart: number[];
}

export async function describeMachine(admin: postgres.Sql): Promise<Machine> {
  let natsServer = 'unknown';
  try {
    natsServer = execFileSync('nats-server', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // not on PATH: the report says unknown
  }
  const [{ version } = { version: 'unknown' }] = await admin<{ version: string }[]>`select version()`;
  const settings = await admin<{ name: string; setting: string }[]>`
    select name, setting from pg_settings
    where name in ('fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers', 'max_connections',
                   'shared_preload_libraries', 'commit_delay', 'autovacuum')`;
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    kernel: release(),
    node: process.version,
    natsServer,
    postgres: version.split(' on ')[0] ?? version,
    postgresSettings: Object.fromEntries(settings.map((s) => [s.name, s.setting])),
    loadAverageAtStart: loadavg(),
  };
}
