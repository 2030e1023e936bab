import { describe, expect, it } from 'vitest';
import { grantScopes, SUPPORTED_SCOPES, scopesFitDepartment } from '../src/domain/accounts.ts';

describe('the scopes a department client is granted', () => {
  const allowed = ['department:health'];

  it('are all it is allowed when it asks for none', () => {
    expect(grantScopes(undefined, allowed)).toEqual({ ok: true, scopes: ['department:health'] });
  });

  it('are what it asked for when it is allowed all of it', () => {
    expect(grantScopes('department:health', allowed)).toEqual({ ok: true, scopes: ['department:health'] });
  });

  it('are refused, naming the scope, when it asks for another department’s', () => {
    // When the health department's client asks for public security's scope
    const grant = grantScopes('department:health department:public-security', allowed);
    // Then nothing is granted
    expect(grant).toEqual({ ok: false, reason: 'this client may not have department:public-security' });
  });

  it('are refused when the scope parameter is not a space-separated list', () => {
    expect(grantScopes('', allowed).ok).toBe(false);
    expect(grantScopes('department:health  department:health', allowed).ok).toBe(false);
    expect(grantScopes('"quoted"', allowed).ok).toBe(false);
  });
});

describe('what a department client may be allowed', () => {
  it('is its own department’s scope only', () => {
    expect(scopesFitDepartment(['department:cdc'], 'cdc')).toBe(true);
    expect(scopesFitDepartment(['department:health'], 'cdc')).toBe(false);
    expect(scopesFitDepartment(['operator'], 'cdc')).toBe(false);
    expect(scopesFitDepartment([], 'cdc')).toBe(false);
  });

  it('is among the scopes identity publishes, with citizen, clerk and operator', () => {
    expect(SUPPORTED_SCOPES).toEqual(
      expect.arrayContaining(['citizen', 'clerk', 'operator', 'department:cdc']),
    );
    expect(SUPPORTED_SCOPES).toHaveLength(9);
  });
});
