import { type CompactJws, parseCompactJws } from './compact-jws.ts';
import { VC_V2_CONTEXT } from './credential.ts';
import type { DidDocument } from './did.ts';
import { CheckFailure, verifyIssuerSignature } from './issuer-signature.ts';
import { checkStatus, type StatusResult } from './status-check.ts';

// Verifying a certificate as any verifier would: it is a VC 2.0 credential secured as a JWS
// (VC-JOSE-COSE); its issuer's DID document lists the key named by `kid`; the signature holds;
// it is within its validity period; its Bitstring Status List entries, read from the signed
// lists it points to, say neither revoked nor suspended; and it conforms to the JSON Schema it
// names. Every check reports passed, failed (with why) or skipped (because an earlier one
// failed, so nothing in the credential can be trusted).

export const CHECKS = ['format', 'issuer', 'signature', 'validity', 'status', 'schema'] as const;
export type CheckName = (typeof CHECKS)[number];

export interface CheckResult {
  check: CheckName;
  outcome: 'passed' | 'failed' | 'skipped';
  reason?: string;
}

export interface Verification {
  verified: boolean;
  credentialId: string | null;
  issuer: string | null;
  checks: CheckResult[];
  status: StatusResult[];
}

export interface VerifierContext {
  now: Date;
  /** The DID document of an issuer this verifier trusts; undefined for any other DID. */
  didDocument(did: string): Promise<DidDocument | undefined>;
  /** Dereferences a `statusListCredential` URL: the list as published (vc+jwt), or undefined. */
  statusList(url: string): Promise<string | undefined>;
  /** Validates against the JSON Schema at `id`: the problems found, or undefined for an unknown schema. */
  schema(id: string): ((credential: unknown) => string[]) | undefined;
}

/** Clock skew tolerated on `validFrom`, as for access tokens. */
const SKEW_MS = 30_000;

function validityProblem(payload: Record<string, unknown>, now: Date): string | null {
  const from = typeof payload.validFrom === 'string' ? Date.parse(payload.validFrom) : Number.NaN;
  if (Number.isNaN(from)) return 'validFrom is missing or not a date-time';
  if (from - SKEW_MS > now.getTime()) return `not valid before ${payload.validFrom}`;
  if (payload.validUntil !== undefined) {
    const until = typeof payload.validUntil === 'string' ? Date.parse(payload.validUntil) : Number.NaN;
    if (Number.isNaN(until)) return 'validUntil is not a date-time';
    if (until <= now.getTime()) return `expired at ${payload.validUntil}`;
  }
  return null;
}

function formatProblem(payload: Record<string, unknown>, header: Record<string, unknown>): string | null {
  if (header.alg !== 'EdDSA') return `alg ${String(header.alg)} is not EdDSA`;
  if (header.typ !== 'vc+jwt') return `typ ${String(header.typ)} is not vc+jwt`;
  const context = payload['@context'];
  if (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT) return 'not a VC 2.0 credential (@context)';
  if (!Array.isArray(payload.type) || !payload.type.includes('VerifiableCredential')) {
    return 'type does not include VerifiableCredential';
  }
  return null;
}

function schemaProblems(payload: Record<string, unknown>, context: VerifierContext): string | null {
  const schema = payload.credentialSchema as { id?: unknown; type?: unknown } | undefined;
  if (typeof schema?.id !== 'string' || schema.type !== 'JsonSchema') return 'no JsonSchema credentialSchema';
  const validate = context.schema(schema.id);
  if (!validate) return `${schema.id} is not a schema this platform publishes`;
  const problems = validate(payload);
  return problems.length > 0 ? problems.slice(0, 5).join('; ') : null;
}

/** Runs every check it can; never throws for any input. */
export async function verifyCredential(text: string, context: VerifierContext): Promise<Verification> {
  const checks: CheckResult[] = [];
  const result = (check: CheckName, problem: string | null) =>
    checks.push(
      problem === null ? { check, outcome: 'passed' } : { check, outcome: 'failed', reason: problem },
    );
  let jws: CompactJws;
  try {
    jws = parseCompactJws(text.trim());
    const problem = formatProblem(jws.payload, jws.header);
    if (problem) throw new Error(problem);
  } catch (error) {
    result('format', (error as Error).message);
    return finish(checks, null, null, []);
  }
  result('format', null);
  const id = typeof jws.payload.id === 'string' ? jws.payload.id : null;
  const issuer = typeof jws.payload.issuer === 'string' ? jws.payload.issuer : null;
  try {
    await verifyIssuerSignature(jws, context);
    result('issuer', null);
    result('signature', null);
  } catch (error) {
    const failure = error instanceof CheckFailure ? error : new CheckFailure('signature', String(error));
    if (failure.check === 'signature') result('issuer', null);
    result(failure.check, failure.message);
    return finish(checks, id, issuer, []);
  }
  result('validity', validityProblem(jws.payload, context.now));
  const status = await checkStatus(jws.payload, context);
  result('status', status.problem);
  result('schema', schemaProblems(jws.payload, context));
  return finish(checks, id, issuer, status.entries);
}

function finish(checks: CheckResult[], id: string | null, issuer: string | null, status: StatusResult[]) {
  const done = new Set(checks.map((c) => c.check));
  const failed = checks.find((c) => c.outcome === 'failed');
  for (const check of CHECKS.filter((c) => !done.has(c))) {
    checks.push({ check, outcome: 'skipped', reason: `not checked: the ${failed?.check} check failed` });
  }
  return { verified: checks.every((c) => c.outcome === 'passed'), credentialId: id, issuer, checks, status };
}
