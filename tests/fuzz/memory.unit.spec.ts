import { describe, expect, it } from 'vitest';
import { judgeMemory, RSS_CEILING_MB } from './memory.ts';

describe('a service memory judged after a campaign', () => {
  it('is bounded when garbage from the last flood is given back while the platform settles', () => {
    // given a gateway warm at 150 MB that jumped to 230 MB in the last flood and fell back to 165 MB
    const values = [120, 150, 160, 230, 228, 165, 166];

    // when it is judged with the load over from the fifth sample on
    const result = judgeMemory('gateway', values, 1, 4);

    // then its end level is the lowest after the load and it is bounded
    expect(result).toMatchObject({ warmMb: 150, peakMb: 230, endMb: 165, bounded: true });
  });

  it('is not bounded when what it took is never given back', () => {
    // given a service warm at 150 MB that grew to 240 MB and stayed there after the load
    const values = [120, 150, 190, 240, 240, 241];

    // when it is judged
    const result = judgeMemory('applications', values, 1, 3);

    // then it is a leak: its end level is past the warm-up level plus the margin
    expect(result).toMatchObject({ endMb: 240, bounded: false });
  });

  it('is not bounded when it passed the ceiling at any time, even if it came back', () => {
    // given a service that went over the ceiling during the load and came back down
    const values = [120, 150, RSS_CEILING_MB + 10, 150];

    // when it is judged
    const result = judgeMemory('certificates', values, 1, 3);

    // then it is not bounded
    expect(result).toMatchObject({ peakMb: RSS_CEILING_MB + 10, endMb: 150, bounded: false });
  });

  it('judges the last sample when none was taken after the load', () => {
    // given samples that all fall within the load
    const values = [100, 120, 300];

    // when it is judged with the settling window empty
    const result = judgeMemory('identity', values, 1, 3);

    // then the end level is the last sample
    expect(result).toMatchObject({ endMb: 300, bounded: false });
  });
});
