// A small client for the public API, used by the demo and the end-to-end tests: they drive the
// platform exactly as a citizen's browser or app would, through the public origin.

export { canonicalSubmission } from '@onego/testing';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export function createClient(origin: string, token?: string) {
  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const response = await fetch(new URL(path, origin), {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(token && { authorization: `Bearer ${token}` }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    };
  }
  /** A multipart upload (materials): the body is a FormData, its boundary set by fetch. */
  async function postForm(path: string, form: FormData) {
    return fetch(new URL(path, origin), {
      method: 'POST',
      headers: token ? { authorization: `Bearer ${token}` } : {},
      body: form,
    });
  }
  return {
    postForm,
    get: <T>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T>(path: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body, headers),
    withToken: (t: string) => createClient(origin, t),
    /** The bearer token this client sends, for requests it does not make itself (downloads). */
    token,
  };
}

export type Client = ReturnType<typeof createClient>;

/** Registers a citizen (or logs in when already registered) and returns a client with their token. */
export async function signIn(
  origin: string,
  citizen: { idNumber: string; name: string; phone: string; password: string },
) {
  const anonymous = createClient(origin);
  const registered = await anonymous.post('/api/identity/citizens', citizen);
  if (registered.status !== 201 && registered.status !== 409) {
    throw new Error(`registration failed: ${registered.status} ${JSON.stringify(registered.body)}`);
  }
  const login = await anonymous.post<{ accessToken: string }>('/api/identity/login', {
    idNumber: citizen.idNumber,
    password: citizen.password,
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return anonymous.withToken(login.body.accessToken);
}
