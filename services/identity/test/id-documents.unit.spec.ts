import { describe, expect, it } from 'vitest';
import { documentLookupValue, maskDocumentNumber } from '../src/domain/id-documents.ts';

describe('masking a document number', () => {
  it('shows a resident ID as the platform always has: four characters at each end', () => {
    expect(maskDocumentNumber('resident-id', '430621199001010022')).toBe('4306**********0022');
  });

  it('keeps two characters at each end of any other document’s number', () => {
    expect(maskDocumentNumber('passport', 'E12345678')).toBe('E1*****78');
    expect(maskDocumentNumber('hk-macao-home-return-permit', 'H1234567890')).toBe('H1*******90');
    expect(maskDocumentNumber('hmt-residence-permit', '810000199001010022')).toBe('81**************22');
    expect(maskDocumentNumber('foreign-permanent-resident-id', 'USA123456789012')).toBe('US***********12');
  });

  it('hides at least half of a short number', () => {
    expect(maskDocumentNumber('taiwan-compatriot-permit', '12345678')).toBe('12****78');
    expect(maskDocumentNumber('passport', 'AB1234')).toBe('A****4');
    expect(maskDocumentNumber('passport', 'AB123')).toBe('A***3');
    expect(maskDocumentNumber('passport', 'AB1')).toBe('***');
  });

  it('keeps the length, so a clerk can compare it with the document in hand', () => {
    for (const number of ['E12345678', 'P0123456789ABCDEFGHI', '12345678']) {
      expect(maskDocumentNumber('passport', number)).toHaveLength(number.length);
    }
  });
});

describe('what a document is found by', () => {
  it('is a resident ID’s number alone, so accounts made before document types are still found', () => {
    expect(documentLookupValue('resident-id', '430621199001010022')).toBe('430621199001010022');
  });

  it('is any other number under its type, so the same characters under two types differ', () => {
    expect(documentLookupValue('passport', '12345678')).toBe('passport:12345678');
    expect(documentLookupValue('taiwan-compatriot-permit', '12345678')).toBe(
      'taiwan-compatriot-permit:12345678',
    );
  });
});
