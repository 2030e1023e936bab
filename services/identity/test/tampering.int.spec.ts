import { citizenIdsIn } from '@onego/codes';
import { type OpenTestDatabase, openTestDatabase } from '@onego/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizen, newIdNumber, someAddress } from './harness.ts';
import { type IdentityProcess, startIdentityProcess } from './process.ts';

// Sealed values swapped between two citizens' rows (what someone with write access to the
// database, or a botched restore, could do) no longer open: the service, run as a process with
// request logging on, refuses those accounts with a 503, tells operators which rows to restore,
// and never writes an ID number or phone to its log.

let handle: OpenTestDatabase;
let identity: IdentityProcess;
beforeAll(async () => {
  handle = await openTestDatabase('identity_tampering', { max: 2 });
  identity = await startIdentityProcess({ DATABASE_URL: handle.url, ONEGO_LOG_REQUESTS: 'true' });
});
afterAll(async () => {
  await identity?.stop();
  await handle?.close();
});

async function call(method: string, path: string, body?: object, token?: string) {
  const response = await fetch(`${identity.origin}/api/identity${path}`, {
    method,
    headers: {
      'x-forwarded-for': someAddress(),
      ...(body && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
    },
    ...(body && { body: JSON.stringify(body) }),
  });
  return { status: response.status, text: await response.text() };
}

async function registeredAndSignedIn(phone: string) {
  const body = { ...citizen(), phone };
  const { id } = JSON.parse((await call('POST', '/citizens', body)).text) as { id: string };
  const login = await call('POST', '/login', { idNumber: body.idNumber, password: body.password });
  return { ...body, id, token: (JSON.parse(login.text) as { accessToken: string }).accessToken };
}

describe('a sealed value swapped between two citizens’ rows', () => {
  it('makes both accounts answer 503, reported to operators by row, leaving everyone else alone', async () => {
    // Given three signed-in citizens
    const a = await registeredAndSignedIn('13811110001');
    const b = await registeredAndSignedIn('13811110002');
    const c = await registeredAndSignedIn('13811110003');
    expect((await call('GET', '/me', undefined, a.token)).status).toBe(200);

    // When A's and B's sealed ID numbers and phones are swapped in the table
    await handle.sql`
      update identity.citizens t set id_number_sealed = o.id_number_sealed, phone_sealed = o.phone_sealed
      from identity.citizens o
      where t.id in (${a.id}, ${b.id}) and o.id in (${a.id}, ${b.id}) and o.id <> t.id`;

    // Then their accounts are unavailable, with a 503 that names nothing of theirs
    for (const who of [a, b]) {
      const me = await call('GET', '/me', undefined, who.token);
      const login = await call('POST', '/login', { idNumber: who.idNumber, password: who.password });
      for (const response of [me, login]) {
        expect(response.status).toBe(503);
        expect(JSON.parse(response.text)).toEqual({
          error: 'this account cannot be used at the moment; the service centre can help',
        });
      }
      // And a wrong password is still only wrong: the account's state is not shown to a guesser
      const guess = await call('POST', '/login', { idNumber: who.idNumber, password: 'a wrong guess!' });
      expect(guess.status).toBe(401);
    }
    // And the third citizen is not affected
    expect((await call('GET', '/me', undefined, c.token)).status).toBe(200);
    expect((await call('POST', '/login', { idNumber: c.idNumber, password: c.password })).status).toBe(200);

    // And operators read which rows to restore, at error level
    const entries = identity
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; record?: string; msg: string });
    const reported = entries.filter((e) => e.level === 50 && e.record).map((e) => e.record);
    expect(new Set(reported)).toEqual(new Set([`citizens.id_number:${a.id}`, `citizens.id_number:${b.id}`]));
    expect(entries.find((e) => e.record)?.msg).toMatch(/restore the row from a backup/);
  });

  it('never puts an ID number or a phone in the service’s log, whatever was asked', async () => {
    // Given a registration, a refused second one, a malformed one, and failed and good sign-ins
    const body = { ...citizen(), phone: '13811110004' };
    await call('POST', '/citizens', body);
    await call('POST', '/citizens', body);
    await call('POST', '/citizens', { ...body, idNumber: `${body.idNumber.slice(0, 17)}Y` });
    await call('POST', '/login', { idNumber: body.idNumber, password: 'not the password' });
    await call('POST', '/login', { idNumber: newIdNumber(), password: body.password });
    await call('POST', '/login', { idNumber: body.idNumber, password: body.password });
    // When the log is read
    const log = identity.output();
    // Then it has request lines, but neither the ID numbers nor the phones of this file's citizens
    expect(log).toContain('"incoming request"');
    // (valid ones only: 18 digits in a row now and then turn up inside a hexadecimal trace id)
    expect([...citizenIdsIn(log)]).toEqual([]);
    expect(log.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? []).toEqual([]);
  });
});
