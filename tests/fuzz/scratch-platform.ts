import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts, startPlatform } from '@onego/infra/platform';
import postgres from 'postgres';

const databaseUrl = `postgres://postgres@127.0.0.1:5432/onego_fuzz_scratch`;
const admin = postgres('postgres://postgres@127.0.0.1:5432/postgres', { max: 1 });
await admin`drop database if exists onego_fuzz_scratch with (force)`;
await admin`create database onego_fuzz_scratch`;
await admin.end();
const workDir = mkdtempSync(join(tmpdir(), 'onego-fuzz-scratch-'));
const platform = await startPlatform({
  settings: {
    databaseUrl,
    natsUrl: 'nats://127.0.0.1:4222',
    natsNamespace: 'tfuzzscratch',
    ports: await freePorts(),
    host: '127.0.0.1',
    logLevel: 'info',
  },
  workDir,
  restartOnExit: false,
});
writeFileSync(
  '/tmp/fuzz-scratch.json',
  JSON.stringify({ origin: platform.publicOrigin, workDir, ports: platform.settings.ports }),
);
console.log('ready', platform.publicOrigin, workDir);
process.on('SIGTERM', async () => {
  await platform.stop();
  process.exit(0);
});
setTimeout(async () => {
  await platform.stop();
  process.exit(0);
}, 40 * 60_000);
