import createClient from 'openapi-fetch';
import { navigate } from '../router.ts';
import { currentSession, signOut } from '../session.ts';
import type { paths } from './schema.generated.ts';

// The typed API client: paths, parameters, bodies and answers come from the published OpenAPI
// document (schema.generated.ts), so a page calling a route that changed fails to type-check.

export const api = createClient<paths>({ baseUrl: location.origin });

api.use({
  onRequest({ request }) {
    const session = currentSession();
    if (session) request.headers.set('authorization', `Bearer ${session.token}`);
    return request;
  },
  onResponse({ response }) {
    // An expired or revoked session: sign in again, then come back here.
    if (response.status === 401 && currentSession()) {
      const back = encodeURIComponent(location.pathname + location.search);
      const staff = currentSession()?.role !== 'citizen';
      signOut();
      navigate(`${staff ? '/staff/signin' : '/signin'}?next=${back}`, { replace: true });
    }
    return response;
  },
});

export interface Problem {
  error: string;
  issues?: { path: string; message: string }[];
}

/** The API's error body, whatever route answered it. */
export function problemOf(error: unknown): Problem {
  if (error && typeof error === 'object' && 'error' in error && typeof error.error === 'string') {
    return error as Problem;
  }
  return { error: String(error ?? 'unknown error') };
}

/** A request with the caller's token that openapi-fetch cannot describe (downloads, streams). */
export function authorisedFetch(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  const session = currentSession();
  if (session) headers.set('authorization', `Bearer ${session.token}`);
  return fetch(path, { ...init, headers });
}
