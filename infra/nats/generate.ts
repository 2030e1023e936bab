// Writes OneGo's nats-server configuration: `node infra/nats/generate.ts [file]` (default: the
// checked-in infra/nats/nats-server.conf, with the development passwords). Passwords come from
// ONEGO_NATS_PASSWORD_<USER> when set; NATS_NAMESPACE prefixes every subject and stream.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { natsPasswords, renderNatsConfig } from './config.ts';

const target = process.argv[2] ?? fileURLToPath(new URL('./nats-server.conf', import.meta.url));
writeFileSync(
  target,
  renderNatsConfig({ passwords: natsPasswords(process.env), namespace: process.env.NATS_NAMESPACE ?? '' }),
  { mode: 0o600 },
);
console.log(`wrote ${target}`);
