// Server-sent events (text/event-stream) read from a fetch body: EventSource cannot send an
// Authorization header, and a token in the URL would end up in access logs. Pure: fed text in
// whatever chunks the network gives, it yields complete events.

export interface ServerEvent {
  event: string;
  data: string;
}

export function createEventParser() {
  let buffer = '';
  return function feed(chunk: string): ServerEvent[] {
    buffer += chunk;
    const events: ServerEvent[] = [];
    for (;;) {
      const end = buffer.search(/\r?\n\r?\n/);
      if (end === -1) return events;
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0) events.push({ event, data: data.join('\n') });
    }
  };
}
