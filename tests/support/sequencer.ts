import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The fault-injection file is the longest of the run by far (four to five minutes, most of it
// waiting on its own platform), and it shares the two workers with the integration and e2e
// files. Started first, it overlaps them; left where Vitest would put it (by file size, or by
// the last run's durations when it has them), it would run on at the end with one worker idle.
const first = (file: TestSpecification) => file.project.name === 'chaos';

export default class ChaosFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    return [...sorted.filter(first), ...sorted.filter((file) => !first(file))];
  }
}
