// Reading a compact JWS strictly, before anything in it is trusted. Each part must be the one
// canonical base64url spelling of its bytes: a lenient decoder ignores stray characters and
// the unused low bits of the last character, so without this check a changed character could
// decode to the same bytes and "verify"; with it, any change to the text is a different JWS.

export interface CompactJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  text: string;
}

const PART = /^[A-Za-z0-9_-]+$/;

function decodePart(part: string, name: string): Buffer {
  if (!PART.test(part)) throw new Error(`the ${name} is not base64url`);
  const bytes = Buffer.from(part, 'base64url');
  if (bytes.toString('base64url') !== part) throw new Error(`the ${name} is not canonical base64url`);
  return bytes;
}

function jsonObject(bytes: Buffer, name: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new Error(`the ${name} is not UTF-8 JSON`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`the ${name} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

/** Parses a compact JWS; throws with the reason when it is not one. */
export function parseCompactJws(text: string): CompactJws {
  const parts = text.split('.');
  if (parts.length !== 3) throw new Error('not a compact JWS (three base64url parts separated by dots)');
  const [header, payload, signature] = parts as [string, string, string];
  decodePart(signature, 'signature');
  return {
    header: jsonObject(decodePart(header, 'protected header'), 'protected header'),
    payload: jsonObject(decodePart(payload, 'payload'), 'payload'),
    text,
  };
}
