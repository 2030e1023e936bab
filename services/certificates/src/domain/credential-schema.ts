import { CERTIFICATE_ID_ROOT } from '@onego/codes';
import { type CertificateType, certificateFactSchemas } from '@onego/contracts';
import { z } from 'zod';
import { CERTIFICATE_KINDS } from '../issuers.ts';
import { CREDENTIAL_ID_PREFIX, CREDENTIAL_TYPE_NAMES, schemaUrl, VC_V2_CONTEXT } from './credential.ts';

// The JSON Schemas that credentials name in `credentialSchema` (type `JsonSchema`, W3C VC JSON
// Schema). That specification validates the whole credential against the schema, not only its
// subject, so the facts' schema (generated from the same zod schema the events are validated
// with) sits under `credentialSubject`, beside the shape of the envelope around it.

type JsonSchema = Record<string, unknown>;

const idPattern = `^${`${CREDENTIAL_ID_PREFIX}${CERTIFICATE_ID_ROOT}.`.replaceAll('.', '\\.')}`;

const factsSchemaOf = (type: CertificateType): JsonSchema => {
  const { $schema: _draft, ...facts } = z.toJSONSchema(certificateFactSchemas[type]) as JsonSchema;
  return facts;
};

export function credentialJsonSchema(origin: string, type: CertificateType): JsonSchema {
  const { name } = CERTIFICATE_KINDS[type];
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaUrl(origin, type),
    title: `${name.zh} ${name.en}`,
    description: `A OneGo ${name.en.toLowerCase()} (${name.zh}), issued as a W3C Verifiable Credential 2.0 (vc+jwt).`,
    type: 'object',
    properties: {
      '@context': {
        type: 'array',
        prefixItems: [{ const: VC_V2_CONTEXT }],
        items: { type: 'string' },
        minItems: 1,
      },
      id: { type: 'string', pattern: idPattern },
      type: { type: 'array', const: ['VerifiableCredential', CREDENTIAL_TYPE_NAMES[type]] },
      issuer: { type: 'string', pattern: '^did:web:' },
      validFrom: { type: 'string', format: 'date-time' },
      credentialSchema: {
        type: 'object',
        properties: { id: { const: schemaUrl(origin, type) }, type: { const: 'JsonSchema' } },
        required: ['id', 'type'],
      },
      credentialStatus: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uri' },
            type: { const: 'BitstringStatusListEntry' },
            statusPurpose: { enum: ['revocation', 'suspension'] },
            statusListIndex: { type: 'string', pattern: '^(0|[1-9][0-9]*)$' },
            statusListCredential: { type: 'string', format: 'uri' },
          },
          required: ['type', 'statusPurpose', 'statusListIndex', 'statusListCredential'],
        },
      },
      credentialSubject: factsSchemaOf(type),
    },
    required: [
      '@context',
      'id',
      'type',
      'issuer',
      'validFrom',
      'credentialSchema',
      'credentialStatus',
      'credentialSubject',
    ],
  };
}
