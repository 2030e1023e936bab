import { describe, expect, it } from 'vitest';
import { poolMax } from '../src/database.ts';

describe('the size of a database pool', () => {
  it('is ten connections when DATABASE_POOL_MAX is not set', () => {
    expect(poolMax(undefined)).toBe(10);
    expect(poolMax('')).toBe(10);
  });

  it('is what DATABASE_POOL_MAX says, from 1 to 100', () => {
    expect(poolMax('4')).toBe(4);
    expect(poolMax('100')).toBe(100);
  });

  it.each(['0', '101', '2.5', 'ten'])('refuses %s, naming the variable', (text) => {
    expect(() => poolMax(text)).toThrow(/DATABASE_POOL_MAX/);
  });
});
