import type { Department } from '@onego/contracts';
import { type Behaviour, DEFAULT_MATERIALS, DEFAULT_REFUSAL } from './behaviour.ts';
import { type DepartmentSystem, type SystemRequest, systems } from './systems.ts';

// A department system's response to one request under a behaviour: no answer at all (it is
// down), or an answer due at a time, which conforms to its decision contract unless the
// behaviour asks for a malformed one. Asked to want materials, a system wants them only until
// a request brings some: then it decides as it otherwise would, and approves.

export type Response =
  | { kind: 'down' }
  | { kind: 'answer'; caseRef: string; dueAt: Date; decision: Record<string, unknown>; conforms: boolean };

export function respond<D extends Department>(
  department: D,
  request: SystemRequest<D>,
  behaviour: Behaviour,
  now: Date,
): Response {
  if (behaviour.mode === 'fail') return { kind: 'down' };
  const system = systems[department] as DepartmentSystem<Department>;
  const caseRef = system.caseRefOf(request);
  const dueAt = new Date(now.getTime() + (behaviour.delayMs ?? 0));
  const decidedAt = dueAt.toISOString();
  const answer = (decision: object, conforms = true) =>
    ({ kind: 'answer', caseRef, dueAt, decision: { ...decision }, conforms }) as const;
  switch (behaviour.mode) {
    case 'approve':
      return answer(system.approve(request, decidedAt));
    case 'reject':
      return answer(
        system.refuse(
          request,
          {
            code: behaviour.rejectCode ?? DEFAULT_REFUSAL.code,
            text: behaviour.rejectReason ?? DEFAULT_REFUSAL.text,
          },
          decidedAt,
        ),
      );
    case 'materials': {
      if (system.attachmentsOf(request).length > 0) return answer(system.approve(request, decidedAt));
      const wanted = DEFAULT_MATERIALS[department];
      const code = behaviour.materialCode ?? wanted.code;
      const note = behaviour.materialNote ?? (code === wanted.code ? wanted.note : '请补充所需材料');
      const material = { code, note };
      return answer(system.askForMaterials(request, [material], decidedAt));
    }
    case 'malformed':
      // An approval with a field the contract does not have: every decision schema is strict.
      return answer({ ...system.approve(request, decidedAt), remark: 'field outside the contract' }, false);
  }
}
