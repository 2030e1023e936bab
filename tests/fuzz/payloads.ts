// The nasty values the mutations put into requests.

/** Values of every JSON type: whatever the field expects, most of these are the wrong type. */
export const OTHER_TYPES: readonly unknown[] = [
  123,
  -1.5,
  true,
  null,
  'text',
  '',
  [],
  {},
  [1, 'a'],
  { a: 1 },
  0,
  '123',
  'true',
  'null',
];

/** String lengths below, at and far beyond every limit (bodies are capped at 64 KB by default). */
export const HUGE_LENGTHS = [129, 513, 4_097, 16_385, 60_000, 70_000, 300_000, 2_000_000] as const;

/** Deeply nested JSON, written out (JSON.stringify would be the one to overflow). */
export const DEEP_SHAPES = [100, 1_000, 5_000, 20_000, 30_000].flatMap((depth) => [
  { name: `${depth} arrays`, text: `${'['.repeat(depth)}${']'.repeat(depth)}` },
  { name: `${depth} objects`, text: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` },
]);

/** Byte sequences that are not UTF-8: a stray byte, overlong forms, a surrogate, truncations. */
export const INVALID_UTF8: readonly number[][] = [
  [0xff],
  [0xc3, 0x28],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe2, 0x82],
  [0x80],
  [0xfe, 0xfe, 0xff, 0xff],
];

/** Text with control characters, escapes and code points that trip storage and rendering. */
export const CONTROL_TEXTS: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '\u0007\u0008\u000b\u000c',
  '\u001b[31mred\u001b[0m',
  '\u007f',
  'line\r\nX-Injected: 1',
  '\u2028\u2029',
  '\ufeff',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '../../etc/passwd',
  '%00',
  '\t \n',
];

/** Number literals outside what the fields accept, or outside what a double or bigint holds. */
export const OUT_OF_RANGE: readonly string[] = [
  '-1',
  '0',
  '1.5',
  '-0',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '123456789012345678901234567890',
  '1e308',
  '1e400',
  '-1e400',
  '1e-400',
  '4.9e-324',
];

/** Content types that are not the one the route takes; null: the header is left out. */
export const WRONG_CONTENT_TYPES: readonly (string | null)[] = [
  'text/plain',
  'application/xml',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/octet-stream',
  'a/b/c',
  '',
  null,
  'application/json, text/plain',
  'APPLICATION/JSON',
  'application/vnd.api+json',
];
