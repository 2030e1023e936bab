/**
 * Canonical data that a department's system cannot take (a value outside its code tables).
 * No retry can fix it: the adapter sets the message aside for an operator.
 */
export class UntranslatableError extends Error {
  override name = 'UntranslatableError';
}
