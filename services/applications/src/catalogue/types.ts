import type { CertificateType, Department, ItemKey, MaterialCode } from '@onego/contracts';

export interface LocalisedText {
  zh: string;
  en: string;
}

export interface CatalogueItem {
  key: ItemKey;
  name: LocalisedText;
  department: Department;
  departmentName: LocalisedText;
  dependsOn: ItemKey[];
  optional: boolean;
  certificate: CertificateType | null;
  outputs: LocalisedText;
  /** Statutory window counted from the date of birth (e.g. one month for hukou registration). */
  statutoryWindow: LocalisedText;
  /** How long the department normally takes; an item held longer is shown as delayed. */
  expectedTurnaroundMinutes: number;
  /**
   * When the applicant withdraws: keep an issued certificate (it states a fact that stays true)
   * or revoke it (it grants something the withdrawal gives up).
   */
  onWithdrawal: 'keep' | 'revoke';
}

export interface CatalogueMaterial {
  code: MaterialCode;
  name: LocalisedText;
  /** The item that cannot be decided without it. */
  item: ItemKey;
  /** May the applicant declare it missing at submission (容缺受理)? */
  declarableAtSubmission: boolean;
  /** Working days to supply it, counted from acceptance or from the department's request. */
  deadlineWorkingDays: number;
}

export interface OneTimeNotice {
  conditions: LocalisedText[];
  materials: { name: LocalisedText; note: LocalisedText; canBeSuppliedLater: boolean }[];
  steps: LocalisedText[];
  timeLimit: LocalisedText;
  fees: LocalisedText;
  whereToAsk: LocalisedText[];
  whereToComplain: LocalisedText[];
}

export interface Bundle {
  key: 'newborn';
  name: LocalisedText;
  summary: LocalisedText;
  /** Promised completion, in working days from acceptance (承诺时限). */
  timeLimitWorkingDays: number;
  items: CatalogueItem[];
  materials: CatalogueMaterial[];
  notice: OneTimeNotice;
}
