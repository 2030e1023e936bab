import type { CertificateFacts, CertificateType } from '@onego/contracts';
import type { Vault } from '@onego/vault';
import type { certificates } from './db/schema.ts';

// Certificates as the service works with them: credential and facts opened from their sealed
// columns, each bound to its certificate id so one copied to another row does not open.

type CertificateRecord = typeof certificates.$inferSelect;
export type CertificateRow = Omit<CertificateRecord, 'credentialSealed' | 'factsSealed'> & {
  credential: string;
  facts: CertificateFacts[CertificateType];
};

export const credentialAad = (id: string) => `certificates.credential:${id}`;
export const factsAad = (id: string) => `certificates.facts:${id}`;

export function openCertificate(
  vault: Vault,
  { credentialSealed, factsSealed, ...row }: CertificateRecord,
): CertificateRow {
  return {
    ...row,
    credential: vault.open(credentialSealed, credentialAad(row.id)),
    facts: vault.openJson(factsSealed, factsAad(row.id)),
  };
}

export const sealCertificate = (vault: Vault, id: string, credential: string, facts: unknown) => ({
  credentialSealed: vault.seal(credential, credentialAad(id)),
  factsSealed: vault.sealJson(facts, factsAad(id)),
});
