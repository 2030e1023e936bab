import { gunzipSync } from 'node:zlib';
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import type { Certificates } from './harness.ts';

// Checking a credential the way a third party would, with nothing of ours but the published
// documents: jose against the department's JWKS, and the Bitstring Status List decoded here by
// the specification (multibase `u` + base64url, GZIP, index 0 = most significant bit of byte 0).

export async function jwksOf(h: Certificates, department: string): Promise<JSONWebKeySet> {
  const response = await h.service.app.inject({ url: `/api/certificates/issuers/${department}/jwks.json` });
  return response.json();
}

/** Verifies a vc+jwt with jose against its department's published JWKS; returns the payload. */
export async function verifyWithJose(h: Certificates, credential: string, department: string) {
  const { payload } = await jwtVerify(credential, createLocalJWKSet(await jwksOf(h, department)), {
    typ: 'vc+jwt',
    algorithms: ['EdDSA'],
  });
  return payload as Record<string, unknown> & { credentialStatus: Record<string, string>[] };
}

/** Dereferences a statusListCredential URL through the service's own route, as published. */
async function publishedList(h: Certificates, url: string): Promise<string> {
  const response = await h.service.app.inject({ url: new URL(url).pathname });
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
  return response.body;
}

/** The bit of a credential's status entry, by the specification; true means set. */
export async function statusBit(h: Certificates, credential: string, department: string, purpose: string) {
  const payload = await verifyWithJose(h, credential, department);
  const entry = payload.credentialStatus.find((e) => e.statusPurpose === purpose);
  if (!entry?.statusListCredential || !entry.statusListIndex) throw new Error(`no ${purpose} entry`);
  const list = await verifyWithJose(h, await publishedList(h, entry.statusListCredential), department);
  const subject = list.credentialSubject as { statusPurpose: string; encodedList: string };
  if (subject.statusPurpose !== purpose) throw new Error('wrong purpose');
  if (!subject.encodedList.startsWith('u')) throw new Error('not multibase base64url');
  const bits = gunzipSync(Buffer.from(subject.encodedList.slice(1), 'base64url'));
  if (bits.length < 16 * 1024) throw new Error('shorter than 131,072 entries');
  const index = Number(entry.statusListIndex);
  return (((bits[index >> 3] ?? 0) >> (7 - (index % 8))) & 1) === 1;
}
