import { HttpError } from '@onego/http';
import { z } from 'zod';

// The identity service, called on behalf of the caller with the caller's OWN bearer token: a
// citizen's token learns that citizen's identity document, a clerk's token looks a citizen up.
// Applications holds no credential of its own for identity, so it can learn nothing the caller
// could not. Identity slow or down is a 503 naming identity, never a 500.

/** The caller applications acts for: their own token, and their address (identity limits per address). */
export interface OnBehalfOf {
  token: string;
  ip: string;
}

export interface IdentityClientOptions {
  baseUrl: string;
  timeoutMs: number;
  /** After identity failed to answer, calls fail at once for this long instead of waiting again. */
  cooldownMs?: number;
  now?: () => number;
}

const myDocument = z.object({ idType: z.string(), idNumber: z.string(), name: z.string() });
const foundCitizen = z.object({ id: z.uuid(), name: z.string(), idNumberMasked: z.string() });
const me = z.object({ name: z.string().optional() });

const UNREACHABLE = 'the identity service cannot be reached right now: try again in a moment';

export function createIdentityClient(options: IdentityClientOptions) {
  const now = options.now ?? (() => performance.now());
  const cooldownMs = options.cooldownMs ?? 2_000;
  // A down identity would otherwise cost every request (and the gateway's retries of it) a timeout.
  let unreachableUntil = Number.NEGATIVE_INFINITY;
  const unreachable = () => {
    unreachableUntil = now() + cooldownMs;
    return new HttpError(503, UNREACHABLE);
  };

  async function call(path: string, caller: OnBehalfOf, body?: unknown) {
    if (now() < unreachableUntil) throw new HttpError(503, UNREACHABLE);
    let response: Response;
    try {
      response = await fetch(new URL(path, options.baseUrl), {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          authorization: `Bearer ${caller.token}`,
          'x-forwarded-for': caller.ip,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch {
      throw unreachable();
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      throw unreachable();
    }
    // Identity refused a token we accepted: revoked or expired in between.
    if (response.status === 401) throw new HttpError(401, 'access token rejected by the identity service');
    if (response.status === 429)
      throw new HttpError(429, 'too many requests to the identity service: try again in a minute');
    return response;
  }

  async function json<T>(response: Response, schema: z.ZodType<T>, what: string): Promise<T> {
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new HttpError(502, `the identity service answered ${what} unexpectedly`);
    return parsed.data;
  }

  return {
    /** The signed-in citizen's identity document; null when the caller is not a citizen. */
    async documentOf(caller: OnBehalfOf) {
      const response = await call('/api/identity/me/document', caller);
      if (response.status === 403) return null;
      if (response.status === 404)
        throw new HttpError(401, 'the account of this access token no longer exists');
      if (response.status !== 200)
        throw new HttpError(502, 'the identity service answered /me/document unexpectedly');
      return json(response, myDocument, '/me/document');
    },

    /** A clerk's look-up of a citizen account by identity document; null when none is registered. */
    async lookupCitizen(caller: OnBehalfOf, document: { idType: string; idNumber: string }) {
      const response = await call('/api/identity/citizens/lookup', caller, {
        idType: document.idType,
        idNumber: document.idNumber,
      });
      if (response.status === 404) return null;
      if (response.status === 403) throw new HttpError(403, 'this needs the clerk scope');
      if (response.status !== 200)
        throw new HttpError(502, 'the identity service answered a look-up unexpectedly');
      return json(response, foundCitizen, 'a look-up');
    },

    /** A staff member's display name, for records a citizen reads; null when identity has none. */
    async staffName(caller: OnBehalfOf) {
      const response = await call('/api/identity/me', caller);
      if (response.status !== 200) return null;
      return (await json(response, me, '/me')).name ?? null;
    },
  };
}

export type IdentityClient = ReturnType<typeof createIdentityClient>;
