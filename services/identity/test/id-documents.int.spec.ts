import { type IdDocumentType, makeCitizenId, validateIdDocument } from '@onego/codes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizen, client, newIdNumber, newPassportNumber, startIdentity } from './harness.ts';

// Citizens who are not mainland residents register and sign in with the document they hold: one
// account per (document type, number), each number checked by its type's rule.

let identity: Awaited<ReturnType<typeof startIdentity>>;
beforeAll(async () => {
  identity = await startIdentity('identity_id_documents');
});
afterAll(() => identity?.close());

/** A client from an address of its own, so that the per-address limits stay out of the way. */
const anyone = () => client(identity.app);

const hmtPermit = makeCitizenId({ region: '810000', birthDate: '1991-02-03', sex: 'male', sequence: 7 });

/** A valid number of each type, and one its rule refuses. */
const DOCUMENTS: [IdDocumentType, string, string][] = [
  ['resident-id', newIdNumber(), `${newIdNumber().slice(0, 17)}Y`],
  ['hmt-residence-permit', hmtPermit, newIdNumber()],
  ['foreign-permanent-resident-id', 'USA123456789012', 'USA12345'],
  ['passport', newPassportNumber(), 'e1234567'],
  ['hk-macao-home-return-permit', 'H12345678', 'X12345678'],
  ['taiwan-compatriot-permit', '87654321', '8765432'],
];

describe('a passport holder', () => {
  it('registers and signs in with their passport, and sees it masked', async () => {
    // Given a citizen who holds a passport, not a resident ID
    const body = { ...citizen(newPassportNumber()), idType: 'passport' };
    // When they register
    const registered = await anyone().register(body);
    // Then the account is theirs, the number masked
    expect(registered.statusCode).toBe(201);
    const masked = `${body.idNumber.slice(0, 2)}*****${body.idNumber.slice(-2)}`;
    expect(registered.json()).toEqual({
      id: expect.any(String),
      name: '李小红',
      idType: 'passport',
      idNumberMasked: masked,
    });
    // And they sign in with the passport
    const login = await anyone().login({
      idType: 'passport',
      idNumber: body.idNumber,
      password: body.password,
    });
    expect(login.statusCode).toBe(200);
    const me = await anyone().me(login.json().accessToken);
    expect(me.json()).toMatchObject({ id: registered.json().id, idType: 'passport', idNumberMasked: masked });
  });

  it('is not found under another document type with the same characters', async () => {
    // Given a passport holder whose number is also a valid Taiwan compatriot permit number
    const body = { ...citizen('12345678'), idType: 'passport' };
    expect((await anyone().register(body)).statusCode).toBe(201);
    // When someone signs in with those characters as a Taiwan permit
    const login = await anyone().login({
      idType: 'taiwan-compatriot-permit',
      idNumber: body.idNumber,
      password: body.password,
    });
    // Then no account answers
    expect(login.statusCode).toBe(401);
  });
});

describe('one account per identity document', () => {
  it('refuses the same passport number twice, without naming it', async () => {
    const body = { ...citizen(newPassportNumber()), idType: 'passport' };
    expect((await anyone().register(body)).statusCode).toBe(201);
    const again = await anyone().register({ ...body, phone: '13900000000' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ error: 'this ID number is already registered' });
  });

  it('lets the same characters be registered under another document type, as another account', async () => {
    // Given a Taiwan compatriot permit number registered as a passport
    const number = '23456789';
    const asPassport = await anyone().register({ ...citizen(number), idType: 'passport' });
    // When the same characters register as a Taiwan compatriot permit
    const asPermit = await anyone().register({ ...citizen(number), idType: 'taiwan-compatriot-permit' });
    // Then both accounts exist, and each document signs in to its own
    expect([asPassport.statusCode, asPermit.statusCode]).toEqual([201, 201]);
    const subjectOf = async (idType: string) => {
      const login = await anyone().login({ idType, idNumber: number, password: citizen().password });
      return (await anyone().me(login.json().accessToken)).json().id;
    };
    expect(await subjectOf('passport')).toBe(asPassport.json().id);
    expect(await subjectOf('taiwan-compatriot-permit')).toBe(asPermit.json().id);
  });

  it('takes every document type, a resident ID when none is named', async () => {
    for (const [idType, idNumber] of DOCUMENTS) {
      const body = { ...citizen(idNumber), idType };
      expect((await anyone().register(body)).json()).toMatchObject({ idType });
      const login = await anyone().login({ idType, idNumber, password: body.password });
      expect(login.statusCode).toBe(200);
    }
    const resident = citizen();
    expect((await anyone().register(resident)).json()).toMatchObject({ idType: 'resident-id' });
  });
});

describe('an identity document its type does not allow', () => {
  it('is refused at registration and sign-in, naming idNumber and the reason', async () => {
    for (const [idType, , wrong] of DOCUMENTS) {
      const verdict = validateIdDocument(idType, wrong);
      if (verdict.ok) throw new Error(`${wrong} should not be a valid ${idType}`);
      const issue = [{ path: 'idNumber', message: verdict.reason }];
      const registration = await anyone().register({ ...citizen(wrong), idType });
      const login = await anyone().login({ idType, idNumber: wrong, password: 'any password at all' });
      for (const response of [registration, login]) {
        expect(response.statusCode, `${idType} ${wrong}`).toBe(400);
        expect(response.json().issues).toEqual(issue);
      }
    }
  });

  it('is checked as a resident ID when no type is named', async () => {
    const response = await anyone().register(citizen(newPassportNumber()));
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([{ path: 'idNumber', message: 'must be 18 characters' }]);
  });

  it('names an unknown document type alone, with the types there are', async () => {
    const response = await anyone().register({ ...citizen(), idType: 'library-card' });
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([
      { path: 'idType', message: expect.stringMatching(/^must be one of resident-id, .*passport/) },
    ]);
  });
});
