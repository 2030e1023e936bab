import { describe, expect, it } from 'vitest';
import { makeCertificateId, makeCertificateTypeCode, parseCertificateId } from '../src/index.ts';

const parts = {
  typeCode: makeCertificateTypeCode('11100000000013338W', 1),
  issuerCode: '11330105002500287C',
  serial: 42,
  version: 1,
};

describe('makeCertificateId', () => {
  it('lays out root, type code, issuer, zero-padded serial, version and check character', () => {
    expect(makeCertificateId(parts)).toMatch(
      /^1\.2\.156\.3005\.2\.11100000000013338W001\.11330105002500287C\.00000042\.001\.[0-9A-Z]$/,
    );
  });

  it('lets serials grow past eight digits', () => {
    const id = makeCertificateId({ ...parts, serial: 1_234_567_890 });
    expect(id.split('.')[7]).toBe('1234567890');
    expect(parseCertificateId(id)).toEqual({ ok: true, ...parts, serial: 1_234_567_890 });
  });

  it('refuses impossible parts', () => {
    expect(() => makeCertificateId({ ...parts, serial: 0 })).toThrow(RangeError);
    expect(() => makeCertificateId({ ...parts, version: 1000 })).toThrow(RangeError);
    expect(() => makeCertificateId({ ...parts, issuerCode: '11330105002500287D' })).toThrow(RangeError);
    expect(() => makeCertificateId({ ...parts, typeCode: 'BIRTH' })).toThrow(RangeError);
  });
});

describe('parseCertificateId', () => {
  it('round-trips generated identifiers', () => {
    for (let serial = 1; serial < 3000; serial += 7) {
      for (const version of [1, 2, 999]) {
        const given = { ...parts, serial, version };
        expect(parseCertificateId(makeCertificateId(given))).toEqual({ ok: true, ...given });
      }
    }
  });

  it('accepts an identifier published by a provincial platform', () => {
    const published = '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U';
    expect(parseCertificateId(published)).toEqual({
      ok: true,
      typeCode: '11100000000013338W011',
      issuerCode: '11430000006122244L',
      serial: 20230000403,
      version: 1,
    });
  });

  it('detects any single changed character in the checked fields', () => {
    // Given a valid id, when one checked character is replaced by another that keeps the fields
    // well-formed, then the parse fails.
    const id = makeCertificateId(parts);
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const start = '1.2.156.3005.2.'.length;
    for (let i = start; i < id.length; i++) {
      if (id[i] === '.') continue;
      for (const replacement of alphabet) {
        if (replacement === id[i]) continue;
        const tampered = id.slice(0, i) + replacement + id.slice(i + 1);
        expect(parseCertificateId(tampered).ok, tampered).toBe(false);
      }
    }
  });

  it('names the check character when only it is wrong', () => {
    const id = makeCertificateId(parts);
    const wrong = id.slice(0, -1) + (id.endsWith('0') ? '1' : '0');
    expect(parseCertificateId(wrong)).toEqual({ ok: false, reason: 'check character does not match' });
  });

  it('rejects malformed identifiers with a reason', () => {
    const id = makeCertificateId(parts);
    expect(parseCertificateId(id.replace('1.2.156.3005.2', '1.2.156.3005.1'))).toEqual({
      ok: false,
      reason: 'must start with 1.2.156.3005.2',
    });
    expect(parseCertificateId(id.replace('.00000042.', '.42.'))).toEqual({
      ok: false,
      reason: 'serial must be a positive integer zero-padded to 8 digits',
    });
    expect(parseCertificateId(id.replace('.001.', '.1.'))).toEqual({
      ok: false,
      reason: 'version must be 3 digits from 001',
    });
    expect(parseCertificateId(`${id}.X`).ok).toBe(false);
  });
});
