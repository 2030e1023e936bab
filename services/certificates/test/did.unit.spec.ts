import { describe, expect, it } from 'vitest';
import { didDocument, didDocumentUrl, issuerDid, parseKid } from '../src/domain/did.ts';

describe('an issuer’s did:web identifier', () => {
  it('encodes the origin’s port as %3A and the path as colon-separated segments', () => {
    expect(issuerDid('http://127.0.0.1:8080', 'health')).toBe(
      'did:web:127.0.0.1%3A8080:api:certificates:issuers:health',
    );
    expect(issuerDid('https://gov.example.cn/onego', 'cdc')).toBe(
      'did:web:gov.example.cn:onego:api:certificates:issuers:cdc',
    );
  });

  it('resolves to the did.json beside the issuer’s other documents', () => {
    const did = issuerDid('http://127.0.0.1:8080', 'public-security');
    expect(didDocumentUrl(did, 'http:')).toBe(
      'http://127.0.0.1:8080/api/certificates/issuers/public-security/did.json',
    );
    expect(didDocumentUrl('did:web:example.com')).toBe('https://example.com/.well-known/did.json');
    expect(didDocumentUrl('did:key:z6Mk')).toBeNull();
  });

  it('splits a kid into its DID and fragment; a bare thumbprint has no DID', () => {
    expect(parseKid('did:web:a.test:x#abc')).toEqual({ did: 'did:web:a.test:x', fragment: 'abc' });
    expect(parseKid('abc')).toEqual({ did: null, fragment: 'abc' });
  });

  it('lists each key as a JsonWebKey verification method usable for assertions', () => {
    const did = 'did:web:onego.test:api:certificates:issuers:cdc';
    const document = didDocument(did, [
      { thumbprint: 'new', publicJwk: { kty: 'OKP', crv: 'Ed25519', x: 'bmV3' } },
      { thumbprint: 'old', publicJwk: { kty: 'OKP', crv: 'Ed25519', x: 'b2xk' } },
    ]);
    expect(document.id).toBe(did);
    expect(document.assertionMethod).toEqual([`${did}#new`, `${did}#old`]);
    expect(document.verificationMethod[1]).toEqual({
      id: `${did}#old`,
      type: 'JsonWebKey',
      controller: did,
      publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: 'b2xk' },
    });
  });
});
