import type { Attachment, DataOf, Department, DepartmentContracts, MaterialRequest } from '@onego/contracts';
import {
  birthCertificateNumber,
  cardApplicationNumber,
  citizenIdNumber,
  communityHealthCentreFor,
  handbookNumber,
  householdRecordNumber,
  insuredPersonNumber,
  vaccinationCertificateNumber,
  vaccinationClinicFor,
} from './numbers.ts';

// What each department's own system answers, in its own vocabulary: the case reference it
// files the request under, an approval with the numbers it assigns, a refusal, or a request for
// materials; and where in its request it finds the materials supplied.

export type SystemRequest<D extends Department> = DataOf<DepartmentContracts[D]['request']>;
export type SystemDecision<D extends Department> = DataOf<DepartmentContracts[D]['decision']>;
export interface Refusal {
  code: string;
  text: string;
}

export interface DepartmentSystem<D extends Department> {
  caseRefOf(request: SystemRequest<D>): string;
  approve(request: SystemRequest<D>, decidedAt: string): SystemDecision<D>;
  refuse(request: SystemRequest<D>, refusal: Refusal, decidedAt: string): SystemDecision<D>;
  askForMaterials(
    request: SystemRequest<D>,
    materials: MaterialRequest[],
    decidedAt: string,
  ): SystemDecision<D>;
  attachmentsOf(request: SystemRequest<D>): readonly Attachment[];
}

const isoOf = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

export const systems: { [D in Department]: DepartmentSystem<D> } = {
  health: {
    caseRefOf: (r) => r.caseRef,
    approve: (r, decidedAt) => ({
      caseRef: r.caseRef,
      decidedAt,
      result: 'ISSUED',
      certificateNo: birthCertificateNumber(r.caseRef),
    }),
    refuse: (r, refusal, decidedAt) => ({ caseRef: r.caseRef, decidedAt, result: 'REFUSED', refusal }),
    askForMaterials: (r, materials, decidedAt) => ({
      caseRef: r.caseRef,
      decidedAt,
      result: 'MATERIALS_REQUIRED',
      materials,
    }),
    attachmentsOf: (r) => r.attachments ?? [],
  },
  'public-security': {
    caseRefOf: (r) => r.ywlsh,
    approve(r, bjsj) {
      // A newborn is registered into the household of the head named on the request.
      const region = r.hk.hzsfhm.slice(0, 6);
      const child = {
        region,
        birthDate: isoOf(r.xsr.csrq),
        sex: r.xsr.xbdm === '1' ? 'male' : 'female',
      } as const;
      return {
        ywlsh: r.ywlsh,
        bjsj,
        bjjg: '1',
        gmsfhm: citizenIdNumber(r.ywlsh, child),
        hh: householdRecordNumber(r.ywlsh, region),
      };
    },
    refuse: (r, refusal, bjsj) => ({
      ywlsh: r.ywlsh,
      bjsj,
      bjjg: '2',
      byyydm: refusal.code,
      byyy: refusal.text,
    }),
    askForMaterials: (r, materials, bjsj) => ({
      ywlsh: r.ywlsh,
      bjsj,
      bjjg: '3',
      bzcl: materials.map((m) => ({ cldm: m.code, clsm: m.note })),
    }),
    attachmentsOf: (r) => r.fj ?? [],
  },
  'medical-insurance': {
    caseRefOf: (r) => r.requestId,
    approve: (r, decidedAt) => ({
      requestId: r.requestId,
      decidedAt,
      status: 'ENROLLED',
      psnNo: insuredPersonNumber(r.requestId, r.insured.certNo.slice(0, 6)),
      // Newborns enrolled within the statutory window are covered from the day of birth.
      coverageStart: r.insured.birthDate,
    }),
    refuse: (r, refusal, decidedAt) => ({
      requestId: r.requestId,
      decidedAt,
      status: 'DECLINED',
      declineCode: refusal.code,
      declineReason: refusal.text,
    }),
    askForMaterials: (r, documents, decidedAt) => ({
      requestId: r.requestId,
      decidedAt,
      status: 'PENDING_DOCUMENTS',
      documents,
    }),
    attachmentsOf: (r) => r.attachments ?? [],
  },
  'social-security': {
    caseRefOf: (r) => r.applicationNo,
    approve: (r, decidedAt) => ({
      applicationNo: r.applicationNo,
      decidedAt,
      result: 'ACCEPTED',
      cardApplicationNo: cardApplicationNumber(r.applicationNo),
      productionStatus: 'QUEUED',
    }),
    refuse: (r, refusal, decidedAt) => ({
      applicationNo: r.applicationNo,
      decidedAt,
      result: 'REJECTED',
      rejectCode: refusal.code,
      rejectReason: refusal.text,
    }),
    askForMaterials: (r, supplements, decidedAt) => ({
      applicationNo: r.applicationNo,
      decidedAt,
      result: 'SUPPLEMENT_REQUIRED',
      supplements,
    }),
    attachmentsOf: (r) => r.attachments ?? [],
  },
  cdc: {
    caseRefOf: (r) => r.ref,
    approve: (r, decidedAt) => ({
      ref: r.ref,
      decidedAt,
      accepted: true,
      certificateNo: vaccinationCertificateNumber(r.ref),
      clinic: vaccinationClinicFor(r.address),
    }),
    refuse: (r, reason, decidedAt) => ({ ref: r.ref, decidedAt, accepted: false, reason }),
    // Not accepted until the materials named are supplied.
    askForMaterials: (r, materials, decidedAt) => ({
      ref: r.ref,
      decidedAt,
      accepted: false,
      reason: { code: 'MATERIALS_REQUIRED', text: '需补充材料后受理' },
      materials,
    }),
    attachmentsOf: (r) => r.attachments ?? [],
  },
  'maternal-child-health': {
    caseRefOf: (r) => r.ref,
    approve: (r, decidedAt) => ({
      ref: r.ref,
      decidedAt,
      outcome: 'APPROVED',
      handbookNo: handbookNumber(r.ref),
      communityHealthCentre: communityHealthCentreFor(r.address),
    }),
    refuse: (r, rejection, decidedAt) => ({ ref: r.ref, decidedAt, outcome: 'REJECTED', rejection }),
    askForMaterials: (r, materials, decidedAt) => ({
      ref: r.ref,
      decidedAt,
      outcome: 'MATERIALS_REQUIRED',
      materials,
    }),
    attachmentsOf: (r) => r.attachments ?? [],
  },
};
