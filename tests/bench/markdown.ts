import { CPU_REFERENCE } from './baseline.ts';
import { barChart } from './chart.ts';
import type { PhaseResult } from './phases.ts';
import type { BenchResult } from './report.ts';
import type { Syscalls } from './resources.ts';
import { type CeilingRatios, cpuPerApplication, type Distribution, syscallsPerApplication } from './stats.ts';

// The Markdown summary of a bench run, section by section: what a person reads first (the
// command, the machine, the targets' verdicts), then charts and tables, then each run's detail.

const n0 = (x: number | null | undefined) =>
  x === null || x === undefined ? 'n/a' : Math.round(x).toLocaleString('en');
const n1 = (x: number | null | undefined) => (x === null || x === undefined ? 'n/a' : x.toFixed(1));
const kilobytes = (bytes: number | null | undefined) =>
  bytes === null || bytes === undefined ? bytes : bytes / 1024;
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(1)}%`;
const dist = (d: Distribution | null | undefined) =>
  d ? `${n0(d.p50)} / ${n0(d.p95)} / ${n0(d.p99)} / ${n0(d.max)}` : 'n/a';
/** Marks per-application figures divided by completions when many accepted applications had not completed. */
const partial = (p: PhaseResult) => (p.accepted > 0 && p.incomplete / p.accepted > 0.01 ? ' *' : '');
const VERDICT: Record<string, string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  partial: '🟡 partial',
  'not measured': '⚪ not measured',
  reported: 'ℹ️ reported',
};

function table(header: string[], rows: string[][]) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** CPU the machine spent outside the bench's processes during a run (someone else's work). */
export const otherCores = (p: PhaseResult) =>
  Math.max(
    0,
    p.resources.machineBusyCores -
      Object.values(p.resources.processes).reduce((sum, u) => sum + u.cpuCores, 0),
  );

/** The title, the exact command, the machine and how the platform ran. */
function headerSection(result: BenchResult): string[] {
  const { machine } = result;
  const out: string[] = [];
  out.push(`# OneGo benchmark, ${result.startedAt}`);
  out.push('');
  out.push(`Command: \`${result.command}\`  `);
  out.push(
    `Finished: ${result.finishedAt} (platform started in ${result.platform.startSeconds.toFixed(1)} s)`,
  );
  out.push('');
  out.push(
    `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGB} GB, Linux ${machine.kernel}; ` +
      `Node ${machine.node}; ${machine.natsServer}; ${machine.postgres} ` +
      `(fsync ${machine.postgresSettings.fsync}, synchronous_commit ${machine.postgresSettings.synchronous_commit}, ` +
      `wal_sync_method ${machine.postgresSettings.wal_sync_method}, autovacuum ${machine.postgresSettings.autovacuum ?? 'unknown'}); load average at start ${machine.loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')}.`,
  );
  out.push('');
  out.push(vacuumSentence(result.vacuum));
  out.push('');
  out.push(
    `The platform ran as separate processes (infra/platform, as \`./onego start\`) on a fresh database \`${result.platform.databaseName}\` ` +
      `and NATS namespace \`${result.platform.namespace}\`${result.platform.ownNatsServer ? ', on a nats-server of its own with one user per service (infra/nats)' : ''}; ` +
      `department simulators approving at once, on a database of their own (\`${result.platform.departmentsDatabaseName}\`: the departments' systems are not the platform); ` +
      'single-child newborn applications submitted through the gateway by a separate load process.',
  );
  out.push('');
  const changed = [
    ...Object.entries(result.options.extraEnv).flatMap(([service, vars]) =>
      Object.entries(vars).map(([name, value]) => `${service} ${name}=${value}`),
    ),
    ...(result.options.departmentTransport !== null
      ? [`DEPARTMENT_TRANSPORT=${result.options.departmentTransport}`]
      : []),
  ];
  if (changed.length > 0) {
    out.push(
      `**Settings changed from the defaults for this run:** ${changed.map((c) => `\`${c}\``).join(', ')}.`,
    );
    out.push('');
  }
  if (result.error) {
    out.push(
      `**The run stopped early:** \`${result.error.split('\n')[0]}\`. The figures below are those measured before.`,
    );
    out.push('');
  }
  return out;
}

/** Issue 8's targets with each one's verdict. */
function targetsSection(result: BenchResult): string[] {
  const out: string[] = [];
  out.push('## Targets (issue 8)');
  out.push('');
  out.push(
    table(
      ['Target', 'Measured', 'Verdict'],
      result.targets.map((t) => [
        t.target,
        t.measured + (t.note ? ` (${t.note})` : ''),
        VERDICT[t.verdict] ?? t.verdict,
      ]),
    ),
  );
  out.push('');
  return out;
}

/** The machine's ceilings measured in the same run. */
function baselineSection(result: BenchResult): string[] {
  const { baseline } = result;
  const out: string[] = [];
  if (baseline) {
    out.push("## Baseline: this machine's ceilings, same client libraries");
    out.push('');
    out.push(
      table(
        ['Ceiling', 'Rate'],
        [
          [
            `JetStream publish with msgID, pipelined (${baseline.payloadBytes} B)`,
            `${n0(baseline.jetstreamPublishPerS)} msg/s`,
          ],
          ['JetStream pull-consume with ack', `${n0(baseline.jetstreamConsumePerS)} msg/s`],
          [
            `Postgres transaction with two inserts, ${baseline.loops} loops`,
            `${n0(baseline.postgresCommitsPerS)} tx/s`,
          ],
          [
            'The same transaction + one JetStream publish with msgID (a naive hop)',
            `${n0(baseline.transactionAndPublishPerS)} /s`,
          ],
          [
            `CPU reference on one core: ${CPU_REFERENCE}`,
            `${n0(baseline.cpuReferencePerCpuS)} per CPU-second`,
          ],
        ],
      ),
    );
    out.push('');
    out.push(
      `Idle platform: ${n1(result.idleTransactionsPerS)} transactions/s in the bench database with no load (pollers, sweepers).`,
    );
    out.push('');
  }
  return out;
}

/** Throughput and latency of every open-loop run: charts, a table, ratios to the ceilings. */
function throughputSection(result: BenchResult): string[] {
  const { baseline, phases } = result;
  const out: string[] = [];
  const measured = phases.filter((p) => p.kind !== 'intake');
  if (measured.length > 0) {
    out.push('## Throughput and latency');
    out.push('');
    out.push('```');
    out.push('Completed applications/s (offered rate in brackets)');
    out.push(
      barChart(
        measured.map((p) => ({
          label: `${p.name} [${p.offeredRate}/s]`,
          value: p.completedPerS,
          text: `${n1(p.completedPerS)}/s${p.sustained ? (p.sustained.sustained ? '' : ' (not sustained)') : ''}`,
        })),
      ),
    );
    out.push('');
    out.push('Submission to last certificate, p99 (p50 in brackets)');
    out.push(
      barChart(
        measured.map((p) => ({
          label: p.name,
          value: p.latencyMs.endToEnd?.p99 ?? 0,
          text: `${n0(p.latencyMs.endToEnd?.p99)} ms (${n0(p.latencyMs.endToEnd?.p50)} ms)`,
        })),
      ),
    );
    out.push('```');
    out.push('');
    out.push(
      table(
        [
          'Run',
          'Stored',
          'Backlog at start',
          'Offered/s',
          'Accepted',
          'Completed/s',
          'Steady/s',
          'End to end p50/p95/p99/max ms',
          'Intake p50/p99 ms',
          'Tx/app',
          'Msgs/app',
          'Deliveries/app',
          'Rows written/app',
          'WAL KB/app',
          "Departments' tx / rows / deliveries per app",
        ],
        measured.map((p) => [
          p.name,
          n0(p.preloaded),
          n0(p.backlogAtStart),
          String(p.offeredRate),
          `${p.accepted}/${p.sent}`,
          n1(p.completedPerS),
          n1(p.steadyCompletionsPerS),
          dist(p.latencyMs.endToEnd),
          `${n0(p.latencyMs.intake?.p50)} / ${n0(p.latencyMs.intake?.p99)}`,
          `${n1(p.work?.transactionsPerApp)} (${n1(p.work?.transactionsPerAppNetOfIdle)})${partial(p)}`,
          `${n1(p.work?.messagesPerApp)}${partial(p)}`,
          `${n1(p.work?.deliveriesPerApp)}${partial(p)}`,
          `${n0(p.work?.rowsWrittenPerApp)}${partial(p)}`,
          `${n1(kilobytes(p.work?.walBytesPerApp))}${partial(p)}`,
          p.work
            ? `${n1(p.work.departments.transactionsPerApp)} / ${n0(p.work.departments.rowsWrittenPerApp)} / ${n1(p.work.departments.deliveriesPerApp)}`
            : '',
        ]),
      ),
    );
    out.push('');
    out.push(
      "Tx/app: transactions committed in the bench database per completed application, the bench's own reads taken out " +
        "(in brackets: also less the idle platform's rate). Msgs/app: messages stored in the namespace's JetStream streams; " +
        "deliveries: messages delivered to the platform's consumers (redeliveries included). " +
        "Departments': the department simulators' own transactions and rows (in their database) and the requests delivered " +
        "to them, counted apart: they stand in for the departments' systems. * More than 1% of the accepted applications had " +
        'not completed when the run ended: their work so far is counted but not them, so the figure is too high. ' +
        'Backlog at start: applications of earlier runs still in progress (their work counts in this run). ' +
        "Latencies: of the applications sent after the run's warm-up (--warmup); the warm-up's own are in each run's stage table. " +
        'Rows written: inserted, updated and deleted in the bench database. WAL: write-ahead log the whole server ' +
        "wrote (rows, the index entries they maintain, page images after a checkpoint; the departments' database's too), in KB of 1,024 bytes.",
    );
    out.push('');
    for (const why of result.skipped) out.push(`- ${why}`);
    if (result.skipped.length > 0) out.push('');
    out.push('### As a share of the ceilings');
    out.push('');
    if (!baseline) out.push('(no baseline in this run)');
    else
      out.push(
        table(
          ['Run', 'Postgres commits', 'JetStream publish', 'JetStream consume', 'vs a naive design'],
          measured
            .filter((p) => result.ratios[p.name])
            .map((p) => {
              const r = result.ratios[p.name] as CeilingRatios;
              return [
                p.name,
                pct(r.postgresCommits),
                pct(r.jetstreamPublish),
                pct(r.jetstreamConsume),
                pct(r.naiveDesign),
              ];
            }),
        ),
      );
    out.push('');
    out.push(
      "Postgres commits: the platform's transactions per second over the two-insert commit ceiling. JetStream: messages " +
        'stored (delivered) per second over the publish (consume) ceiling. Naive design: applications/s over what one ' +
        '"transaction + publish" per message would reach with the measured messages per application.',
    );
    out.push('');
  }
  return out;
}

/** The peak search: each rate offered and why it was or was not sustained. */
function peakSection(result: BenchResult): string[] {
  const out: string[] = [];
  if (result.peak) {
    out.push('## Peak search');
    out.push('');
    out.push(`Highest sustained rate: **${result.peak.highestSustainedRate ?? 'none'}** applications/s.`);
    out.push('');
    out.push(
      table(
        ['Offered/s', 'Sustained', 'Why not'],
        result.peak.steps.map((s) => [
          String(s.rate),
          s.sustained ? 'yes' : 'no',
          s.reasons.join('; ') || '',
        ]),
      ),
    );
    out.push('');
  }
  return out;
}

/** The HTTP intake measurement. */
function intakeSection(result: BenchResult): string[] {
  const { phases } = result;
  const out: string[] = [];
  const intake = phases.filter((p) => p.kind === 'intake');
  for (const p of intake) {
    out.push('## HTTP intake');
    out.push('');
    out.push(
      `${p.concurrency} submissions in flight for ${p.durationS} s: **${n0(p.acceptedPerS)} accepted/s** ` +
        `(${p.accepted} of ${p.sent}; refused ${JSON.stringify(p.refused)}), latency p50/p95/p99/max ${dist(p.latencyMs.intake)} ms. ` +
        'The services downstream of intake (department adapters and simulators, certificates) were paused meanwhile: each submission was validated, committed with its outbox rows and published, through the gateway, with authentication, and nothing else competed for the cores.',
    );
    out.push('');
  }
  return out;
}

const callsCell = (calls: Syscalls | null | undefined) =>
  calls ? `${n1(calls.writes)} / ${n1(calls.reads)}` : 'n/a';

/** Each run in detail: stages, processes, Postgres activity. */
function perRunSection(result: BenchResult): string[] {
  const { phases } = result;
  const out: string[] = [];
  out.push('## Per run');
  for (const p of phases) {
    out.push('');
    out.push(`### ${p.name}`);
    out.push('');
    if (Object.keys(p.refused).length > 0 || p.skipped > 0 || p.incomplete > 0)
      out.push(
        `Refused: ${JSON.stringify(p.refused)} (for example ${JSON.stringify(p.errors)}); skipped by the client: ${p.skipped}; accepted but not completed: ${p.incomplete}.  `,
      );
    out.push(
      `Load process at most ${n0(p.maxLagMs)} ms behind its schedule. Machine busy ${n1(p.resources.machineBusyCores)} of ${result.machine.cores} cores over ${n1(p.resources.wallSeconds)} s, ` +
        `${n1(otherCores(p))} of them outside the processes below (other work on the machine: noise).  `,
    );
    // An intake run's unit is a submission accepted; any other's, an application completed.
    const unit = p.kind === 'intake' ? 'submission' : 'application';
    const rate = p.kind === 'intake' ? p.acceptedPerS : p.completedPerS;
    const perApp = cpuPerApplication(
      Object.fromEntries(Object.entries(p.resources.processes).map(([name, u]) => [name, u.cpuCores])),
      rate,
      { busyCores: p.resources.machineBusyCores, cores: result.machine.cores },
    );
    // In operations of the CPU reference: a figure that does not move with the cores' speed that day.
    const inReference =
      perApp.ms !== null && result.baseline?.cpuReferencePerCpuS
        ? `, about ${n0((perApp.ms * result.baseline.cpuReferencePerCpuS) / 1000)} CPU reference operations`
        : '';
    if (perApp.ms !== null)
      out.push(
        `CPU per ${unit}: ${n1(perApp.ms)} ms in the platform's processes and Postgres' backends (${perApp.cores.toFixed(2)} cores${inReference})` +
          (perApp.saturated
            ? '; the machine was saturated, so this is the share the platform got divided by the rate, not what one costs (compare CPU at a rate that leaves the machine idle part of the time).'
            : '.'),
      );
    const calls = syscallsPerApplication(p.resources.processes, p.resources.wallSeconds, rate);
    if (calls.total)
      out.push(
        `System calls per ${unit}: ${n0(calls.total.writes)} writes and ${n0(calls.total.reads)} reads in the platform's processes and Postgres' backends (read/write calls from /proc/<pid>/io: a service's or nats-server's socket writes, and Postgres' WAL and file writes; counted, so a busy machine does not change them).`,
      );
    out.push('');
    if (p.kind !== 'intake') {
      out.push(
        table(
          ['Stage', 'p50 / p95 / p99 / max ms'],
          [
            ['Intake (HTTP, sent to 202)', dist(p.latencyMs.intake)],
            ...Object.entries(p.latencyMs.stages).map(([stage, d]) => [
              stage === 'certificate'
                ? 'Certificate issuance (approved to issued)'
                : `Department hop ${stage.slice(11)} (requested to approved)`,
              dist(d),
            ]),
            ['Platform (submitted_at to completed_at)', dist(p.latencyMs.platform)],
            ['End to end (scheduled send to completed_at)', dist(p.latencyMs.endToEnd)],
            ...(p.latencyMs.warmUp.seconds > 0
              ? [
                  [
                    `End to end, sent in the first ${p.latencyMs.warmUp.seconds} s (warm-up, left out above)`,
                    dist(p.latencyMs.warmUp.endToEnd),
                  ],
                ]
              : []),
          ],
        ),
      );
      out.push('');
    }
    out.push(
      table(
        [
          'Process',
          'CPU (cores)',
          'In the kernel',
          'RSS p50 / max MB',
          'Private (RssAnon) max MB',
          'RSS growth',
          'Open files start → warm → end',
          'Writes / reads per app',
        ],
        Object.entries(p.resources.processes).map(([name, u]) => [
          name,
          u.cpuCores.toFixed(2),
          pct(u.kernelShare),
          u.rssMB ? `${n0(u.rssMB.p50)} / ${n0(u.rssMB.max)}` : 'n/a',
          n0(u.anonMB?.max),
          pct(u.rssGrowth),
          `${u.openFilesStart ?? 'n/a'} → ${u.openFilesAfterWarmup ?? 'n/a'} → ${u.openFilesEnd ?? 'n/a'}`,
          callsCell(calls.byProcess[name]),
        ]),
      ),
    );
    out.push('');
    const risen = Object.entries(p.resources.processes).filter(
      ([, u]) => u.openFilesRisen && Object.keys(u.openFilesRisen).length > 0,
    );
    if (risen.length > 0) {
      // What a process holding more files at the end holds them for.
      out.push('Open files held all through the last quarter beyond the most of the second, by kind:');
      out.push('');
      for (const [name, u] of risen)
        out.push(
          `- ${name}: ${Object.entries(u.openFilesRisen ?? {})
            .map(([kind, more]) => `+${more} ${kind}`)
            .join(', ')}`,
        );
      out.push('');
    }
    if (p.durationS >= 600) {
      // A long run's memory over time: what "flat after warm-up" is judged on.
      const services = Object.entries(p.resources.processes).filter(([, u]) => u.rssMBByTenth.length === 10);
      out.push(`Resident memory (MB) over the run, the mean of each tenth (${n0(p.durationS / 10)} s):`);
      out.push('');
      out.push(
        table(
          ['Process', ...Array.from({ length: 10 }, (_, i) => `${i + 1}`)],
          services.map(([name, u]) => [name, ...u.rssMBByTenth.map((mb) => n0(mb))]),
        ),
      );
      out.push('');
    }
    const tables = p.work?.tables ?? [];
    if (tables.length > 0) {
      out.push(`Rows written per ${unit}, by table (pg_stat_user_tables; the ten that wrote most):`);
      out.push('');
      out.push(
        table(
          ['Table', 'Inserted', 'Updated (HOT)', 'Deleted', 'All'],
          tables
            .slice(0, 10)
            .map((t) => [
              t.table,
              n1(t.inserted),
              `${n1(t.updated)} (${n1(t.hotUpdated)})`,
              n1(t.deleted),
              n1(t.total),
            ]),
        ),
      );
      out.push('');
    }
    const a = p.postgresActivity;
    if (a.samples > 0) {
      out.push(
        `Postgres, sampled ${a.samples} times: ${n1(a.meanActive)} backends active on average; ` +
          `waiting on ${a.waits
            .slice(0, 6)
            .map((w) => `${w.wait} ${pct(w.share)}`)
            .join(', ')}.`,
      );
      out.push('');
      out.push('Busiest statements (share of active backend samples):');
      out.push('');
      for (const s of a.statements.slice(0, 5))
        out.push(`- ${pct(s.share)} \`${s.statement.replaceAll('`', "'")}\``);
      out.push('');
    }
  }
  return out;
}

/** The hottest modules and functions of each service (--cpu-prof). */
function profilesSection(result: BenchResult): string[] {
  const out: string[] = [];
  if (result.profiles && Object.keys(result.profiles).length > 0) {
    out.push('## CPU profiles (--cpu-prof, from the first measured run to the end)');
    out.push('');
    for (const [service, profile] of Object.entries(result.profiles)) {
      out.push(`### ${service} (${n0(profile.totalMs / 1000)} s on CPU)`);
      out.push('');
      out.push(
        `By module: ${profile.modules
          .slice(0, 8)
          .map((m) => `${m.module} ${pct(m.share)}`)
          .join(', ')}`,
      );
      out.push('');
      for (const f of profile.functions.slice(0, 8)) out.push(`- ${pct(f.share)} \`${f.name}\``);
      out.push('');
    }
  }
  return out;
}

/** How each figure is measured, so a reader can judge it. */
function methodSection(_result: BenchResult): string[] {
  const out: string[] = [];
  out.push('## How it is measured');
  out.push('');
  out.push(
    [
      '- Open loop: each run sends on a fixed schedule whatever the answers; end-to-end latency is from the scheduled send, so a slow platform cannot hide behind a slowed client.',
      '- Completion is `applications.completed_at` (set in the transaction that records the last certificate); stage times come from the `applications.timeline` rows (`item.requested`, `item.approved`, `item.completed`).',
      '- Completed/s = (completed applications − 1) ÷ (last completion − first completion); steady/s = completions in the sending window after the warm-up, shifted by the median latency, ÷ that window. A run is sustained when ≥ 99% of sends are accepted, ≥ 99% of those complete, steady/s ≥ 90% of the offered rate and p99 ≤ the --peak-p99-ms bound.',
      "- CPU, memory and system calls from /proc (utime+stime, VmRSS, fd count, syscr/syscw) of each service process, the platform's own nats-server, the Postgres backends of the bench database and of the departments' one, the shared Postgres writers, the load process and the bench itself; all share the same cores. A group's memory is the sum over its processes: for Postgres read the private (RssAnon) column, since every backend's VmRSS counts the shared buffers it touched again. 'In the kernel' is stime's share of that CPU: all system calls (socket writes and reads among them), faults and signals together; a CPU profile's samples in a socket write can exceed it, since the profiler's own signals are kernel time and samples land where a call returns.",
      "- Transactions: `pg_stat_database.xact_commit` of the bench database, read after the backends' statistics settle (10 s), minus the bench's own reads. Messages: the sum of the namespace's streams' last sequence numbers; deliveries: the sum of the platform's consumers' delivered counts. The department simulators keep their cases in a database of their own and their consumers are counted apart: the departments' systems are not the platform, and the naive count is one transaction per message the platform consumes. CPU per application still includes the simulators and their backends (they share the cores).",
      '- Postgres activity: `pg_stat_activity` sampled every 250 ms (pg_stat_statements is not loaded on this server).',
      "- Raised for the bench only: the gateway's and identity's per-address rate limits (one load process stands for many citizens). Everything else (outbox, inbox, fsync, authentication, validation, encryption, tracing) runs as configured by default.",
    ].join('\n'),
  );
  out.push('');
  return out;
}

export function renderMarkdown(result: BenchResult): string {
  return [
    ...headerSection(result),
    ...targetsSection(result),
    ...baselineSection(result),
    ...throughputSection(result),
    ...peakSection(result),
    ...intakeSection(result),
    ...perRunSection(result),
    ...profilesSection(result),
    ...methodSection(result),
  ].join('\n');
}

function vacuumSentence(vacuum: BenchResult['vacuum'] | undefined): string {
  if (!vacuum) return 'Vacuum: not recorded.';
  if (vacuum.by === 'server') return "Vacuum: the server's autovacuum.";
  if (vacuum.by === 'bench')
    return (
      "Vacuum: the server's autovacuum is off, so the bench vacuumed the bench database as autovacuum would " +
      `(each minute, tables past 50 + 20% dead rows): ${vacuum.tables} tables in ${vacuum.rounds} rounds, their commits taken out of the counts ` +
      "(the departments' database likewise)."
    );
  return "Vacuum: nobody (the server's autovacuum is off and --no-vacuum was given): dead rows pile up through the run.";
}
