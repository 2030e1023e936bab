import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from '../src/index.ts';

describe('masking identifiers', () => {
  it('keeps the first and last four characters of an ID number', () => {
    expect(maskIdNumber('430621199001010022')).toBe('4306**********0022');
  });

  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps the first and last character of a name, whole even outside the BMP', () => {
    expect(maskName('王小满')).toBe('王*满');
    expect(maskName('李芳')).toBe('李*');
    expect(maskName('𠀾小满')).toBe('𠀾*满');
    expect(maskName('阿依古丽·买买提')).toBe('阿******提');
  });
});
