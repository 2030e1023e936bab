/** A message that can never be processed (invalid, or refused by the handler): set aside at once. */
export class PoisonMessageError extends Error {
  override name = 'PoisonMessageError';
}

/** A failure expected to go away (a department down, a lock conflict): retried without limit. */
export class TransientError extends Error {
  override name = 'TransientError';
}
