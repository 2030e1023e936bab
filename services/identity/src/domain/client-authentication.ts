// OAuth 2.0 client authentication at the token endpoint (RFC 6749 §2.3.1): HTTP Basic with the
// form-urlencoded client_id and secret (client_secret_basic), or both in the request body
// (client_secret_post). A client uses one method, never two (§2.3).

export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post';
export const CLIENT_AUTH_METHODS: readonly ClientAuthMethod[] = ['client_secret_basic', 'client_secret_post'];

export interface ClientCredentials {
  method: ClientAuthMethod;
  clientId: string;
  secret: string;
}

export type ClientAuthentication =
  | { ok: true; credentials: ClientCredentials }
  | { ok: false; error: 'invalid_request' | 'invalid_client'; description: string };

const refuse = (error: 'invalid_request' | 'invalid_client', description: string) =>
  ({ ok: false, error, description }) as const;

/** application/x-www-form-urlencoded decoding of one value, as §2.3.1 asks; undefined when malformed. */
function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function basic(authorization: string): ClientAuthentication {
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(authorization.trim());
  const decoded = match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const clientId = colon > 0 ? formDecode(decoded.slice(0, colon)) : undefined;
  const secret = colon > 0 ? formDecode(decoded.slice(colon + 1)) : undefined;
  if (!clientId || !secret) return refuse('invalid_client', 'the Basic credentials are malformed');
  return { ok: true, credentials: { method: 'client_secret_basic', clientId, secret } };
}

export function authenticateClientRequest(
  authorization: string | undefined,
  body: { client_id?: string | undefined; client_secret?: string | undefined },
): ClientAuthentication {
  if (authorization !== undefined) {
    if (body.client_secret !== undefined) {
      return refuse('invalid_request', 'use one client authentication method, not two');
    }
    const result = basic(authorization);
    if (result.ok && body.client_id !== undefined && body.client_id !== result.credentials.clientId) {
      return refuse('invalid_request', 'client_id differs from the authenticated client');
    }
    return result;
  }
  if (body.client_secret !== undefined && !body.client_id) {
    return refuse('invalid_request', 'client_secret without client_id');
  }
  if (body.client_id && body.client_secret) {
    return {
      ok: true,
      credentials: { method: 'client_secret_post', clientId: body.client_id, secret: body.client_secret },
    };
  }
  return refuse('invalid_client', 'client authentication is required');
}
