import type { Client } from '../../../support/client.ts';
import type { ChaosPlatform } from '../chaos-platform.ts';
import type { Fault } from '../faults.ts';
import type { RequestRecord } from '../load.ts';

export interface InvariantResult {
  id: string;
  name: string;
  pass: boolean;
  counts: Record<string, number>;
  /** The first few things that went wrong, for a person to read. */
  problems: string[];
}

export interface Evidence {
  cp: ChaosPlatform;
  /** Applications answered 202, and those created though no 202 reached the client. */
  accepted: readonly string[];
  unacknowledged: readonly string[];
  owners: ReadonlyMap<string, Client>;
  records: readonly RequestRecord[];
  faults: readonly Fault[];
  lastFaultEnd: number;
  graceMs: number;
  settleBoundMs: number;
  /** Dead letters a scenario set aside on purpose, as `<schema>:<id>`. */
  explainedDeadLetters: ReadonlySet<string>;
}

export const result = (
  id: string,
  name: string,
  counts: Record<string, number>,
  problems: string[],
  pass = problems.length === 0,
): InvariantResult => ({ id, name, pass, counts, problems: problems.slice(0, 10) });
