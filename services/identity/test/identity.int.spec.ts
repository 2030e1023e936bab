import { createLocalJWKSet, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCE, citizen, client, ISSUER, newIdNumber, startIdentity } from './harness.ts';

let identity: Awaited<ReturnType<typeof startIdentity>>;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  identity = await startIdentity('identity');
  api = client(identity.app);
});
afterAll(() => identity?.close());

const masked = (idNumber: string) => `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`;

describe('registering a citizen', () => {
  it('creates the account and answers without the full ID number', async () => {
    // Given a new citizen's details
    const body = citizen();
    // When they register
    const response = await api.register(body);
    // Then the account exists, with the ID number masked
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      id: expect.any(String),
      name: '李小红',
      idType: 'resident-id',
      idNumberMasked: masked(body.idNumber),
    });
  });

  it('refuses a second account for the same ID number', async () => {
    // Given a registered citizen
    const body = citizen();
    expect((await api.register(body)).statusCode).toBe(201);
    // When the same ID number registers again
    const again = await api.register({ ...body, phone: '13900000000' });
    // Then it is a conflict
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ error: 'this ID number is already registered' });
  });

  it('lets exactly one of two simultaneous registrations of one ID number through', async () => {
    // When the same ID number registers twice at once
    const body = citizen();
    const codes = (await Promise.all([api.register(body), api.register(body)])).map((r) => r.statusCode);
    // Then one succeeds and the other is a conflict
    expect(codes.sort()).toEqual([201, 409]);
  });

  it('names the ID number and the reason when its check character is wrong', async () => {
    // Given an ID number whose last character does not match its checksum
    const valid = newIdNumber();
    const wrong = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
    // When it is used to register
    const response = await api.register(citizen(wrong));
    // Then the 400 names the field and why
    expect(response.statusCode).toBe(400);
    expect(response.json().issues[0]).toEqual({
      path: 'idNumber',
      message: 'check character does not match',
    });
  });

  it('names each field that breaks its rule', async () => {
    // When a name, phone and password are all wrong
    const response = await api.register({
      ...citizen(),
      name: '123',
      phone: '+8613812345678',
      password: 'short',
    });
    // Then each is named
    expect(response.statusCode).toBe(400);
    const paths = response.json().issues.map((i: { path: string }) => i.path);
    expect(paths.sort()).toEqual(['name', 'password', 'phone']);
  });

  it('refuses unknown fields', async () => {
    // When the body carries a field the API does not know
    const response = await api.register({ ...citizen(), role: 'admin' });
    // Then it is refused, naming the field
    expect(response.statusCode).toBe(400);
    expect(response.json().issues).toEqual([{ path: 'role', message: 'is not a known field' }]);
  });

  it('limits registration attempts per client address', async () => {
    // Given one client (as forwarded by the gateway) that has used up its attempts
    const from = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 20; i++) expect((await api.register({}, from)).statusCode).toBe(400);
    // When it tries again
    const limited = await api.register({}, from);
    // Then it is told to slow down, while another client is not affected
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: expect.stringMatching(/^too many attempts/) });
    expect((await api.register({}, { 'x-forwarded-for': '203.0.113.8' })).statusCode).toBe(400);
  });
});

describe('logging in', () => {
  it('issues an EdDSA access token that verifies against the published JWKS', async () => {
    // Given a registered citizen
    const body = citizen();
    const { id } = (await api.register(body)).json();
    // When they log in
    const response = await api.login({ idNumber: body.idNumber, password: body.password });
    // Then they get a bearer token that the JWKS verifies, for them, with issuer and audience
    expect(response.statusCode).toBe(200);
    const { accessToken, tokenType, expiresIn } = response.json();
    expect({ tokenType, expiresIn }).toEqual({ tokenType: 'Bearer', expiresIn: 900 });
    const keys = createLocalJWKSet(await api.jwks());
    const verified = await jwtVerify(accessToken, keys, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['EdDSA'],
    });
    expect(verified.protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'at+jwt', kid: expect.any(String) });
    expect(verified.payload).toMatchObject({ sub: id, scope: 'citizen', jti: expect.any(String) });
    expect((verified.payload.exp ?? 0) - (verified.payload.iat ?? 0)).toBe(900);
  });

  it('answers a wrong password and an unknown ID number with the same 401', async () => {
    // Given a registered citizen
    const body = citizen();
    await api.register(body);
    // When someone logs in with a wrong password, or with an ID number nobody registered
    const wrongPassword = await api.login({ idNumber: body.idNumber, password: 'not the password' });
    const unknown = await api.login({ idNumber: newIdNumber(), password: body.password });
    // Then both get the same answer
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual({ error: 'ID number or password is wrong' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrongPassword.json());
  });
});

describe('the signed-in citizen’s account', () => {
  it('is shown with masked identifiers', async () => {
    // Given a signed-in citizen
    const { id, idNumber, token } = await api.signedIn();
    // When they ask who they are
    const response = await api.me(token);
    // Then they see their account, masked
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      id,
      name: '李小红',
      idType: 'resident-id',
      idNumberMasked: masked(idNumber),
      phoneMasked: '138****5678',
    });
  });

  it('needs a bearer token', async () => {
    expect((await api.me()).statusCode).toBe(401);
  });

  it('refuses a token signed by a key the service did not publish, even under its kid', async () => {
    // Given a token with the right claims, signed by some other Ed25519 key
    const { id, token } = await api.signedIn();
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forge = (kid: string) =>
      new SignJWT({ scope: 'citizen' })
        .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(id)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
    // When it is used with an unknown kid, and with the service's own kid
    const unknownKid = await api.me(await forge('not-a-published-key'));
    const borrowedKid = await api.me(await forge(String(decodeProtectedHeader(token).kid)));
    // Then both are refused
    expect(unknownKid.statusCode).toBe(401);
    expect(unknownKid.json()).toEqual({ error: 'access token rejected: ERR_JWKS_NO_MATCHING_KEY' });
    expect(borrowedKid.statusCode).toBe(401);
    expect(borrowedKid.json()).toEqual({
      error: 'access token rejected: ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
    });
  });
});

describe('the per-address limits', () => {
  it('cover the OpenAPI document too', async () => {
    const from = { 'x-forwarded-for': '192.0.2.77' };
    const responses = [];
    for (let i = 0; i < 1201; i++) {
      responses.push(
        (await identity.app.inject({ url: '/api/identity/openapi.json', headers: from })).statusCode,
      );
    }
    expect(responses.slice(0, 1200).every((s) => s === 200)).toBe(true);
    expect(responses[1200]).toBe(429);
  });
});
