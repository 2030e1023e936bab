import { randomInt } from 'node:crypto';
import type { Department } from '@onego/contracts';
import { type Database, perTransaction, type Transaction } from '@onego/db';
import { and, count, eq, inArray, max } from 'drizzle-orm';
import { statusLists, statusSlots } from './db/schema.ts';
import { emptyBitstring, encodeBitstring, STATUS_LIST_LENGTH, withBit } from './domain/bitstring.ts';
import { issuerDid } from './domain/did.ts';
import { type StatusPurpose, statusListCredential, statusListUrl } from './domain/status-list.ts';
import type { IssuerKeyStore } from './keys.ts';
import { signCredential } from './signing.ts';

// Each department's Bitstring Status Lists. Indexes are drawn at random, as the specification
// asks (§2.1: "Implementations SHOULD assign indexes randomly, such that inferences — such as
// the recency of the assignment or the size of the group — cannot be easily drawn"): a counter
// would tell a verifier how many certificates were issued before this one, and when.
// Allocation takes no lock: a draw is an INSERT of (department, list, index) that does nothing
// on conflict, and the primary key of `status_slots` is what guarantees that no two
// certificates ever share an index, however many issue at once (a concurrent insert of the same
// slot waits for the other to commit, then finds it taken and draws again). A list is closed at
// half its length, which keeps a draw at two tries on average at worst and every position
// plausible; a draw that hits taken slots several times in a row is the cue to count.

const CAPACITY = STATUS_LIST_LENGTH / 2;
const COUNT_AFTER_COLLISIONS = 3;
const MAX_DRAWS = 64;

export interface Slot {
  list: number;
  index: number;
}

/** A certificate as the status lists know it: an item's certificate, version n. */
export interface Holder {
  itemId: string;
  version: number;
}

const bitsColumn = { revocation: 'revocationBits', suspension: 'suspensionBits' } as const;
const credentialColumn = { revocation: 'revocationCredential', suspension: 'suspensionCredential' } as const;

export function createStatusLists(deps: {
  db: Database;
  keys: IssuerKeyStore;
  origin: string;
  clock: () => Date;
}) {
  const { db, keys, origin, clock } = deps;

  async function signList(
    tx: Transaction,
    department: Department,
    list: number,
    purpose: StatusPurpose,
    bits: Buffer,
  ) {
    const credential = statusListCredential({
      url: statusListUrl(origin, department, list, purpose),
      issuer: issuerDid(origin, department),
      purpose,
      encodedList: encodeBitstring(bits),
      asOf: clock(),
    });
    return signCredential(credential, await keys.signingKey(tx, department));
  }

  async function open(tx: Transaction, department: Department, list: number) {
    const bits = emptyBitstring();
    await tx
      .insert(statusLists)
      .values({
        department,
        list,
        revocationBits: bits,
        suspensionBits: bits,
        revocationCredential: await signList(tx, department, list, 'revocation', bits),
        suspensionCredential: await signList(tx, department, list, 'suspension', bits),
        updatedAt: clock(),
      })
      .onConflictDoNothing();
  }

  // Each department's open list, read once per transaction (a batch of issuances shares it).
  const openLists = perTransaction(() => new Map<Department, number>());

  async function loadOpenLists(tx: Transaction, departments: readonly Department[]) {
    const known = openLists(tx);
    const missing = [...new Set(departments)].filter((d) => !known.has(d));
    if (missing.length === 0) return;
    const rows = await tx
      .select({ department: statusLists.department, list: max(statusLists.list) })
      .from(statusLists)
      .where(inArray(statusLists.department, missing))
      .groupBy(statusLists.department);
    for (const row of rows) if (row.list) known.set(row.department, row.list);
  }

  async function openList(tx: Transaction, department: Department): Promise<number> {
    await loadOpenLists(tx, [department]);
    const list = openLists(tx).get(department);
    if (list) return list;
    await open(tx, department, 1);
    openLists(tx).set(department, 1);
    return 1;
  }

  async function claim(tx: Transaction, department: Department, list: number, holder: Holder) {
    const index = randomInt(STATUS_LIST_LENGTH);
    const claimed = await tx
      .insert(statusSlots)
      .values({ department, list, index, itemId: holder.itemId, version: holder.version })
      .onConflictDoNothing({ target: [statusSlots.department, statusSlots.list, statusSlots.index] })
      .returning({ index: statusSlots.index });
    return claimed.length > 0 ? index : null;
  }

  async function isFull(tx: Transaction, department: Department, list: number) {
    const [row] = await tx.select({ taken: count() }).from(statusSlots).where(slotsOf(department, list));
    return (row?.taken ?? 0) >= CAPACITY;
  }

  return {
    /** Reads several departments' open lists in one statement (a batch of issuances). */
    preload: loadOpenLists,

    /** Gives a certificate a random free index in the department's open list, opening the next when it is full. */
    async allocate(tx: Transaction, department: Department, holder: Holder): Promise<Slot> {
      let list = await openList(tx, department);
      for (let draw = 1; draw <= MAX_DRAWS; draw++) {
        const index = await claim(tx, department, list, holder);
        if (index !== null) return { list, index };
        if (draw % COUNT_AFTER_COLLISIONS === 0 && (await isFull(tx, department, list))) {
          await open(tx, department, list + 1);
          list += 1;
          openLists(tx).set(department, list);
        }
      }
      throw new Error(`no free index in status list ${department}/${list} after ${MAX_DRAWS} draws`);
    },

    /** Sets or clears a certificate's bit, and re-signs that list; changes wait for each other. */
    async setStatus(
      tx: Transaction,
      department: Department,
      slot: Slot,
      purpose: StatusPurpose,
      value: boolean,
    ) {
      const [row] = await tx.select().from(statusLists).where(listKey(department, slot.list)).for('update');
      if (!row) throw new Error(`no status list ${department}/${slot.list}`);
      const bits = withBit(row[bitsColumn[purpose]], slot.index, value);
      await tx
        .update(statusLists)
        .set({
          [bitsColumn[purpose]]: bits,
          [credentialColumn[purpose]]: await signList(tx, department, slot.list, purpose, bits),
          updatedAt: clock(),
        })
        .where(listKey(department, slot.list));
    },

    /** The certificate's slot, if it has one (certificates issued before status lists have none). */
    async slotOf(tx: Transaction | Database, holder: Holder): Promise<Slot | undefined> {
      const [row] = await tx
        .select({ list: statusSlots.list, index: statusSlots.index })
        .from(statusSlots)
        .where(and(eq(statusSlots.itemId, holder.itemId), eq(statusSlots.version, holder.version)));
      return row;
    },

    /** The signed status list credential (vc+jwt) as published. */
    async published(
      department: Department,
      list: number,
      purpose: StatusPurpose,
    ): Promise<string | undefined> {
      const [row] = await db
        .select({ credential: statusLists[credentialColumn[purpose]] })
        .from(statusLists)
        .where(listKey(department, list));
      return row?.credential;
    },
  };
}

const listKey = (department: Department, list: number) =>
  and(eq(statusLists.department, department), eq(statusLists.list, list));
const slotsOf = (department: Department, list: number) =>
  and(eq(statusSlots.department, department), eq(statusSlots.list, list));

export type StatusLists = ReturnType<typeof createStatusLists>;
