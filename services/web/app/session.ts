import { useEffect, useState } from 'preact/hooks';

// Who is signed in on this tab: the access token and what the pages need to know about it.
// Kept in sessionStorage (this tab only, gone when it closes): a shared phone on a maternity
// ward should not keep a parent signed in. The token's claims are read, never trusted: every
// API call is checked by the services.

export type Role = 'citizen' | 'clerk' | 'operator';

export interface Session {
  token: string;
  role: Role;
  name: string;
  region?: string;
  expiresAt: number;
}

const KEY = 'onego.session';
const listeners = new Set<() => void>();

function load(): Session | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
    return session && session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

let current = load();

export function currentSession(): Session | null {
  if (current && current.expiresAt <= Date.now()) signOut();
  return current;
}

function claimsOf(token: string): { scope?: string; exp?: number; region?: string } {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
}

/** The role a token's scope gives: `citizen`, `clerk` or `operator`. */
export function roleOf(token: string): Role | null {
  const scopes = (claimsOf(token).scope ?? '').split(' ');
  return (['operator', 'clerk', 'citizen'] as const).find((r) => scopes.includes(r)) ?? null;
}

export function signIn(token: string, name: string) {
  const claims = claimsOf(token);
  const role = roleOf(token);
  if (!role) throw new Error('this account cannot use these pages');
  current = {
    token,
    role,
    name,
    ...(claims.region && { region: claims.region }),
    expiresAt: (claims.exp ?? 0) * 1000,
  };
  sessionStorage.setItem(KEY, JSON.stringify(current));
  for (const listener of listeners) listener();
}

export function signOut() {
  current = null;
  sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

export function useSession(): Session | null {
  const [, setTick] = useState(0);
  useEffect(() => {
    const rerender = () => setTick((n) => n + 1);
    listeners.add(rerender);
    return () => void listeners.delete(rerender);
  }, []);
  return currentSession();
}
