// What the bench and its load process (load.ts, forked) say to each other over the IPC channel.

export type LoadCommand =
  | { type: 'prepare'; origin: string; citizens: number }
  | { type: 'open-loop'; rate: number; durationS: number; maxInFlight: number; timeoutMs: number }
  | { type: 'closed-loop'; concurrency: number; durationS: number; timeoutMs: number }
  | { type: 'exit' };

/** One submission: times are epoch milliseconds on the machine's clock (shared with Postgres). */
export interface Submission {
  /** When the open-loop schedule said to send it (latencies are measured from here). */
  dueAt: number;
  sentAt: number;
  answeredAt: number;
  /** The HTTP status; 0 when no answer came (connection refused, timeout). */
  status: number;
  id?: string;
  error?: string;
}

export type LoadReply =
  | { type: 'ready'; citizens: number; signInMs: number }
  | {
      type: 'done';
      startedAt: number;
      endedAt: number;
      submissions: Submission[];
      /** Sends skipped because `maxInFlight` requests were already waiting (the client's own limit). */
      skipped: number;
      /** The largest number of requests in flight at once. */
      maxInFlight: number;
      /** How late the schedule ran at worst (ms): a load process starved of CPU shows here. */
      maxLagMs: number;
    }
  | { type: 'failed'; error: string };
