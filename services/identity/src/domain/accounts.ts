import { DEPARTMENTS, type Department } from '@onego/contracts';

// Who signs in, and the scopes their access tokens carry. A scope is what a route checks
// (`requireScope(verify, 'operator')`): citizens act on their own records, clerks at a
// service-centre window act for citizens, operators supervise a county, and each department's
// system sees only its own department's work.

export type SubjectType = 'citizen' | 'staff' | 'client';
export const STAFF_ROLES = ['clerk', 'operator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const CITIZEN_SCOPE = 'citizen';
export const departmentScope = (department: Department) => `department:${department}`;

/** Every scope identity grants, as its discovery document lists them. */
export const SUPPORTED_SCOPES: readonly string[] = [
  CITIZEN_SCOPE,
  ...STAFF_ROLES,
  ...DEPARTMENTS.map(departmentScope),
];

/** A department system may be allowed its own department's scope, and nothing else. */
export function scopesFitDepartment(scopes: readonly string[], department: Department): boolean {
  return scopes.length > 0 && scopes.every((scope) => scope === departmentScope(department));
}

// RFC 6749 §3.3: scope = scope-token *( SP scope-token ), scope-token = 1*NQCHAR.
const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/;

export type ScopeGrant = { ok: true; scopes: string[] } | { ok: false; reason: string };

/**
 * The scopes a client_credentials request is granted: what it asked for, when all of it is
 * allowed; everything allowed when it asked for nothing (RFC 6749 §3.3 lets the server choose a
 * default). Asking for more than allowed is refused outright rather than silently narrowed, so a
 * misconfigured department system finds out at once.
 */
export function grantScopes(requested: string | undefined, allowed: readonly string[]): ScopeGrant {
  if (requested === undefined) return { ok: true, scopes: [...allowed] };
  if (!SCOPE.test(requested)) return { ok: false, reason: 'scope is not a space-separated list of scopes' };
  const asked = [...new Set(requested.split(' '))];
  const refused = asked.filter((scope) => !allowed.includes(scope));
  if (refused.length > 0) return { ok: false, reason: `this client may not have ${refused.join(', ')}` };
  return { ok: true, scopes: asked };
}
