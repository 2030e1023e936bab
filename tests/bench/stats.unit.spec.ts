import { describe, expect, it } from 'vitest';
import { bar } from './chart.ts';
import { stagesFromTimeline } from './completion.ts';
import {
  CLOCK_TICKS,
  counted,
  cpuTimesFromStat,
  describeDescriptor,
  filesRisen,
  quarterFiles,
  rssFromStatus,
  socketsByInode,
  syscallsFromIo,
} from './resources.ts';
import {
  byTenth,
  ceilingRatios,
  completionRate,
  cpuPerApplication,
  growth,
  judgeStep,
  latencySamples,
  nextPeakRate,
  percentile,
  sendSchedule,
  summarise,
  syscallsPerApplication,
  windowRate,
} from './stats.ts';
import { evaluateTargets, type PhaseFigures } from './targets.ts';

describe('percentiles', () => {
  it('picks the nearest-rank value, never one that was not measured', () => {
    // given ten latencies
    const sorted = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    // when the median, p95 and p99 are asked for
    // then each is one of the measured values at its rank
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(100);
    expect(percentile(sorted, 99)).toBe(100);
    expect(percentile(sorted, 10)).toBe(10);
  });

  it('summarises unsorted values with count, extremes and mean', () => {
    // given values in no order
    const values = [300, 100, 200];
    // when summarised
    const summary = summarise(values);
    // then the order does not matter
    expect(summary).toEqual({ count: 3, min: 100, p50: 200, p95: 300, p99: 300, max: 300, mean: 200 });
  });

  it('has nothing to say about no values', () => {
    // given no values / when summarised / then there is no distribution
    expect(summarise([])).toBeNull();
    expect(() => percentile([], 50)).toThrow();
  });
});

describe('the open-loop schedule', () => {
  it('spaces sends evenly at the rate for the duration', () => {
    // given 4 applications a second for 2 seconds
    // when the schedule is made
    const schedule = sendSchedule(4, 2);
    // then there are 8 sends, 250 ms apart, starting at once
    expect(schedule).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 1750]);
  });

  it('keeps fractional rates exact without drifting', () => {
    // given 2.5 a second for 4 seconds
    const schedule = sendSchedule(2.5, 4);
    // then 10 sends, the last 3.6 s in
    expect(schedule).toHaveLength(10);
    expect(schedule[9]).toBeCloseTo(3600);
  });

  it('refuses a rate or duration that is not positive', () => {
    // given a zero rate / when scheduled / then it is refused
    expect(() => sendSchedule(0, 10)).toThrow();
    expect(() => sendSchedule(10, 0)).toThrow();
  });
});

describe('ratios to the ceilings', () => {
  it('divides what the platform needed per second by what the machine can do', () => {
    // given 50 applications/s, 20 transactions and 30 messages (40 deliveries) each
    const platform = {
      applicationsPerS: 50,
      transactionsPerApp: 20,
      messagesPerApp: 30,
      deliveriesPerApp: 40,
    };
    // and ceilings of 4,000 commits/s, 25,000 publishes/s, 50,000 acks/s and 2,500 naive hops/s
    const ceilings = {
      postgresCommitsPerS: 4000,
      jetstreamPublishPerS: 25_000,
      jetstreamConsumePerS: 50_000,
      transactionAndPublishPerS: 2500,
    };
    // when compared
    const r = ceilingRatios(platform, ceilings);
    // then 1,000 tx/s is a quarter of the commits, 1,500 msg/s 6% of publishing, 2,000 deliveries 4%,
    // and a naive design (2,500 / 30 ≈ 83 apps/s) would do 83: 50 is 60% of it
    expect(r.postgresCommits).toBeCloseTo(0.25);
    expect(r.jetstreamPublish).toBeCloseTo(0.06);
    expect(r.jetstreamConsume).toBeCloseTo(0.04);
    expect(r.naiveDesign).toBeCloseTo(0.6);
  });

  it('says nothing when a figure or ceiling is missing', () => {
    // given no baseline for Postgres and no transaction count
    const r = ceilingRatios(
      { applicationsPerS: 50, transactionsPerApp: null, messagesPerApp: 30, deliveriesPerApp: null },
      {
        postgresCommitsPerS: null,
        jetstreamPublishPerS: 25_000,
        jetstreamConsumePerS: 0,
        transactionAndPublishPerS: null,
      },
    );
    // then only what can be computed is
    expect(r.postgresCommits).toBeNull();
    expect(r.jetstreamConsume).toBeNull();
    expect(r.naiveDesign).toBeNull();
    expect(r.jetstreamPublish).toBeCloseTo(0.06);
  });
});

describe('the peak search', () => {
  const search = { startRate: 40, factor: 1.5, maxRate: 500, refinements: 1 };

  it('starts at the start rate and climbs geometrically while steps are sustained', () => {
    // given no step yet, then one sustained at 40
    // then it starts at 40 and goes on at 60
    expect(nextPeakRate([], search)).toBe(40);
    expect(nextPeakRate([{ rate: 40, sustained: true }], search)).toBe(60);
  });

  it('bisects once between the best sustained and the first failed rate, then stops', () => {
    // given 40 and 60 sustained and 90 not
    const steps = [
      { rate: 40, sustained: true },
      { rate: 60, sustained: true },
      { rate: 90, sustained: false },
    ];
    // when asked for the next rate
    // then it tries halfway, and after that, with one refinement allowed, it stops
    expect(nextPeakRate(steps, search)).toBe(75);
    expect(nextPeakRate([...steps, { rate: 75, sustained: true }], search)).toBeNull();
  });

  it('stops at the maximum rate', () => {
    // given a sustained step at the maximum / then there is nothing more to try
    expect(nextPeakRate([{ rate: 500, sustained: true }], search)).toBeNull();
    expect(nextPeakRate([{ rate: 400, sustained: true }], search)).toBe(500);
  });

  it('looks lower when even the first step fails', () => {
    // given the first step failed / then it tries half of it
    expect(nextPeakRate([{ rate: 40, sustained: false }], search)).toBe(20);
  });

  it('judges a step that fell behind as not sustained, naming why', () => {
    // given a step at 100/s that completed only 70/s with a 3 s p99
    const verdict = judgeStep(
      {
        offeredRate: 100,
        sent: 1000,
        accepted: 1000,
        completed: 1000,
        steadyCompletionsPerS: 70,
        p99Ms: 3000,
      },
      { minAccepted: 0.99, minCompleted: 0.99, minCompletionRate: 0.9, maxP99Ms: 2000 },
    );
    // then it is not sustained, for both reasons
    expect(verdict.sustained).toBe(false);
    expect(verdict.reasons).toHaveLength(2);
  });
});

describe('windows and growth', () => {
  it('measures the completion rate between the first and the last completion', () => {
    // given five completions a quarter of a second apart, the first only after a 2 s latency
    const times = [2000, 2250, 2500, 2750, 3000];
    // when the rate is taken
    // then it is four a second, the latency not counted against it; one completion says nothing
    expect(completionRate(times)).toBe(4);
    expect(completionRate([1000])).toBe(0);
  });

  it('counts completions inside the steady window per second', () => {
    // given completions at 0.5 s, 1.5 s, 2.5 s and 9 s
    // when the window is 1 s to 3 s
    // then two fell inside, one a second
    expect(windowRate([500, 1500, 2500, 9000], 1000, 3000)).toBe(1);
  });

  it('leaves the applications sent in the warm-up out of the latencies, and keeps theirs apart', () => {
    // given a run whose warm-up ends at t=5000: a cold application sent at 1000 and done 2.2 s
    // later, two sent after it, one of them not completed, and one never answered with an id
    const accepted = [
      { id: 'cold', dueAt: 1000, sentAt: 1001, answeredAt: 1300 },
      { id: 'warm', dueAt: 6000, sentAt: 6002, answeredAt: 6012 },
      { id: 'open', dueAt: 7000, sentAt: 7000, answeredAt: 7020 },
      { dueAt: 8000, sentAt: 8000, answeredAt: 8005 },
    ];
    const outcomes = new Map([
      ['cold', { submittedAt: 1200, completedAt: 3200 }],
      ['warm', { submittedAt: 6010, completedAt: 6150 }],
      ['open', { submittedAt: 7015, completedAt: null }],
    ]);
    // when the samples are taken
    const samples = latencySamples(accepted, outcomes, 5000);
    // then the latencies are those after the warm-up, the warm-up's end to end is apart, and
    // every completion counts for the rate
    expect(samples.endToEnd).toEqual([150]);
    expect(samples.platform).toEqual([140]);
    expect(samples.intake).toEqual([10, 20, 5]);
    expect(samples.warmUpEndToEnd).toEqual([2200]);
    expect(samples.completionTimes).toEqual([3200, 6150]);
  });

  it('measures growth from the second to the last quarter of a series, the first being warm-up', () => {
    // given memory filling from 60 to 100 MB in the first quarter, then going on to 110 MB
    const series = [60, 80, 100, 100, 100, 100, 104, 106, 108, 110, 110, 110];
    // then it grew by 10% after warm-up
    expect(growth(series)).toBeCloseTo(0.1);
    expect(growth([1, 2, 3])).toBeNull();
  });

  it('gives the mean of each tenth of a series, or of each sample of a shorter one', () => {
    // given twenty samples climbing by one, and three samples
    const series = Array.from({ length: 20 }, (_, i) => i);
    // then each tenth is the mean of two neighbours, and a short series stays as it is
    expect(byTenth(series)).toEqual([0.5, 2.5, 4.5, 6.5, 8.5, 10.5, 12.5, 14.5, 16.5, 18.5]);
    expect(byTenth([7, 8, 9])).toEqual([7, 8, 9]);
  });

  it('tells open files that keep rising from one opened for a moment near the end', () => {
    // given a service whose files rise by one every two samples, and one that opens a connection at its last sample
    const leaking = [30, 30, 31, 31, 32, 32, 33, 33, 34, 34, 35, 35];
    const steady = [30, 30, 31, 31, 31, 31, 31, 31, 31, 31, 31, 32];
    // then the leak holds more files all through the last quarter than at any time in the second
    const leak = quarterFiles(leaking);
    expect(leak.openFilesLastQuarterMin).toBeGreaterThan(
      leak.openFilesSecondQuarterMax ?? Number.POSITIVE_INFINITY,
    );
    // and the steady one does not
    expect(quarterFiles(steady)).toEqual({ openFilesSecondQuarterMax: 31, openFilesLastQuarterMin: 31 });
  });

  it('names each open descriptor by what it is: a connection by its port, a file by its directory', () => {
    // given the machine's TCP and Unix socket tables: Postgres listening on 5432, a service's
    // connection to it, a client's connection into a service listening on 8083, and a Unix socket
    const tcp = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0100007F:1538 00000000:0000 0A 00000000:00000000 00:00000000 00000000   105        0 5667 1 0 100 0 0 10 0',
      '   1: 0100007F:1F93 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 7001 1 0 100 0 0 10 0',
      '   2: 0100007F:C350 0100007F:1538 01 00000000:00000000 00:00000000 00000000     0        0 7002 1 0 20 4 30 10 -1',
      '   3: 0100007F:1F93 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 7003 1 0 20 4 30 10 -1',
    ].join('\n');
    const unix = [
      'Num       RefCount Protocol Flags    Type St Inode Path',
      '00000000998f49bc: 00000002 00000000 00010000 0001 01  4893 /var/run/postgresql/.s.PGSQL.5432',
      '0000000048c33717: 00000003 00000000 00000000 0001 03  1141',
    ].join('\n');
    // when the descriptors' links are described against them
    const sockets = socketsByInode([tcp, ''], unix);
    const describe = (link: string) => describeDescriptor(link, sockets);
    // then each says what it is
    expect(describe('socket:[5667]')).toBe('tcp listening on :5432');
    expect(describe('socket:[7002]')).toBe('tcp to :5432');
    expect(describe('socket:[7003]')).toBe('tcp in on :8083');
    expect(describe('socket:[4893]')).toBe('unix /var/run/postgresql/.s.PGSQL.5432');
    expect(describe('socket:[1141]')).toBe('unix');
    expect(describe('socket:[9999]')).toBe('socket');
    expect(describe('pipe:[13696]')).toBe('pipe');
    expect(describe('anon_inode:[eventpoll]')).toBe('eventpoll');
    expect(describe('anon_inode:[eventfd]')).toBe('eventfd');
    expect(describe('/var/lib/postgresql/15/main/base/16384/2619')).toBe(
      'file in /var/lib/postgresql/15/main/base/16384',
    );
    expect(describe('/tmp/onego-bench-x/certificates.log (deleted)')).toBe('file in /tmp/onego-bench-x');
  });

  it('tells which kind of open file a service kept holding more of, not those that came and went', () => {
    // given a service that opens one more connection to NATS in its third quarter and keeps it,
    // while a pipe comes and goes in the second and a Postgres connection in the last
    const held = (nats: number, pipes: number, postgres = 10) => ({
      'tcp to :5432': postgres,
      'tcp to :4222': nats,
      pipe: pipes,
    });
    const kinds = [
      ...Array.from({ length: 4 }, () => held(1, 2)),
      held(1, 2),
      held(1, 3),
      held(1, 2),
      held(1, 2),
      ...Array.from({ length: 4 }, () => held(2, 2)),
      held(2, 2),
      held(2, 2, 11),
      held(2, 2),
      held(2, 2),
    ];
    // when the kinds of the last quarter are set against those of the second
    // then only the connection that stayed is told, and by how many
    expect(filesRisen(kinds)).toEqual({ 'tcp to :4222': 1 });
    // and a run too short for quarters tells nothing
    expect(filesRisen(kinds.slice(0, 4))).toBeNull();
  });

  it('does not count warm-up as growth', () => {
    // given memory that rises during the first quarter and then stays flat
    const series = [50, 70, 100, 100, 100, 100, 100, 100];
    // then it did not grow
    expect(growth(series)).toBe(0);
  });
});

describe('reading /proc and the timeline', () => {
  it('reads utime and stime from /proc/<pid>/stat even when the command has spaces', () => {
    // given a stat line whose command name holds a space and a parenthesis
    const stat = '42 (node (x) y) S 1 42 42 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 11 0 100 0 0';
    // then utime 250 + stime 50 ticks are counted (3 s at Linux's usual 100 ticks a second)
    const { user, system } = cpuTimesFromStat(stat);
    expect(user + system).toBeCloseTo(300 / CLOCK_TICKS);
    // and of them the 50 of stime are the kernel's
    expect({ user, system }).toEqual({ user: 250 / CLOCK_TICKS, system: 50 / CLOCK_TICKS });
  });

  it('reads VmRSS from /proc/<pid>/status', () => {
    // given a status text / then its VmRSS is in bytes
    expect(rssFromStatus('Name:\tnode\nVmRSS:\t  204800 kB\nThreads: 11\n')).toBe(204800 * 1024);
  });

  it('derives department hops and certificate issuance from timeline rows', () => {
    // given an item requested at 0, approved at 100 and completed (certificate issued) at 130,
    // and an item without a certificate requested at 0 and completed at 900
    const at = (ms: number) => new Date(ms);
    const rows = [
      { application_id: 'a', item_id: 'i1', kind: 'item.requested', department: 'health', at: at(0) },
      { application_id: 'a', item_id: 'i1', kind: 'item.approved', department: 'health', at: at(100) },
      { application_id: 'a', item_id: 'i1', kind: 'item.completed', department: 'health', at: at(130) },
      {
        application_id: 'a',
        item_id: 'i2',
        kind: 'item.requested',
        department: 'social-security',
        at: at(0),
      },
      {
        application_id: 'a',
        item_id: 'i2',
        kind: 'item.completed',
        department: 'social-security',
        at: at(900),
      },
    ];
    // when turned into stages
    const stages = stagesFromTimeline(rows);
    // then each department's hop and the certificate's issuance are timed
    expect(stages).toEqual({
      'department:health': [100],
      certificate: [30],
      'department:social-security': [900],
    });
  });

  it('draws bars to an eighth of a character', () => {
    // given half of the maximum on a 4-character bar / then two full blocks
    expect(bar(50, 100, 4)).toBe('██');
    expect(bar(0, 100, 4)).toBe('');
  });
});

describe('the targets', () => {
  const phase = (over: Partial<PhaseFigures>): PhaseFigures => ({
    kind: 'fixed',
    preloaded: 0,
    offeredRate: 50,
    durationS: 45,
    completedPerS: 50,
    acceptedPerS: 50,
    p50Ms: 120,
    p99Ms: 900,
    sustained: true,
    transactionsPerApp: 20,
    messagesPerApp: 30,
    deliveriesPerApp: 29,
    memory: { applications: { maxMB: 150, growth: 0.01, filesStart: 30, filesEnd: 30 } },
    ...over,
  });

  it('passes the latency targets at 50/s and calls a short 100/s run partial', () => {
    // given a 45 s run at 50/s within the latency targets, and a 45 s run sustained at 100/s
    const targets = evaluateTargets([phase({}), phase({ offeredRate: 100, completedPerS: 99 })]);
    // then the latency targets pass and the 10-minute throughput target is only partly shown
    const verdict = (start: string) => targets.find((t) => t.target.startsWith(start))?.verdict;
    expect(verdict('At 50 applications/s: submission-to-last-certificate p50')).toBe('pass');
    expect(verdict('At 50 applications/s: submission-to-last-certificate p99')).toBe('pass');
    expect(verdict('>= 100 applications/s')).toBe('partial');
    expect(verdict('HTTP intake')).toBe('not measured');
  });

  it('judges transactions against one per message consumed plus the submission, on the busiest run', () => {
    // given a run at 5/s with 45 transactions per application, and one at 36/s with 14, each
    // consuming 29 messages per application (a naive 30 transactions) and storing 30
    const slow = phase({ offeredRate: 5, completedPerS: 5, transactionsPerApp: 45 });
    const busy = phase({ offeredRate: 36, completedPerS: 35, transactionsPerApp: 14 });
    const work = (phases: PhaseFigures[]) =>
      evaluateTargets(phases).find((t) => t.target.startsWith('Report Postgres transactions'));
    // then the busy run is judged: transactions are under half the naive count, messages are not
    expect(work([slow, busy])?.verdict).toBe('partial');
    expect(work([slow, busy])?.measured).toMatch(
      /^14\.0 transactions per application against a naive 30 \(46\.7%\)/,
    );
    // and with 18 transactions per application (60%) the aim is missed
    expect(work([slow, phase({ ...busy, transactionsPerApp: 18 })])?.verdict).toBe('fail');
    // and without a run that counted deliveries it is not measured
    expect(work([phase({ deliveriesPerApp: null })])?.verdict).toBe('not measured');
  });

  it('fails memory over 200 MB and a throughput that broke below 100/s', () => {
    // given a run at 10/s with a service at 250 MB, and a step at 40/s not sustained
    const targets = evaluateTargets([
      phase({ offeredRate: 10, memory: { gateway: { maxMB: 250, growth: 0, filesStart: 1, filesEnd: 1 } } }),
      phase({ kind: 'peak-step', offeredRate: 40, sustained: false }),
    ]);
    // then memory and throughput fail
    const verdict = (start: string) => targets.find((t) => t.target.startsWith(start))?.verdict;
    expect(verdict('Every service resident memory')).toBe('fail');
    expect(verdict('>= 100 applications/s')).toBe('fail');
    // and the latency targets at 50/s, never reached, fail too
    expect(verdict('At 50 applications/s: submission-to-last-certificate p99')).toBe('fail');
  });
});

describe('CPU per application', () => {
  it('divides the platform’s cores by the rate, leaving the bench’s own processes out', () => {
    // given 0.6 cores in the services and Postgres, and 0.3 in the load and bench processes, at 10/s
    const cores = {
      applications: 0.4,
      'postgres (bench backends)': 0.2,
      'load process': 0.2,
      'bench process': 0.1,
    };
    // when CPU per application is worked out on a machine half busy
    const figure = cpuPerApplication(cores, 10, { busyCores: 1, cores: 2 });
    // then it is 60 ms, and the machine was not saturated
    expect(figure.ms).toBeCloseTo(60);
    expect(figure.cores).toBeCloseTo(0.6);
    expect(figure.saturated).toBe(false);
  });

  it('says when the machine was saturated, and has no figure without completions', () => {
    // given a machine busy for 1.9 of its 2 cores
    const busy = cpuPerApplication({ applications: 1.4 }, 20, { busyCores: 1.9, cores: 2 });
    // then the figure is flagged as the machine's share, not the cost
    expect(busy.saturated).toBe(true);
    expect(busy.ms).toBeCloseTo(70);
    // and with nothing completed there is no figure
    expect(cpuPerApplication({ applications: 1 }, 0, { busyCores: 1, cores: 2 }).ms).toBeNull();
  });
});

describe('system calls per application', () => {
  it('reads syscr and syscw from /proc/<pid>/io', () => {
    // given an io text as Linux writes it
    const io = 'rchar: 5120\nwchar: 2048\nsyscr: 310\nsyscw: 120\nread_bytes: 0\nwrite_bytes: 4096\n';
    // then the read and write calls are its syscr and syscw
    expect(syscallsFromIo(io)).toEqual({ reads: 310, writes: 120 });
    // and a text without them has none
    expect(syscallsFromIo('rchar: 1\n')).toBeNull();
  });

  it('counts each pid from its first sample to its last, and has no sum when a pid could not be read', () => {
    // given two backends, one first seen with 100 writes and last with 160, one that came and went (10 to 30)
    const at = (writes: number, syscalls = true) => ({
      cpuSeconds: writes / 100,
      systemSeconds: writes / 400,
      syscalls: syscalls ? { reads: 2 * writes, writes } : null,
    });
    const first = new Map([
      [1, at(100)],
      [2, at(10)],
    ]);
    const last = new Map([
      [1, at(160)],
      [2, at(30)],
    ]);
    // when the group is counted
    const group = counted(first, last);
    // then it made 80 writes and 160 reads in that time
    expect(group.syscalls).toEqual({ reads: 160, writes: 80 });
    expect(group.cpuSeconds).toBeCloseTo(0.8);
    // of which a quarter in the kernel
    expect(group.systemSeconds).toBeCloseTo(0.2);
    // and when one pid's io was unreadable the group has no count rather than a partial one
    expect(counted(first, new Map([...last, [3, at(5, false)]])).syscalls).toBeNull();
  });

  it('divides the platform’s calls by the applications completed, leaving the bench’s own processes out', () => {
    // given 20 s at 10/s, with 4,000 writes in the services, 2,000 in Postgres and 9,000 in the load process
    const processes = {
      applications: { syscalls: { reads: 6000, writes: 4000 } },
      'postgres (bench backends)': { syscalls: { reads: 2000, writes: 2000 } },
      'load process': { syscalls: { reads: 1, writes: 9000 } },
    };
    // when they are worked out per application
    const calls = syscallsPerApplication(processes, 20, 10);
    // then the platform made 30 writes and 40 reads per application, and each process its own share
    expect(calls.total).toEqual({ reads: 40, writes: 30 });
    expect(calls.byProcess.applications).toEqual({ reads: 30, writes: 20 });
    // and with a platform process unreadable there is no total
    expect(syscallsPerApplication({ ...processes, gateway: { syscalls: null } }, 20, 10).total).toBeNull();
  });
});
