import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizen, client, newIdNumber, newPassportNumber, startIdentity } from './harness.ts';

// A citizen's own document, in full, for them alone; and a clerk at a service-centre window
// finding a citizen's account by the document they hand over, the number masked in the answer.

let identity: Awaited<ReturnType<typeof startIdentity>>;
const tokens = { clerk: '', operator: '', department: '' };
beforeAll(async () => {
  identity = await startIdentity('identity_citizen_lookup', { seed: true });
  tokens.clerk = await anyone().staffToken('clerk.miluo');
  tokens.operator = await anyone().staffToken('operator.miluo');
  tokens.department = await anyone().departmentToken();
});
afterAll(() => identity?.close());

/** A client from an address of its own, so that the per-address limits stay out of the way. */
const anyone = () => client(identity.app);

async function passportHolder() {
  const body = { ...citizen(newPassportNumber()), idType: 'passport', phone: '13712340000' };
  const { id } = (await anyone().register(body)).json<{ id: string }>();
  const login = await anyone().login({
    idType: 'passport',
    idNumber: body.idNumber,
    password: body.password,
  });
  return { ...body, id, token: login.json<{ accessToken: string }>().accessToken };
}

describe('the signed-in citizen’s document', () => {
  it('is theirs in full, never cached', async () => {
    // Given a signed-in passport holder
    const holder = await passportHolder();
    // When they ask for their document
    const response = await anyone().document(holder.token);
    // Then they get their own real-name data, not to be stored on the way
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      idType: 'passport',
      idNumber: holder.idNumber,
      name: '李小红',
      phone: '13712340000',
    });
  });

  it('is a resident’s ID number for a resident', async () => {
    const { idNumber, token } = await anyone().signedIn();
    expect((await anyone().document(token)).json()).toMatchObject({ idType: 'resident-id', idNumber });
  });

  it('is refused to clerks, operators and department systems, and needs a token', async () => {
    for (const token of Object.values(tokens)) {
      const response = await anyone().document(token);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ error: 'this needs the citizen scope' });
    }
    expect((await anyone().document()).statusCode).toBe(401);
  });
});

describe('a clerk looking a citizen up by their document', () => {
  it('finds the account, the number masked', async () => {
    // Given a registered passport holder
    const holder = await passportHolder();
    // When a clerk looks up their passport
    const response = await anyone().lookup({ idType: 'passport', idNumber: holder.idNumber }, tokens.clerk);
    // Then the clerk gets the account id (their tokens' subject) and name, and a masked number
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id: holder.id,
      name: '李小红',
      idNumberMasked: `${holder.idNumber.slice(0, 2)}*****${holder.idNumber.slice(-2)}`,
    });
  });

  it('finds a resident by their ID number, as a resident ID when no type is named', async () => {
    const { id, idNumber } = await anyone().signedIn();
    const response = await anyone().lookup({ idNumber }, tokens.clerk);
    expect(response.json()).toMatchObject({
      id,
      idNumberMasked: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`,
    });
  });

  it('is told when no account has the document', async () => {
    const response = await anyone().lookup(
      { idType: 'passport', idNumber: newPassportNumber() },
      tokens.clerk,
    );
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'no account is registered for this identity document' });
  });

  it('names idNumber and the reason when the number does not fit its type', async () => {
    const response = await anyone().lookup(
      { idType: 'taiwan-compatriot-permit', idNumber: 'E1234567' },
      tokens.clerk,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([{ path: 'idNumber', message: 'must be 8 digits' }]);
  });

  it('is for clerks alone: operators, citizens and department systems are refused, anyone else unknown', async () => {
    // Given a registered citizen, and a signed-in one
    const holder = await passportHolder();
    const body = { idType: 'passport', idNumber: holder.idNumber };
    // When anyone but a clerk looks them up
    for (const token of [tokens.operator, tokens.department, holder.token]) {
      const response = await anyone().lookup(body, token);
      // Then they are refused
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ error: 'this needs the clerk scope' });
    }
    expect((await anyone().lookup(body)).statusCode).toBe(401);
  });

  it('is limited per client address', async () => {
    // Given one address that has used its twenty lookups this minute
    const from = client(identity.app, '192.0.2.55');
    for (let i = 0; i < 20; i++) {
      expect((await from.lookup({ idNumber: newIdNumber() }, tokens.clerk)).statusCode).toBe(404);
    }
    // When it looks up once more
    const limited = await from.lookup({ idNumber: newIdNumber() }, tokens.clerk);
    // Then it is told to slow down
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: expect.stringMatching(/^too many attempts/) });
  });
});
