import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '@onego/db';

/**
 * Applies the migrations of `folder` whose tag sorts before `before` (`'0004'`: 0000 to 0003),
 * as a database of that time had them, so a test can write rows as the code of then did and
 * check what the later migrations make of them.
 */
export async function migrateBefore(
  url: string,
  options: { schema: string; folder: string; before: string },
) {
  const folder = await mkdtemp(join(tmpdir(), `${options.schema}-drizzle-`));
  try {
    await cp(options.folder, folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag < options.before);
    await writeFile(journalPath, JSON.stringify(journal));
    await applyMigrations(url, { schema: options.schema, folder });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
