import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@onego/infra/platform';

// A PostgreSQL cluster of the suite's own, on a free port in a temporary folder: the scenario
// that stops PostgreSQL mid-load must never touch the machine's shared server, which other
// test runs use. initdb refuses to run as root, so under root every command runs as the
// `postgres` OS user. fsync is off: the suite kills processes, not the machine, and what a
// killed postmaster wrote is in the OS page cache.

const run = promisify(execFile);
const BIN = process.env.ONEGO_POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  url: string;
  port: number;
  dir: string;
  /** `pg_ctl stop -m immediate`: the postmaster and every backend die at once, as in a crash. */
  crash(): Promise<void>;
  start(): Promise<void>;
  remove(): Promise<void>;
}

async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  for (const tool of ['initdb', 'pg_ctl']) {
    if (!existsSync(join(BIN, tool))) {
      throw new Error(
        `the fault-injection suite needs PostgreSQL's server programs (${join(BIN, tool)} is missing): install postgresql-15 or set ONEGO_POSTGRES_BIN`,
      );
    }
  }
  const owner = await postgresUser();
  const dir = mkdtempSync(join(tmpdir(), 'onego-chaos-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  const pg = (tool: string, args: string[]) =>
    owner ? run('runuser', ['-u', 'postgres', '--', join(BIN, tool), ...args]) : run(join(BIN, tool), args);
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=300',
    '-c fsync=off',
    '-c shared_buffers=64MB',
  ].join(' ');
  const start = async () => {
    await pg('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'postgres.log'),
      '-o',
      options,
      '-w',
      '-t',
      '60',
      'start',
    ]);
  };
  const stop = (mode: 'immediate' | 'fast') => pg('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/onego`,
    port,
    dir,
    async crash() {
      await stop('immediate');
    },
    start,
    async remove() {
      await stop('fast').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
