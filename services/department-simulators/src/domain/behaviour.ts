import { DEPARTMENTS, type Department, MATERIAL_CODES, type MaterialCode } from '@onego/contracts';
import { z } from 'zod';

const materialCode = z.enum(MATERIAL_CODES);

// How a simulated department system behaves, so tests and the demo can exercise the messy
// cases: refusals, requests for materials, a system that is down, a reply that breaks its own
// contract, slowness.

export const behaviourSchema = z.strictObject({
  /**
   * approve promptly; reject with rejectCode/rejectReason; materials: ask for materialCode
   * (unless the request carries supplied materials, then decide as approve); fail: be down
   * (no NATS answer, HTTP 503); malformed: answer outside the contract.
   */
  mode: z.enum(['approve', 'reject', 'materials', 'fail', 'malformed']),
  /** Answer this long after receiving the request. */
  delayMs: z.int().min(0).max(3_600_000).optional(),
  /**
   * HTTP-style systems: hold each HTTP answer this long after doing the work (a slow network or
   * gateway), so that a caller's timeout fires after the department has already acted.
   */
  httpLatencyMs: z.int().min(0).max(60_000).optional(),
  rejectCode: z
    .string()
    .regex(/^[A-Z0-9_]{2,40}$/, 'must be 2 to 40 upper-case letters, digits or underscores')
    .optional(),
  rejectReason: z.string().trim().min(1).max(500).optional(),
  materialCode: materialCode.optional(),
  materialNote: z.string().trim().min(1).max(200).optional(),
});

export type Behaviour = z.infer<typeof behaviourSchema>;

export const behaviourOverridesSchema = z.partialRecord(z.enum(DEPARTMENTS), behaviourSchema);
export type BehaviourOverrides = z.infer<typeof behaviourOverridesSchema>;

export const DEFAULT_BEHAVIOUR: Behaviour = { mode: 'approve' };
export const DEFAULT_REFUSAL = { code: 'SIMULATED_REFUSAL', text: '模拟系统按设定不予办理' } as const;

/** What each department asks for in `materials` mode unless told otherwise. */
export const DEFAULT_MATERIALS: Record<Department, { code: MaterialCode; note: string }> = {
  health: { code: 'birth-medical-record', note: '请补充分娩记录' },
  'public-security': { code: 'birth-outside-marriage-statement', note: '请补充非婚生育说明' },
  'medical-insurance': { code: 'parent-identity-document', note: '请补充监护人身份证件' },
  'social-security': { code: 'parent-identity-document', note: '请补充监护人身份证件' },
  cdc: { code: 'birth-medical-record', note: '请补充出生时接种记录' },
  'maternal-child-health': { code: 'birth-medical-record', note: '请补充新生儿出院小结' },
};

/** The behaviour of each department, starting from the configured overrides; changed at run time. */
export function createBehaviours(initial: BehaviourOverrides = {}) {
  const current = new Map<Department, Behaviour>(Object.entries(initial) as [Department, Behaviour][]);
  return {
    get: (department: Department): Behaviour => current.get(department) ?? DEFAULT_BEHAVIOUR,
    set(department: Department, behaviour: Behaviour) {
      current.set(department, behaviour);
      return behaviour;
    },
  };
}

export type Behaviours = ReturnType<typeof createBehaviours>;
