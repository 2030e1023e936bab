import { KeyObject, sign } from 'node:crypto';
import type { CryptoKey } from 'jose';
import type { CertificateCredential } from './domain/credential.ts';
import type { StatusListCredential } from './domain/status-list.ts';
import { ALG, type SigningKey } from './keys.ts';

// VC-JOSE-COSE: the typ header SHOULD be `vc+jwt`; `cty`, when present, SHOULD be `vc`. We
// leave `cty` out: it is optional, and `typ` already says what the payload is. The `kid` is the
// DID URL of the department's key. The payload is the credential, claim for claim. Status list
// credentials are secured the same way (Bitstring Status List v1.0 §3.6: same mechanism and
// parameters as the credentials that point to them).

export const CREDENTIAL_TYP = 'vc+jwt';

// A compact JWS (RFC 7515) is base64url(header).base64url(payload).base64url(signature); Ed25519
// signs synchronously with node:crypto, without WebCrypto's round trip through the thread pool
// (a quarter of the time per credential). Verifiers (jose among them) see the same JWS.
const asKeyObject = new WeakMap<CryptoKey, KeyObject>();
const base64url = (text: string) => Buffer.from(text).toString('base64url');

function keyObjectOf(key: CryptoKey) {
  let object = asKeyObject.get(key);
  if (!object) {
    object = KeyObject.from(key as Parameters<typeof KeyObject.from>[0]);
    asKeyObject.set(key, object);
  }
  return object;
}

/** Secures a credential as a compact JWS (application/vc+jwt). */
export async function signCredential(
  credential: CertificateCredential | StatusListCredential,
  signer: SigningKey,
): Promise<string> {
  const header = base64url(JSON.stringify({ alg: ALG, typ: CREDENTIAL_TYP, kid: signer.kid }));
  const input = `${header}.${base64url(JSON.stringify(credential))}`;
  const signature = sign(null, Buffer.from(input), keyObjectOf(signer.key)).toString('base64url');
  return `${input}.${signature}`;
}
