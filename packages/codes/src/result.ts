// Validators answer with a reason instead of throwing: the reasons end up verbatim in API error
// bodies, so they are short English phrases without the offending value.
export type Rejection = { ok: false; reason: string };
export type Verdict = { ok: true } | Rejection;

export const ACCEPTED: Verdict = Object.freeze({ ok: true });

export const reject = (reason: string): Rejection => ({ ok: false, reason });
