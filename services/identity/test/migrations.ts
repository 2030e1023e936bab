import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMigrations } from '@onego/db';

// A database as an older release left it: the service's migrations before `tag` only.

const drizzle = fileURLToPath(new URL('../drizzle', import.meta.url));

export async function migrateBefore(url: string, tag: string) {
  const folder = await mkdtemp(join(tmpdir(), 'identity-drizzle-'));
  try {
    await cp(drizzle, folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag < tag);
    await writeFile(journalPath, JSON.stringify(journal));
    await applyMigrations(url, { schema: 'identity', folder });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
