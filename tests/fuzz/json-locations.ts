// Where a mutation can land inside a JSON value, and how to put something there.

export type JsonPath = (string | number)[];

export interface Location {
  path: JsonPath;
  kind: 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';
}

const kindOf = (value: unknown): Location['kind'] => {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : 'object';
};

/** Every node of the value, the root first, depth-first. */
export function locationsOf(value: unknown, path: JsonPath = []): Location[] {
  const here: Location = { path, kind: kindOf(value) };
  if (Array.isArray(value)) return [here, ...value.flatMap((v, i) => locationsOf(v, [...path, i]))];
  if (here.kind === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return [here, ...entries.flatMap(([k, v]) => locationsOf(v, [...path, k]))];
  }
  return [here];
}

/** A copy of the value with the node at path replaced (or, with `remove`, deleted). */
export function withAt(value: unknown, path: JsonPath, replacement: unknown, remove = false): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove && Array.isArray(node)) node.splice(last as number, 1);
  else if (remove) delete node[last];
  else if (last === '__proto__') Object.defineProperty(node, last, { value: replacement, enumerable: true });
  else node[last] = replacement;
  return copy;
}

export const pick = <T>(items: readonly T[], choice: number): T => {
  if (items.length === 0) throw new Error('nothing to pick from');
  return items[choice % items.length] as T;
};

export const describePath = (path: JsonPath) => (path.length === 0 ? '(root)' : path.join('.'));
