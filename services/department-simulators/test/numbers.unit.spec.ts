import { isBirthCertificateNumber, parseCitizenId } from '@onego/codes';
import { describe, expect, it } from 'vitest';
import {
  birthCertificateNumber,
  citizenIdNumber,
  communityHealthCentreFor,
  householdRecordNumber,
  vaccinationClinicFor,
} from '../src/domain/numbers.ts';

const caseRefs = Array.from({ length: 200 }, (_, i) => `GA${String(i).padStart(32, '0')}`);

describe('the numbers a simulated department assigns', () => {
  it('gives a citizen ID number with the household’s region, the child’s birth date and sex, and a valid checksum', () => {
    // Given many cases for girls and boys born on 2026-11-20 into a household of region 430681
    for (const [i, caseRef] of caseRefs.entries()) {
      const sex = i % 2 === 0 ? 'female' : 'male';
      // When a number is assigned
      const id = citizenIdNumber(caseRef, { region: '430681', birthDate: '2026-11-20', sex });
      // Then it parses under GB 11643 (checksum included) with those parts
      expect(parseCitizenId(id)).toMatchObject({ ok: true, region: '430681', birthDate: '2026-11-20', sex });
      expect(id.slice(0, 14)).toBe('43068120261120');
      expect(Number(id.charAt(16)) % 2).toBe(sex === 'male' ? 1 : 0);
    }
  });

  it('gives a birth certificate number of one upper-case letter and nine digits', () => {
    // Given many cases, then every number has the 出生医学证明 format, and they vary
    const numbers = caseRefs.map(birthCertificateNumber);
    expect(numbers.every((n) => /^[A-Z]\d{9}$/.test(n) && isBirthCertificateNumber(n))).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(numbers.map((n) => n[0])).size).toBeGreaterThan(10);
  });

  it('gives the same case the same numbers every time, and another case other numbers', () => {
    // Given one case asked twice, and a second case
    const [first, second] = caseRefs;
    const child = { region: '430681', birthDate: '2026-11-20', sex: 'female' } as const;
    // Then the numbers repeat for the same case only
    expect(birthCertificateNumber(first as string)).toBe(birthCertificateNumber(first as string));
    expect(citizenIdNumber(first as string, child)).toBe(citizenIdNumber(first as string, child));
    expect(householdRecordNumber(first as string, '430681')).toMatch(/^430681\d{6}$/);
    expect(birthCertificateNumber(first as string)).not.toBe(birthCertificateNumber(second as string));
  });

  it('assigns the clinic and community health centre of the township in the address', () => {
    // Given an address in 归义镇 and one in a city sub-district, and one with neither
    expect(vaccinationClinicFor('湖南省岳阳市汨罗市归义镇建设路18号')).toBe('归义镇卫生院预防接种门诊');
    expect(communityHealthCentreFor('湖南省岳阳市汨罗市归义镇建设路18号')).toBe('归义镇社区卫生服务中心');
    expect(vaccinationClinicFor('北京市东城区东华门街道南池子大街1号')).toBe(
      '东华门街道社区卫生服务中心预防接种门诊',
    );
    expect(communityHealthCentreFor('Flat 3, 12 Nathan Road')).toBe('辖区社区卫生服务中心');
  });
});
