import type { NewbornForm } from '@onego/contracts';
import type { Vault } from '@onego/vault';
import type { applications, items } from './db/schema.ts';

// Rows as the service works with them: the form and the outputs opened from their sealed
// columns. Each sealed value is bound to its row, so one copied to another row does not open.

type ApplicationRecord = typeof applications.$inferSelect;
type ItemRecord = typeof items.$inferSelect;

export type ApplicationRow = Omit<ApplicationRecord, 'formSealed'> & { form: NewbornForm };
export type ItemRow = Omit<ItemRecord, 'outputsSealed'> & { outputs: Record<string, unknown> | null };

export const formAad = (applicationId: string) => `applications.form:${applicationId}`;
export const outputsAad = (itemId: string) => `items.outputs:${itemId}`;
export const materialAad = (materialId: string) => `materials.content:${materialId}`;

export function openApplication(vault: Vault, { formSealed, ...row }: ApplicationRecord): ApplicationRow {
  return { ...row, form: vault.openJson<NewbornForm>(formSealed, formAad(row.id)) };
}

export function openItem(vault: Vault, { outputsSealed, ...row }: ItemRecord): ItemRow {
  return { ...row, outputs: outputsSealed ? vault.openJson(outputsSealed, outputsAad(row.id)) : null };
}

export const sealOutputs = (vault: Vault, itemId: string, outputs: Record<string, unknown> | null) =>
  outputs ? vault.sealJson(outputs, outputsAad(itemId)) : null;
