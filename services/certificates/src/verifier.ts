import { CERTIFICATE_TYPES, DEPARTMENTS } from '@onego/contracts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { schemaUrl } from './domain/credential.ts';
import { credentialJsonSchema } from './domain/credential-schema.ts';
import { issuerDid } from './domain/did.ts';
import { STATUS_PURPOSES, type StatusPurpose } from './domain/status-list.ts';
import { type VerifierContext, verifyCredential } from './domain/verification.ts';
import { isDepartment } from './issuers.ts';
import type { IssuerKeyStore } from './keys.ts';
import type { StatusLists } from './status-lists.ts';

// The verifier behind POST /api/certificates/verify and the internal lookup. It dereferences
// issuer DIDs, status list URLs and schema URLs exactly as published, but only those under this
// platform's own origin, read where the routes read them rather than over the network: a
// public endpoint that fetched any URL a caller put in a credential would be a request forgery
// tool, and a credential from an issuer we do not know fails the issuer check anyway.

export function createVerifier(deps: {
  keys: IssuerKeyStore;
  statusLists: StatusLists;
  origin: string;
  clock: () => Date;
}) {
  const { keys, statusLists, origin, clock } = deps;
  const departmentOfDid = new Map(DEPARTMENTS.map((d) => [issuerDid(origin, d), d]));
  const ajv = addFormats.default(new Ajv2020({ strict: false, allErrors: false }));
  const validators = new Map(
    CERTIFICATE_TYPES.map((type) => [
      schemaUrl(origin, type),
      ajv.compile(credentialJsonSchema(origin, type)),
    ]),
  );
  const listPath = new RegExp(
    `^${escapeRegExp(origin)}/api/certificates/issuers/([a-z-]+)/status-lists/([1-9][0-9]{0,8})/(${STATUS_PURPOSES.join('|')})$`,
  );

  const context = (): VerifierContext => ({
    now: clock(),
    async didDocument(did) {
      const department = departmentOfDid.get(did);
      return department ? keys.didDocument(department) : undefined;
    },
    async statusList(url) {
      const [, department, list, purpose] = listPath.exec(url) ?? [];
      if (!department || !isDepartment(department)) return undefined;
      return statusLists.published(department, Number(list), purpose as StatusPurpose);
    },
    schema(id) {
      const validate = validators.get(id);
      if (!validate) return undefined;
      return (credential) =>
        validate(credential)
          ? []
          : (validate.errors ?? []).map(
              (e) => `${e.instancePath || '(credential)'} ${e.message ?? 'is invalid'}`,
            );
    },
  });

  return {
    verify: (credential: string) => verifyCredential(credential, context()),
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export type Verifier = ReturnType<typeof createVerifier>;
