import { describe, expect, it } from 'vitest';
import { DEPARTMENTS, departmentDurables, isDepartmentDurable } from '../src/index.ts';

describe("the department systems' durable consumers", () => {
  it('are two per department, one for requests and one for cancellations, none shared', () => {
    // given every department's durables
    const names = DEPARTMENTS.flatMap((d) => Object.values(departmentDurables(d)));

    // then there are two per department, all different, and each is known as a department's
    expect(new Set(names).size).toBe(DEPARTMENTS.length * 2);
    expect(names.every(isDepartmentDurable)).toBe(true);
    expect(departmentDurables('health')).toEqual({
      requests: 'health-system',
      cancellations: 'health-system-cancellations',
    });
  });

  it("are told apart from the platform's own consumers, even those named after a department", () => {
    // given consumers the platform's services read through
    const platform = [
      'adapter-health-decisions',
      'applications-item-decided',
      'health-system-extra',
      'system',
    ];

    // then none of them is a department system's
    expect(platform.filter(isDepartmentDurable)).toEqual([]);
  });
});
