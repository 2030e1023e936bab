import { createHash } from 'node:crypto';
import { callerOf, HttpError, hasScope } from '@onego/http';
import type { Vault } from '@onego/vault';
import type { FastifyRequest } from 'fastify';
import { documentKey, type IdentityDocument } from './domain/consents.ts';
import type { IdentityClient, OnBehalfOf } from './identity-client.ts';

// Who a signed-in citizen is, as the keyed hash of their identity document: what a consent to
// "the other parent" is matched against. Learned from identity with the citizen's own token and
// remembered for that token's session only briefly (never past the token's expiry, a bounded
// number of sessions), so listing applications does not call identity every time. Only the hash
// is kept; the number itself is dropped at once.

/** The vault lookup purpose for identity documents (the other parent's, the caller's). */
export const DOCUMENT_LOOKUP = 'identity-document';

export interface CallerDocumentsOptions {
  identity: IdentityClient;
  vault: Vault;
  ttlMs: number;
  maxSessions?: number;
  now?: () => number;
}

/** The caller's own token and address, for calls to identity on their behalf. */
const onBehalfOf = (request: FastifyRequest): OnBehalfOf => {
  const token = request.headers.authorization?.match(/^Bearer (\S+)$/)?.[1];
  if (!token) throw new HttpError(401, 'a bearer access token is required');
  return { token, ip: request.ip };
};

/** The token's `exp` in ms (its signature was verified before any route runs). */
function expiryOf(token: string) {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
  } catch {
    return 0;
  }
}

export function createCallerDocuments(options: CallerDocumentsOptions) {
  const now = options.now ?? Date.now;
  const max = options.maxSessions ?? 10_000;
  const remembered = new Map<string, { hash: string; until: number }>();
  const hashOfDocument = (doc: IdentityDocument) => options.vault.lookup(DOCUMENT_LOOKUP, documentKey(doc));

  function remember(key: string, hash: string, until: number) {
    remembered.delete(key);
    remembered.set(key, { hash, until });
    // Oldest first in a Map's order: drop the oldest sessions beyond the bound.
    for (const oldest of remembered.keys()) {
      if (remembered.size <= max) break;
      remembered.delete(oldest);
    }
  }

  return {
    hashOfDocument,

    /** The calling citizen's document hash; null for staff and department systems (not citizens). */
    async hashOf(request: FastifyRequest): Promise<string | null> {
      const principal = callerOf(request);
      if (!hasScope(principal, 'citizen')) return null;
      const caller = onBehalfOf(request);
      const { token } = caller;
      const key = `${principal.id}:${principal.sessionId ?? createHash('sha256').update(token).digest('hex')}`;
      const hit = remembered.get(key);
      if (hit && hit.until > now()) return hit.hash;
      const doc = await options.identity.documentOf(caller);
      if (!doc) return null;
      const hash = hashOfDocument(doc);
      const until = Math.min(now() + options.ttlMs, expiryOf(token));
      if (until > now()) remember(key, hash, until);
      return hash;
    },

    onBehalfOf,
  };
}

export type CallerDocuments = ReturnType<typeof createCallerDocuments>;
