import type { Vault } from '@onego/vault';

// A dispatch's body is the department's request (names, ID numbers): sealed at rest, bound to
// its (case, kind), which is unique.

const bodyAad = (caseRef: string, kind: string) => `dispatches.body:${caseRef}/${kind}`;

export const sealBody = (vault: Vault, caseRef: string, kind: string, body: Record<string, unknown>) =>
  vault.sealJson(body, bodyAad(caseRef, kind));

export const openBody = (vault: Vault, row: { caseRef: string; kind: string; bodySealed: string | null }) =>
  row.bodySealed
    ? vault.openJson<Record<string, unknown>>(row.bodySealed, bodyAad(row.caseRef, row.kind))
    : undefined;
