import { canonicalSubmission } from '@onego/testing';
import { describe, expect, it } from 'vitest';
import { createNewbornSubmissionSchema } from '../src/index.ts';

// biome-ignore lint/suspicious/noExplicitAny: each case breaks an arbitrary field of the JSON
const example: any = canonicalSubmission();
const schema = createNewbornSubmissionSchema(() => new Date('2026-11-22T10:00:00+08:00'));
const clone = () => structuredClone(example);

function issuesOf(value: unknown) {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('the newborn submission schema', () => {
  it('accepts the canonical form from the domain folder', () => {
    expect(issuesOf(example)).toEqual([]);
  });

  it('accepts twins, a foreign father with a passport, and names outside the BMP or with a middle dot', () => {
    const twins = clone();
    twins.form.children.push({
      ...twins.form.children[0],
      name: '王𠀾满',
      sex: 'male',
      relationshipToHead: 'son',
    });
    twins.form.father = {
      ...twins.form.father,
      name: 'John·Smith',
      idType: 'passport',
      idNumber: 'E12345678',
      nationality: 'GBR',
    };
    expect(issuesOf(twins)).toEqual([]);
  });

  it.each([
    [
      'an invalid ID checksum',
      (f: typeof example) => {
        f.form.mother.idNumber = '430681199305120023';
      },
      'form.mother.idNumber',
      /check character/,
    ],
    [
      'a birth date in the future',
      (f: typeof example) => {
        f.form.children[0].birthDateTime = '2026-12-01T08:00:00+08:00';
      },
      'form.children.0.birthDateTime',
      /future/,
    ],
    [
      'a weight of 0',
      (f: typeof example) => {
        f.form.children[0].weightGrams = 0;
      },
      'form.children.0.weightGrams',
      /at least 300/,
    ],
    [
      'an unknown bundle item',
      (f: typeof example) => {
        f.items[5] = 'passport-application';
      },
      'items.5',
      /not an item/,
    ],
    [
      'a parent who is also the child',
      (f: typeof example) => {
        f.form.mother.idNumber = '430681202611200228';
      },
      'form.mother.idNumber',
      /born at least 12 years/,
    ],
    [
      'a client-sent status field',
      (f: typeof example) => {
        f.status = 'approved';
      },
      '',
      /Unrecognized key/,
    ],
    [
      'a married couple without a marriage certificate',
      (f: typeof example) => {
        delete f.form.marriage.certificateNumber;
      },
      'form.marriage.certificateNumber',
      /required/,
    ],
    [
      'registration with a parent who is not on the form',
      (f: typeof example) => {
        delete f.form.father;
      },
      'form.household.registerWith',
      /not on the form/,
    ],
    [
      'an application long after birth without a pledge',
      (f: typeof example) => {
        f.form.children[0].birthDateTime = '2026-09-01T08:00:00+08:00';
      },
      'form.latePledge',
      /more than one month/,
    ],
  ])('refuses %s and names the field', (_name, mutate, path, message) => {
    // Given the canonical form with one defect
    const form = clone();
    mutate(form);
    // When it is validated, then the issue names the field and the reason
    const issues = issuesOf(form);
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});
