import { makeCitizenId } from '@onego/codes';
import { CERTIFICATE_TYPES, DEPARTMENTS, ITEM_KEYS, MATERIAL_CODES } from '@onego/contracts';
import fc from 'fast-check';
import { generateKeyPair, SignJWT } from 'jose';
import { signInNew } from '../support/citizens.ts';
import { canonicalSubmission } from '../support/client.ts';
import { DEVELOPMENT_ACCOUNTS, requestClientToken, signInStaff } from '../support/identity.ts';
import { freshBirthDate } from '../support/views.ts';

// Who the fuzzer sends requests as, and what it knows of the platform: a token of every kind
// (so that requests get past authentication to the validation behind it), the ids of things
// that exist (so that handlers find them), and requests known to be well-formed, which the
// mutations then break in one place.

export const IDENTITIES = ['anonymous', 'citizen', 'clerk', 'operator', 'department', 'bad-token'] as const;
export type Identity = (typeof IDENTITIES)[number];

export interface FuzzContext {
  tokens: Record<Exclude<Identity, 'anonymous' | 'bad-token'>, string>;
  badTokens: string[];
  /** Values that exist, by path or query parameter name. */
  known: Record<string, readonly string[]>;
  /** Well-formed bodies, by operation key. */
  examples: Record<string, fc.Arbitrary<unknown>>;
  /** Bodies that are bytes (multipart uploads), by operation key. */
  raw: Record<string, fc.Arbitrary<{ contentType: string; bytes: Buffer }>>;
}

export function submission() {
  const s = canonicalSubmission();
  freshBirthDate(s, new Date());
  return s;
}

async function foreignToken(origin: string) {
  const { privateKey } = await generateKeyPair('ES256');
  return new SignJWT({ scope: 'operator' })
    .setProtectedHeader({ alg: 'ES256', kid: 'not-ours' })
    .setIssuer(`${origin}/api/identity`)
    .setAudience('onego')
    .setSubject('00000000-0000-4000-8000-000000000000')
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(privateKey);
}

const citizenId = fc
  .record({
    sequence: fc.nat(499),
    day: fc.date({ min: new Date('1950-01-01'), max: new Date('2005-12-31'), noInvalidDate: true }),
  })
  .map(({ sequence, day }) =>
    makeCitizenId({ region: '430681', birthDate: day.toISOString().slice(0, 10), sex: 'female', sequence }),
  );

function multipart(fields: Record<string, string>, file?: Buffer) {
  const boundary = 'fuzzboundary7d3a';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const fileHead = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="m.pdf"\r\ncontent-type: application/pdf\r\n\r\n`;
  const bytes = Buffer.concat([
    Buffer.from(parts.join('')),
    ...(file ? [Buffer.from(fileHead), file, Buffer.from('\r\n')] : []),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { contentType: `multipart/form-data; boundary=${boundary}`, bytes };
}

export async function createFuzzContext(origin: string): Promise<FuzzContext> {
  const citizen = await signInNew(origin, '模糊测试');
  const [clerk, operator] = [
    await signInStaff(origin, 'clerk.miluo'),
    await signInStaff(origin, 'operator.miluo'),
  ];
  const health = DEVELOPMENT_ACCOUNTS.clients.health;
  const department = await requestClientToken(
    `${origin}/api/identity/oauth/token`,
    health.clientId,
    health.secret,
  );
  const submitted = await citizen.post<{ id: string }>('/api/applications', submission());
  if (submitted.status !== 202) throw new Error(`the fuzzer's application was refused: ${submitted.status}`);
  const token = citizen.token as string;
  return {
    tokens: {
      citizen: token,
      clerk: clerk.token,
      operator: operator.token,
      department: department.access_token,
    },
    badTokens: [
      'garbage',
      'a'.repeat(8_000),
      'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
      `${token.slice(0, -3)}${token.endsWith('AAA') ? 'BBB' : 'AAA'}`,
      `${token} ${token}`,
      await foreignToken(origin),
      '....',
    ],
    known: {
      id: [submitted.body.id],
      applicationId: [submitted.body.id],
      department: DEPARTMENTS,
      itemKey: ITEM_KEYS,
      key: ['newborn'],
      type: CERTIFICATE_TYPES,
    },
    examples: {
      'POST /api/applications': fc.constant(null).map(submission),
      'POST /api/identity/citizens': fc.record({
        idNumber: citizenId,
        name: fc.constantFrom('王小明', '李芳', '欧阳娜娜'),
        phone: fc.constantFrom('13900000000', '18612345678'),
        password: fc.string({ minLength: 10, maxLength: 40 }),
      }),
      'POST /api/identity/login': fc.record({
        idNumber: citizenId,
        password: fc.string({ minLength: 1, maxLength: 40 }),
      }),
      'POST /api/identity/oauth/token': fc.record({
        grant_type: fc.constantFrom('client_credentials', 'password', 'authorization_code'),
        client_id: fc.constantFrom('department-cdc', 'nobody'),
        client_secret: fc.string({ maxLength: 40 }),
      }),
    },
    raw: {
      'POST /api/applications/{id}/materials': fc
        .record({
          code: fc.constantFrom(...MATERIAL_CODES),
          file: fc.uint8Array({ maxLength: 2048 }),
          pdf: fc.boolean(),
        })
        .map(({ code, file, pdf }) =>
          multipart({ code }, Buffer.concat([Buffer.from(pdf ? '%PDF-1.4\n' : ''), Buffer.from(file)])),
        ),
    },
  };
}
