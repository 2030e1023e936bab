import { randomInt } from 'node:crypto';
import type { IdDocumentType } from '@onego/codes';
import { createClient } from './client.ts';

// The development accounts the platform seeds (infra/identity/seed.json; public passwords, for
// development and tests only), and how each kind signs in through the public origin.

export const DEVELOPMENT_ACCOUNTS = {
  staff: {
    'operator.miluo': { password: 'onego-dev-operator-password', role: 'operator', region: '汨罗市' },
    'clerk.miluo': { password: 'onego-dev-clerk-password', role: 'clerk', region: '汨罗市' },
  },
  clients: {
    health: { clientId: 'department-health', secret: 'onego-dev-health-secret' },
    'public-security': { clientId: 'department-public-security', secret: 'onego-dev-public-security-secret' },
    'medical-insurance': {
      clientId: 'department-medical-insurance',
      secret: 'onego-dev-medical-insurance-secret',
    },
    'social-security': { clientId: 'department-social-security', secret: 'onego-dev-social-security-secret' },
    cdc: { clientId: 'department-cdc', secret: 'onego-dev-cdc-secret' },
    'maternal-child-health': {
      clientId: 'department-maternal-child-health',
      secret: 'onego-dev-maternal-child-health-secret',
    },
  },
} as const;

export type StaffUsername = keyof typeof DEVELOPMENT_ACCOUNTS.staff;

/** Signs a seeded staff member in; their token and a client that sends it. */
export async function signInStaff(origin: string, username: StaffUsername) {
  const { password } = DEVELOPMENT_ACCOUNTS.staff[username];
  const login = await createClient(origin).post<{ accessToken: string }>('/api/identity/staff/login', {
    username,
    password,
  });
  if (login.status !== 200)
    throw new Error(`staff login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { token: login.body.accessToken, client: createClient(origin, login.body.accessToken) };
}

/** OAuth 2.0 client credentials (RFC 6749 §4.4) with HTTP Basic client authentication. */
export async function requestClientToken(
  tokenEndpoint: string,
  clientId: string,
  secret: string,
  scope?: string,
) {
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', ...(scope && { scope }) }),
  });
  const body = (await response.json()) as { access_token: string; scope: string; expires_in: number };
  if (response.status !== 200)
    throw new Error(`token request failed: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** An identity document as identity's citizen routes take it (a resident ID when idType is absent). */
export interface IdDocument {
  idType?: IdDocumentType;
  idNumber: string;
}

/** A passport number unlikely to be registered yet: a letter and eight random digits. */
export const randomPassportNumber = () => `E${randomInt(10_000_000, 100_000_000)}`;

/** Registers a citizen with any identity document (or signs them in when already registered). */
export async function signInWithDocument(
  origin: string,
  citizen: IdDocument & { name: string; phone: string; password: string },
) {
  const anonymous = createClient(origin);
  const registered = await anonymous.post('/api/identity/citizens', citizen);
  if (registered.status !== 201 && registered.status !== 409) {
    throw new Error(`registration failed: ${registered.status} ${JSON.stringify(registered.body)}`);
  }
  const { idType, idNumber, password } = citizen;
  const login = await anonymous.post<{ accessToken: string }>('/api/identity/login', {
    ...(idType && { idType }),
    idNumber,
    password,
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { token: login.body.accessToken, client: anonymous.withToken(login.body.accessToken) };
}

/** The signed-in citizen's own document, name and phone, in full (GET /api/identity/me/document). */
export function myDocument(origin: string, token: string) {
  return createClient(origin, token).get<{
    idType: IdDocumentType;
    idNumber: string;
    name: string;
    phone: string;
  }>('/api/identity/me/document');
}

/** A clerk finding a citizen's account by their document (POST /api/identity/citizens/lookup). */
export function lookupCitizen(origin: string, clerkToken: string, document: IdDocument) {
  return createClient(origin, clerkToken).post<{ id: string; name: string; idNumberMasked: string }>(
    '/api/identity/citizens/lookup',
    document,
  );
}
