import { SignJWT } from 'jose';
import type { CertificateCredential } from './domain/credential.ts';
import type { StatusListCredential } from './domain/status-list.ts';
import { ALG, type SigningKey } from './keys.ts';

// VC-JOSE-COSE: the typ header SHOULD be `vc+jwt`; `cty`, when present, SHOULD be `vc`. We
// leave `cty` out: it is optional, and `typ` already says what the payload is. The `kid` is the
// DID URL of the department's key. The payload is the credential, claim for claim. Status list
// credentials are secured the same way (Bitstring Status List v1.0 §3.6: same mechanism and
// parameters as the credentials that point to them).

export const CREDENTIAL_TYP = 'vc+jwt';

/** Secures a credential as a compact JWS (application/vc+jwt). */
export function signCredential(
  credential: CertificateCredential | StatusListCredential,
  signer: SigningKey,
): Promise<string> {
  return new SignJWT({ ...credential })
    .setProtectedHeader({ alg: ALG, typ: CREDENTIAL_TYP, kid: signer.kid })
    .sign(signer.key);
}
