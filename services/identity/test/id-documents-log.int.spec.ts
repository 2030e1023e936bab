import { createTestDatabase, eventually, type TestDatabase } from '@onego/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizen, newPassportNumber, SEED_FILE, someAddress } from './harness.ts';
import { type IdentityProcess, startIdentityProcess } from './process.ts';

// The service run as operators run it, with request logging on: documents of every kind go
// through registration, sign-in, the holder's document and a clerk's lookup, and the log keeps
// the clerk's lookups (who, and the masked number) but no document number in full.

let database: TestDatabase;
let identity: IdentityProcess;
beforeAll(async () => {
  database = await createTestDatabase('identity_id_documents_log');
  identity = await startIdentityProcess({
    DATABASE_URL: database.url,
    IDENTITY_SEED_FILE: SEED_FILE,
    ONEGO_LOG_REQUESTS: 'true',
  });
});
afterAll(async () => {
  await identity?.stop();
  await database?.drop();
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
  return { status: response.status, json: (await response.json()) as Record<string, string> };
}

type Entry = { level: number; msg: string; clerk?: string; idType?: string; idNumberMasked?: string };
const entries = () =>
  identity
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Entry);

describe('what the service logs about identity documents', () => {
  it('names the clerk and the masked number of each lookup, and no document number in full', async () => {
    // Given a passport holder and a Taiwan compatriot, registered and signed in
    const passport = { ...citizen(newPassportNumber()), idType: 'passport' };
    const permit = { ...citizen('31415926'), idType: 'taiwan-compatriot-permit' };
    for (const body of [passport, permit]) {
      expect((await call('POST', '/citizens', body)).status).toBe(201);
      await call('POST', '/citizens', body);
      await call('POST', '/login', { idType: body.idType, idNumber: body.idNumber, password: 'wrong guess' });
      const { idType, idNumber, password } = body;
      const login = await call('POST', '/login', { idType, idNumber, password });
      expect((await call('GET', '/me/document', undefined, login.json.accessToken)).status).toBe(200);
    }
    // And numbers refused by their type's rule
    await call('POST', '/citizens', { ...passport, idType: 'hk-macao-home-return-permit' });
    await call('POST', '/login', {
      idType: 'taiwan-compatriot-permit',
      idNumber: passport.idNumber,
      password: 'x',
    });
    // When a clerk looks both up, and a document nobody registered
    const clerk = await call('POST', '/staff/login', {
      username: 'clerk.miluo',
      password: 'onego-dev-clerk-password',
    });
    const me = await call('GET', '/me', undefined, clerk.json.accessToken);
    const lookups = [passport, permit, { idType: 'passport', idNumber: newPassportNumber() }];
    for (const { idType, idNumber } of lookups) {
      await call('POST', '/citizens/lookup', { idType, idNumber }, clerk.json.accessToken);
    }

    // Then each lookup is logged at info with the clerk's id and the masked number
    // (the child process's output arrives through a pipe, so wait until every lookup's line is in)
    const logged = await eventually(
      async () => {
        const lines = entries().filter((e) => e.msg === 'citizen looked up by identity document');
        return lines.length >= lookups.length ? lines : undefined;
      },
      15_000,
      'a log line for every lookup',
    );
    expect(
      logged.map(({ level, clerk, idType, idNumberMasked }) => ({ level, clerk, idType, idNumberMasked })),
    ).toEqual(
      lookups.map(({ idType, idNumber }) => ({
        level: 30,
        clerk: me.json.id,
        idType,
        idNumberMasked: `${idNumber.slice(0, 2)}${'*'.repeat(idNumber.length - 4)}${idNumber.slice(-2)}`,
      })),
    );
    // And the log has request lines, but none of these numbers in full
    const log = identity.output();
    expect(log).toContain('"incoming request"');
    for (const { idNumber } of lookups) expect(log).not.toContain(idNumber);
  });
});
