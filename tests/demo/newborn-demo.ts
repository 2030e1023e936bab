// `pnpm demo` (./onego demo): against the running platform, registers a parent, submits the
// canonical newborn form once, prints every item's progress as the departments work, and ends
// with the certificates (each verified against its department's published keys) and the time
// from submission to completion.
import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet, jwtVerify } from 'jose';
import { canonicalSubmission, signIn } from '../support/client.ts';
import {
  type ApplicationView,
  applicationCompleted,
  describeItem,
  freshBirthDate,
} from '../support/views.ts';

const origin = process.env.ONEGO_URL ?? 'http://127.0.0.1:8080';
const timeoutMs = Number(process.env.ONEGO_DEMO_TIMEOUT_MS ?? 60_000);

const submission = canonicalSubmission();
const moved = freshBirthDate(submission, new Date());
const mother = submission.form.mother;
console.log(`OneGo demo against ${origin}`);
if (moved)
  console.log(
    `  (the example's birth date is over a month old; using ${moved} so the application is on time)`,
  );

const citizen = await signIn(origin, {
  idNumber: mother.idNumber,
  name: mother.name,
  phone: '13800000001',
  password: process.env.ONEGO_DEMO_PASSWORD ?? 'onego-demo-password',
}).catch((error: unknown) => {
  console.error(`Cannot sign in at ${origin}: ${String(error)}. Is the platform running (./onego start)?`);
  process.exit(1);
});
console.log(`1. Signed in as ${mother.name}.`);

const submittedAt = Date.now();
const accepted = await citizen.post<{ id: string; status: string }>('/api/applications', submission, {
  'idempotency-key': randomUUID(),
});
if (accepted.status !== 202) {
  console.error(`Submission refused: ${accepted.status} ${JSON.stringify(accepted.body, null, 2)}`);
  process.exit(1);
}
const id = accepted.body.id;
console.log(`2. Submitted the newborn form once: application ${id} (${accepted.body.status}).`);
console.log('3. Progress, as each department works:');

const seen = new Map<string, string>();
let view: ApplicationView | undefined;
while (Date.now() - submittedAt < timeoutMs) {
  view = (await citizen.get<ApplicationView>(`/api/applications/${id}`)).body;
  for (const item of view.items) {
    if (seen.get(item.id) === item.status) continue;
    seen.set(item.id, item.status);
    console.log(`   +${((Date.now() - submittedAt) / 1000).toFixed(2).padStart(6)} s  ${describeItem(item)}`);
  }
  if (applicationCompleted(view) || view.status === 'action-required') break;
  await new Promise((r) => setTimeout(r, 100));
}
const elapsed = (Date.now() - submittedAt) / 1000;
if (!view || !applicationCompleted(view)) {
  console.error(`The application did not complete within ${timeoutMs / 1000} s (status ${view?.status}).`);
  process.exit(1);
}

const { body } = await citizen.get<{
  certificates: {
    id: string;
    department: string;
    certificateType: string;
    childIndex: number;
    issuedAt: string;
    credential: string;
  }[];
}>(`/api/certificates?applicationId=${id}`);
console.log(`4. Certificates, delivered together (${body.certificates.length}):`);
for (const c of body.certificates) {
  const jwks = (await fetch(new URL(`/api/certificates/issuers/${c.department}/jwks.json`, origin)).then(
    (r) => r.json(),
  )) as JSONWebKeySet;
  const verified = await jwtVerify(c.credential, createLocalJWKSet(jwks), { typ: 'vc+jwt' }).then(
    () => 'signature verified',
    (e: Error) => `NOT VERIFIED: ${e.message}`,
  );
  console.log(`   ${c.certificateType.padEnd(36)} ${c.department.padEnd(22)} ${c.id}`);
  console.log(
    `   ${''.padEnd(36)} issued ${c.issuedAt}, ${decodeProtectedHeader(c.credential).typ}, ${verified}`,
  );
}
console.log(
  `5. Completed: every item of ${view.children.length} child(ren) done in ${elapsed.toFixed(2)} s from submission (due ${view.dueDate}).`,
);
