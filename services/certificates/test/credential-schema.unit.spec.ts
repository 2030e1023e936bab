import { CERTIFICATE_TYPES } from '@onego/contracts';
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_TYPE_NAMES } from '../src/domain/credential.ts';
import { credentialJsonSchema } from '../src/domain/credential-schema.ts';

const origin = 'https://onego.example.gov.cn';

describe('the JSON Schema of a credential', () => {
  it.each(CERTIFICATE_TYPES)('describes the whole %s credential, with its facts as the subject', (type) => {
    // When the schema of a certificate type is generated
    const schema = credentialJsonSchema(origin, type) as {
      $schema: string;
      $id: string;
      properties: { type: { const: string[] }; credentialSubject: { properties: object; $schema?: string } };
    };

    // Then it is a 2020-12 schema at the URL credentials name, for the credential's own type
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe(`${origin}/api/certificates/schemas/${type}.json`);
    expect(schema.properties.type.const).toEqual(['VerifiableCredential', CREDENTIAL_TYPE_NAMES[type]]);
    // And the subject is the facts' schema, generated from the contract, closed to other fields
    expect(schema.properties.credentialSubject).toMatchObject({
      type: 'object',
      additionalProperties: false,
    });
    expect(Object.keys(schema.properties.credentialSubject.properties)).toContain('name');
    expect(schema.properties.credentialSubject.$schema).toBeUndefined();
  });
});
