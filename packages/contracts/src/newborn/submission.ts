import { parseCitizenId } from '@onego/codes';
import { z } from 'zod';
import { ITEM_KEYS } from './bundle.ts';
import { type NewbornForm, newbornFormSchema } from './form.ts';

const MIN_PARENT_AGE_YEARS = 12;
const ONE_BIRTH_WINDOW_MS = 48 * 3600_000;

const dayOf = (isoDateTime: string) => isoDateTime.slice(0, 10);
const addYears = (day: string, years: number) => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
const addMonths = (day: string, months: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** Today's date in China Standard Time: statutory windows count calendar days there. */
const chinaDay = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Applied for more than one month after a child's birth: accepted with a pledge, and flagged. */
export function isLateApplication(form: Pick<NewbornForm, 'children'>, now: Date): boolean {
  const today = chinaDay(now);
  return form.children.some((c) => addMonths(dayOf(c.birthDateTime), 1) < today);
}

type Ctx = z.RefinementCtx;
const issue = (ctx: Ctx, path: (string | number)[], message: string) =>
  ctx.addIssue({ code: 'custom', path, message });

function checkChildren(form: NewbornForm, now: Date, ctx: Ctx) {
  const first = Date.parse(form.children[0]?.birthDateTime ?? '');
  form.children.forEach((child, i) => {
    const born = Date.parse(child.birthDateTime);
    if (born > now.getTime())
      issue(ctx, ['form', 'children', i, 'birthDateTime'], 'must not be in the future');
    if (Math.abs(born - first) > ONE_BIRTH_WINDOW_MS) {
      issue(
        ctx,
        ['form', 'children', i, 'birthDateTime'],
        'children in one submission must be from one birth (within 48 hours)',
      );
    }
  });
  if (isLateApplication(form, now) && !form.latePledge) {
    issue(ctx, ['form', 'latePledge'], 'is required when applying more than one month after birth');
  }
}

function checkParents(form: NewbornForm, ctx: Ctx) {
  if (!form.mother && !form.father) issue(ctx, ['form', 'mother'], 'at least one parent is required');
  if (form.mother && form.father && form.mother.idNumber === form.father.idNumber) {
    issue(ctx, ['form', 'father', 'idNumber'], 'must differ from the mother’s ID number');
  }
  if (!form[form.household.registerWith]) {
    issue(
      ctx,
      ['form', 'household', 'registerWith'],
      `names the ${form.household.registerWith}, who is not on the form`,
    );
  }
  const youngestBirthDay = form.children.map((c) => dayOf(c.birthDateTime)).sort()[0] ?? '';
  for (const role of ['mother', 'father'] as const) {
    const parent = form[role];
    if (parent?.idType !== 'resident-id') continue;
    const id = parseCitizenId(parent.idNumber);
    if (id.ok && addYears(id.birthDate, MIN_PARENT_AGE_YEARS) > youngestBirthDay) {
      issue(
        ctx,
        ['form', role, 'idNumber'],
        `belongs to someone born ${id.birthDate}: a parent must be born at least ${MIN_PARENT_AGE_YEARS} years before the child`,
      );
    }
  }
}

function checkItems(items: readonly string[], form: NewbornForm, ctx: Ctx) {
  items.forEach((item, i) => {
    if (items.indexOf(item) !== i) issue(ctx, ['items', i], `lists ${item} twice`);
  });
  if (items.includes('medical-insurance-enrolment') && !form.medicalInsurance) {
    issue(ctx, ['form', 'medicalInsurance'], 'is required when medical-insurance-enrolment is chosen');
  }
  if (items.includes('social-security-card') && !form.socialSecurityCard) {
    issue(ctx, ['form', 'socialSecurityCard'], 'is required when social-security-card is chosen');
  }
}

/**
 * What `POST /api/applications` accepts for the newborn bundle. Cross-field rules need the
 * current time (a birth in the future, a late application), so the schema is built per clock.
 */
export function createNewbornSubmissionSchema(now: () => Date = () => new Date()) {
  return z
    .strictObject({
      bundle: z.literal('newborn'),
      items: z
        .array(z.enum(ITEM_KEYS, { message: 'is not an item of the newborn bundle' }))
        .min(1)
        .max(ITEM_KEYS.length),
      form: newbornFormSchema,
    })
    .superRefine((submission, ctx) => {
      checkItems(submission.items, submission.form, ctx);
      checkChildren(submission.form, now(), ctx);
      checkParents(submission.form, ctx);
    });
}

export const newbornSubmissionSchema = createNewbornSubmissionSchema();
export type NewbornSubmission = z.infer<typeof newbornSubmissionSchema>;
