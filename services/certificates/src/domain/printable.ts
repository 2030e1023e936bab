import type { CertificateFacts, CertificateType } from '@onego/contracts';
import type { LocalisedName } from '../issuers.ts';

// What a printed certificate shows: each fact with a bilingual label, in the order a reader
// expects (who, then what the certificate establishes). Values are printed as stated; only
// codes (sex) and structured values (birthplace) are put into words. Shared by the HTML page
// and the PDF so both say exactly the same thing.

const LABELS: Record<string, LocalisedName> = {
  name: { zh: '姓名', en: 'Name' },
  sex: { zh: '性别', en: 'Sex' },
  birthDate: { zh: '出生日期', en: 'Date of birth' },
  birthDateTime: { zh: '出生时间', en: 'Time of birth' },
  birthPlace: { zh: '出生地点', en: 'Place of birth' },
  facility: { zh: '接生机构', en: 'Birth facility' },
  motherName: { zh: '母亲姓名', en: 'Mother' },
  fatherName: { zh: '父亲姓名', en: 'Father' },
  birthCertificateNumber: { zh: '出生医学证明编号', en: 'Birth certificate number' },
  citizenIdNumber: { zh: '公民身份号码', en: 'Citizen ID number' },
  householdRecordNumber: { zh: '户籍档案号', en: 'Household record number' },
  householdAddress: { zh: '户籍地址', en: 'Household address' },
  insuranceNumber: { zh: '医保编号', en: 'Insurance number' },
  coverStartDate: { zh: '参保生效日期', en: 'Cover starts' },
  vaccinationCertificateNumber: { zh: '预防接种证编号', en: 'Vaccination certificate number' },
  clinic: { zh: '接种门诊', en: 'Vaccination clinic' },
  handbookNumber: { zh: '儿童保健手册编号', en: 'Handbook number' },
  communityHealthCentre: { zh: '社区卫生服务中心', en: 'Community health centre' },
};

const SEX: Record<string, string> = { female: '女 Female', male: '男 Male' };

export interface FactRow {
  key: string;
  label: LocalisedName;
  value: string;
}

/** A stated date-time in its own offset, as people write it: 2026-11-20 08:30 (UTC+08:00). */
function dateTime(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  if (!match) return value;
  return `${match[1]} ${match[2]} (UTC${match[3] === 'Z' ? '+00:00' : match[3]})`;
}

function show(key: string, value: unknown): string {
  if (key === 'sex' && typeof value === 'string') return SEX[value] ?? value;
  if (key === 'birthDateTime' && typeof value === 'string') return dateTime(value);
  if (key === 'birthPlace' && value && typeof value === 'object') {
    const place = value as { province?: string; city?: string; county?: string };
    return [place.province, place.city, place.county].filter(Boolean).join('');
  }
  return String(value);
}

/** The certificate's facts as labelled lines, unknown fields last under their own name. */
export function factRows(facts: CertificateFacts[CertificateType]): FactRow[] {
  const entries = Object.entries(facts).filter(([, v]) => v !== undefined && v !== null);
  const order = Object.keys(LABELS);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return entries
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, value]) => ({ key, label: LABELS[key] ?? { zh: key, en: key }, value: show(key, value) }));
}

/** Characters a font lacks, each once, with its code point (for a note under the facts). */
export function missingCharacters(texts: string[], has: (codePoint: number) => boolean): string[] {
  const missing = new Set<string>();
  for (const text of texts) {
    for (const ch of text) {
      const codePoint = ch.codePointAt(0) ?? 0;
      if (codePoint > 0x20 && !has(codePoint)) missing.add(ch);
    }
  }
  return [...missing].map(
    (ch) => `${ch} U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
