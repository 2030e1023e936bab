import { describe, expect, it } from 'vitest';
import { createEventParser } from '../app/api/sse.ts';

describe('reading server-sent events from a fetch body', () => {
  it('yields whole events however the network splits them, skipping comments', () => {
    // Given a parser
    const feed = createEventParser();
    // When a keep-alive comment, an event split across chunks, and a closing event arrive
    const events = [
      ...feed(': keep-alive\n\nretry: 3000\n\nevent: applic'),
      ...feed('ation\ndata: {"id":1}\n'),
      ...feed('\nevent: closed\r\ndata: {"status":404}\r\n\r\n'),
    ];
    // Then two events come out, named and with their data
    expect(events).toEqual([
      { event: 'application', data: '{"id":1}' },
      { event: 'closed', data: '{"status":404}' },
    ]);
  });
});
