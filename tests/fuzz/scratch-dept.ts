import { readFileSync } from 'node:fs';
import { submission } from './context.ts';

const { origin } = JSON.parse(readFileSync('/tmp/fuzz-scratch.json', 'utf8'));
const tok = readFileSync('/tmp/dtok', 'utf8').trim();
const id = '38e517dd-8385-40e0-94f2-7a53a68f3001';
const calls: [string, string, unknown?][] = [
  ['POST', '/api/applications', submission()],
  ['GET', '/api/applications'],
  ['GET', `/api/applications/${id}`],
  ['POST', `/api/applications/${id}/rating`, { score: 5 }],
  ['POST', `/api/applications/${id}/withdraw`],
  ['POST', `/api/applications/${id}/items/birth-certificate/resubmit`, { corrections: {} }],
  ['POST', `/api/applications/${id}/consents`, {}],
  ['GET', `/api/applications/${id}/live`],
  ['GET', `/api/consents`],
  ['GET', `/api/identity/me`],
  ['GET', `/api/identity/me/document`],
  ['GET', `/api/certificates?applicationId=${id}`],
  ['GET', `/api/applications/${id}/certificates/download`],
  ['GET', `/api/certificates/abcdefghijklmnopqrstuvwxyz/print.html`],
  ['POST', '/api/identity/logout', {}],
];
for (const [method, path, body] of calls) {
  const r = await fetch(origin + path, {
    method,
    headers: { authorization: `Bearer ${tok}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(3000),
  }).catch((e) => ({ status: String(e), text: async () => '' }));
  console.log(method, path, r.status, (await r.text()).slice(0, 120));
}
