import { randomUUID } from 'node:crypto';
import type { IdDocumentType } from '@onego/codes';
import { type Database, isUniqueViolation } from '@onego/db';
import type { Vault } from '@onego/vault';
import { eq } from 'drizzle-orm';
import { citizens } from './db/schema.ts';
import { hashPassword } from './domain/password.ts';
import { idNumberLookup, openCitizen, sealCitizen } from './sealed.ts';

// Citizens' accounts. The document number and phone are stored sealed; an account is found by the
// keyed hash of its (document type, number), and opened (which checks that its sealed values belong to it)
// only when it is used: after the password is right, or for its own holder.

export interface IdDocument {
  idType: IdDocumentType;
  idNumber: string;
}

export interface NewCitizen extends IdDocument {
  name: string;
  phone: string;
  password: string;
}

export function createCitizenStore(db: Database, vault: Vault, clock: () => Date) {
  return {
    /** Creates the account; undefined when its document is already registered. */
    async register({ password, ...citizen }: NewCitizen) {
      const id = randomUUID();
      const row = {
        id,
        name: citizen.name,
        ...sealCitizen(vault, id, citizen),
        passwordHash: await hashPassword(password),
        createdAt: clock(),
      };
      try {
        await db.insert(citizens).values(row);
      } catch (error) {
        // Two registrations of one document at once: the constraint lets exactly one through.
        if (isUniqueViolation(error, 'citizens_id_number_hash_key')) return undefined;
        throw error;
      }
      return { id, name: citizen.name, idType: citizen.idType };
    },

    /**
     * The account of an identity document, by its keyed hash. `open` reads it (throwing
     * UnreadableRecordError when its sealed values are not its own): at sign-in, call it once the
     * password is right.
     */
    async byDocument({ idType, idNumber }: IdDocument) {
      const [row] = await db
        .select()
        .from(citizens)
        .where(eq(citizens.idNumberHash, idNumberLookup(vault, idType, idNumber)));
      return row && { id: row.id, passwordHash: row.passwordHash, open: () => openCitizen(vault, row) };
    },

    /** The account, opened; undefined when there is none. */
    async byId(id: string) {
      const [row] = await db.select().from(citizens).where(eq(citizens.id, id));
      return row && openCitizen(vault, row);
    },
  };
}

export type CitizenStore = ReturnType<typeof createCitizenStore>;
