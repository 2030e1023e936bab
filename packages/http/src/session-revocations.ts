import { z } from 'zod';

// Identity publishes the sessions it has revoked whose tokens could still be accepted (a small
// list: revocations of the last token lifetime). Each verifier keeps a copy and refreshes it when
// it is older than `refreshMs`, on the next request that needs it: no call to identity per
// request, no timer to stop, and a revocation is refused everywhere within refreshMs plus one
// fetch. When identity cannot be reached the last copy is used for up to `graceMs`; after that,
// tokens are not accepted at all (503) rather than accepted unchecked.

export interface RevocationListOptions {
  /** Identity's `GET /api/identity/sessions/revoked`. */
  url: string;
  /** How old the copy may get before a request refreshes it. Default 5 s. */
  refreshMs?: number;
  /** How long a copy is used while identity cannot be reached. Default 60 s. */
  graceMs?: number;
  /** A monotonic clock in milliseconds, for tests. */
  now?: () => number;
}

export const REVOCATIONS_REFRESH_MS = 5_000;
export const REVOCATIONS_GRACE_MS = 60_000;
const FETCH_TIMEOUT_MS = 2_000;

const revocationList = z.object({ sessions: z.array(z.string()) });

export class RevocationsUnavailable extends Error {
  override name = 'RevocationsUnavailable';
}

export function createRevocationList(options: RevocationListOptions) {
  const refreshMs = options.refreshMs ?? REVOCATIONS_REFRESH_MS;
  const graceMs = options.graceMs ?? REVOCATIONS_GRACE_MS;
  const now = options.now ?? (() => performance.now());
  // After a failed fetch, try again after this long rather than on every request.
  const retryMs = Math.min(refreshMs, 1_000);
  let revoked = new Set<string>();
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let failedAt = Number.NEGATIVE_INFINITY;
  let etag: string | undefined;
  let pending: Promise<void> | undefined;

  async function fetchList() {
    const startedAt = now();
    try {
      const response = await fetch(options.url, {
        headers: etag ? { 'if-none-match': etag } : {},
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      if (response.status === 304) {
        await response.body?.cancel();
      } else if (response.ok) {
        revoked = new Set(revocationList.parse(await response.json()).sessions);
        etag = response.headers.get('etag') ?? undefined;
      } else {
        await response.body?.cancel();
        throw new Error(`revocation list answered ${response.status}`);
      }
      // The list is as fresh as the moment it was asked for, not the moment it arrived.
      fetchedAt = startedAt;
    } catch {
      failedAt = now();
    }
  }

  /** One fetch at a time, shared by every request that finds the copy stale. */
  function refresh() {
    pending ??= fetchList().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  return {
    async isRevoked(sessionId: string): Promise<boolean> {
      if (now() - fetchedAt > refreshMs && now() - failedAt > retryMs) await refresh();
      if (now() - fetchedAt > graceMs) {
        throw new RevocationsUnavailable(`cannot read the revoked sessions from ${options.url}`);
      }
      return revoked.has(sessionId);
    },
  };
}

export type RevocationList = ReturnType<typeof createRevocationList>;
