import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// Builds the web pages when services/web/dist is missing or was built from other sources:
// `./onego start` and the browser tests call it, so nobody serves stale pages. "Stale" is a
// hash of the sources (the app and the shared schemas it bundles), not file times, which a
// checkout resets.

const web = fileURLToPath(new URL('..', import.meta.url));
const repo = join(web, '../..');
const SOURCES = [
  join(web, 'app'),
  join(web, 'index.html'),
  join(web, 'vite.config.ts'),
  join(web, 'package.json'),
  join(repo, 'packages/contracts/src'),
  join(repo, 'packages/codes/src'),
];
export const distFolder = join(web, 'dist');
const stampFile = join(distFolder, '.source-hash');

function filesOf(path: string): string[] {
  if (!existsSync(path)) return [];
  try {
    return readdirSync(path, { withFileTypes: true })
      .flatMap((entry) => filesOf(join(path, entry.name)))
      .sort();
  } catch {
    return [path];
  }
}

export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap(filesOf)) {
    hash.update(relative(repo, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function isWebBuildCurrent(): boolean {
  return (
    existsSync(join(distFolder, 'index.html')) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, 'utf8') === sourceHash()
  );
}

/** Builds the pages unless dist/ is current; returns whether it built. */
export function ensureWebBuild(log: (line: string) => void = () => {}): boolean {
  if (isWebBuildCurrent()) return false;
  log('building the web pages (services/web)…');
  const vite = join(web, 'node_modules/.bin/vite');
  const result = spawnSync(vite, ['build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0)
    throw new Error(`the web build failed (exit ${result.status}): run \`pnpm --filter @onego/web build\``);
  writeFileSync(stampFile, sourceHash());
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureWebBuild(console.log);
}
