import { compactVerify, importJWK } from 'jose';
import type { CompactJws } from './compact-jws.ts';
import { parseKid } from './did.ts';
import type { CheckName, VerifierContext } from './verification.ts';

// The issuer and signature checks, shared by certificates and the status lists they point to:
// the issuer is a DID this verifier trusts, the `kid` is one of its assertion keys, and the JWS
// verifies with that key (EdDSA only: nothing else is ever accepted).

/** Verifies a compact JWS `jws` by the issuer's DID document; throws with the reason on failure. */
export async function verifyIssuerSignature(jws: CompactJws, context: VerifierContext) {
  const issuer = jws.payload.issuer;
  if (typeof issuer !== 'string') throw new CheckFailure('issuer', 'the credential names no issuer');
  const document = await context.didDocument(issuer);
  if (!document) throw new CheckFailure('issuer', `${issuer} is not an issuer this platform knows`);
  const kid = typeof jws.header.kid === 'string' ? parseKid(jws.header.kid) : null;
  if (!kid) throw new CheckFailure('issuer', 'the protected header has no kid');
  if (kid.did !== null && kid.did !== issuer) {
    throw new CheckFailure('issuer', `the signing key ${kid.did} does not belong to the issuer ${issuer}`);
  }
  const methodId = `${issuer}#${kid.fragment}`;
  const method = document.verificationMethod.find((m) => m.id === methodId);
  if (!method || !document.assertionMethod.includes(methodId)) {
    throw new CheckFailure('issuer', `${methodId} is not an assertion key in the issuer’s DID document`);
  }
  try {
    await compactVerify(jws.text, await importJWK(method.publicKeyJwk, 'EdDSA'), { algorithms: ['EdDSA'] });
  } catch {
    throw new CheckFailure('signature', `the signature does not verify with ${methodId}`);
  }
  return method.id;
}

export class CheckFailure extends Error {
  readonly check: CheckName;
  constructor(check: CheckName, reason: string) {
    super(reason);
    this.check = check;
  }
}
