import { VC_V2_CONTEXT } from './credential.ts';

// All of an application's certificates in one Verifiable Presentation (VC 2.0 §4.13), each as an
// EnvelopedVerifiableCredential: a `data:application/vc+jwt,` URL holding the credential exactly
// as its department signed it (VC-JOSE-COSE: secured credentials in a presentation are
// enveloped). The presentation itself is not signed. A signature on a presentation proves the
// HOLDER presented it (holder binding, with a challenge from the verifier); the parent has no
// key, and a platform signature would prove only that the platform packed the file, which adds
// nothing to five credentials that each carry their issuer's signature. So it is delivered as an
// unsecured presentation (application/vp); a verifier checks each credential on its own.

export const PRESENTATION_MEDIA_TYPE = 'application/vp';

export type Presentation = {
  '@context': [typeof VC_V2_CONTEXT];
  type: ['VerifiablePresentation'];
  verifiableCredential: {
    '@context': [typeof VC_V2_CONTEXT];
    id: string;
    type: 'EnvelopedVerifiableCredential';
  }[];
};

export function presentationOf(credentials: string[]): Presentation {
  return {
    '@context': [VC_V2_CONTEXT],
    type: ['VerifiablePresentation'],
    verifiableCredential: credentials.map((jwt) => ({
      '@context': [VC_V2_CONTEXT],
      id: `data:application/vc+jwt,${jwt}`,
      type: 'EnvelopedVerifiableCredential',
    })),
  };
}

/** The credential inside an enveloped credential's data URL, or null when it is not one. */
export function envelopedCredential(value: unknown): string | null {
  const envelope = value as { type?: unknown; id?: unknown } | null;
  const types = Array.isArray(envelope?.type) ? envelope.type : [envelope?.type];
  if (!types.includes('EnvelopedVerifiableCredential') || typeof envelope?.id !== 'string') return null;
  const prefix = 'data:application/vc+jwt,';
  return envelope.id.startsWith(prefix) ? envelope.id.slice(prefix.length) : null;
}
