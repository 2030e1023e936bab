import type { Department } from '@onego/contracts';

// Each department is an issuer with a did:web identifier under the platform's public origin
// (https://w3c-ccg.github.io/did-method-web/): `did:web:<host, ':' as %3A>:<path segments>`
// resolves to `https://<host>/<path>/did.json`. The DID, not an https URL, is the credential's
// `issuer` (VC 2.0 §4.7 prefers a URL that dereferences to a controller document; a DID does),
// and each key is the verification method `<did>#<RFC 7638 thumbprint>`, which is the JWS
// `kid` (VC-JOSE-COSE, key discovery: with no `iss` and a DID issuer, `kid` is an absolute DID
// URL). Resolution keeps the origin's scheme so a plain-http development origin also resolves;
// did:web proper requires https, which a production origin has.

const ISSUERS_PATH = ['api', 'certificates', 'issuers'];

/** The did:web identifier of a department's issuer under `origin`. */
export function issuerDid(origin: string, department: Department): string {
  const url = new URL(origin);
  const host = url.host.replace(':', '%3A');
  const path = url.pathname.split('/').filter(Boolean);
  return ['did', 'web', host, ...path, ...ISSUERS_PATH, department].join(':');
}

/** Where a did:web DID's document is published: `<scheme>://<host>/<path>/did.json`. */
export function didDocumentUrl(did: string, scheme: 'https:' | 'http:' = 'https:'): string | null {
  const match = /^did:web:([^:#?/]+)((?::[^:#?/]+)*)$/.exec(did);
  if (!match?.[1]) return null;
  const host = decodeURIComponent(match[1]);
  const path = (match[2] ?? '').split(':').filter(Boolean).map(decodeURIComponent);
  const suffix = path.length > 0 ? `/${path.join('/')}/did.json` : '/.well-known/did.json';
  return `${scheme}//${host}${suffix}`;
}

/** The verification method id (and JWS `kid`) of a department key. */
export const verificationMethodId = (did: string, thumbprint: string) => `${did}#${thumbprint}`;

/** Splits a `kid` into the DID it belongs to and the key's fragment; a bare thumbprint has no DID. */
export function parseKid(kid: string): { did: string | null; fragment: string } {
  const hash = kid.indexOf('#');
  if (hash < 0) return { did: null, fragment: kid };
  return { did: kid.slice(0, hash), fragment: kid.slice(hash + 1) };
}

export type VerificationMethod = {
  id: string;
  type: 'JsonWebKey';
  controller: string;
  publicKeyJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string };
};

export type DidDocument = {
  '@context': string[];
  id: string;
  verificationMethod: VerificationMethod[];
  assertionMethod: string[];
};

/**
 * The DID document of an issuer: every key it has signed with, active or retired, as a
 * `JsonWebKey` verification method (W3C Controlled Identifiers 1.0), each one authorised for
 * `assertionMethod`, since a retired key still vouches for what it signed while it was active.
 * (A compromised key would instead be removed, and what it signed revoked.)
 */
export function didDocument(
  did: string,
  keys: { thumbprint: string; publicJwk: VerificationMethod['publicKeyJwk'] }[],
): DidDocument {
  const methods = keys.map((k) => ({
    id: verificationMethodId(did, k.thumbprint),
    type: 'JsonWebKey' as const,
    controller: did,
    publicKeyJwk: { kty: k.publicJwk.kty, crv: k.publicJwk.crv, x: k.publicJwk.x },
  }));
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://www.w3.org/ns/cid/v1'],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}
