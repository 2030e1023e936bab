// Does this nats-server lose pull requests? A consume() whose pulls expire every second under
// steady traffic: each expired pull should come back as a 408 saying how many messages it had
// left, and the client then pulls again at once. A pull the server drops without that status
// leaves the client believing messages are still coming: nothing flows until it misses two
// heartbeats (2 x 500 ms here) and pulls again. Counts those stalls on a scratch stream.
//
//   node packages/messaging/tools/lost-pulls.ts [--seconds 60] [--rate 200] [--nats-url nats://127.0.0.1:4222]
//
// Against Debian's nats-server 2.9.10, one expired pull in 18 to 90 was lost so (four runs of
// 60-90 s at 200 messages/s). nats-io/nats-server#3942 (2023) fixed a path where the server removed
// an expired request while delivering a message, without the 408: that fits. The platform's
// consumers ask for a heartbeat every 2 s, so such a stall lasts about 4 s there.
import { parseArgs } from 'node:util';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '200' },
    'nats-url': { type: 'string', default: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' },
  },
});
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const nc = await connect({ servers: values['nats-url'] });
const jsm = await jetstreamManager(nc);
const stream = `LOST_PULLS_${process.pid}`;
const subject = `lost-pulls-${process.pid}.x`;
await jsm.streams.add({ name: stream, subjects: [subject] });
try {
  await jsm.consumers.add(stream, { durable_name: 'probe', ack_policy: AckPolicy.Explicit });
  const js = jetstream(nc);
  const consumer = await js.consumers.get(stream, 'probe');
  const messages = await consumer.consume({ max_messages: 1000, expires: 1000, idle_heartbeat: 500 });
  const statuses: Record<string, number> = {};
  const stallsMs: number[] = [];
  void (async () => {
    for await (const status of messages.status()) statuses[status.type] = (statuses[status.type] ?? 0) + 1;
  })();
  let received = 0;
  let last = Date.now();
  void (async () => {
    for await (const msg of messages) {
      const now = Date.now();
      // Publications are 1000/rate ms apart: a gap of 400 ms or more is a stall.
      if (now - last >= 400) stallsMs.push(now - last);
      last = now;
      received += 1;
      msg.ack();
    }
  })();
  let sent = 0;
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    await js.publish(subject, 'probe');
    sent += 1;
    await new Promise((resolve) => setTimeout(resolve, 1000 / rate));
  }
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await messages.close();
  const expired = statuses.discard ?? 0;
  const lost = statuses.heartbeats_missed ?? 0;
  console.log(
    `${nc.info?.version ?? 'nats-server'}: ${sent} published, ${received} received in ${seconds} s; ` +
      `${expired} pulls expired and were reported, ${lost} lost (stalls: ${stallsMs.join(', ') || 'none'} ms)`,
  );
} finally {
  await jsm.streams.delete(stream);
  await nc.close();
}
