import { describe, expect, it } from 'vitest';
import { loadDepartmentSimulatorsConfig } from '../src/config.ts';

describe('the simulators’ configuration', () => {
  it('reads per-department behaviour from SIMULATOR_BEHAVIOUR, and none by default', () => {
    // Given a behaviour for two departments, and none at all
    const configured = loadDepartmentSimulatorsConfig({
      SIMULATOR_BEHAVIOUR: '{"cdc":{"mode":"reject","rejectCode":"OUT_OF_AREA"},"health":{"mode":"fail"}}',
    });
    // Then both are read, and the default is no override
    expect(configured.SIMULATOR_BEHAVIOUR).toEqual({
      cdc: { mode: 'reject', rejectCode: 'OUT_OF_AREA' },
      health: { mode: 'fail' },
    });
    expect(loadDepartmentSimulatorsConfig({}).SIMULATOR_BEHAVIOUR).toEqual({});
  });

  it('refuses behaviour that is not JSON, names an unknown department, or an unknown mode', () => {
    // Given three bad values, then each stops the start with a message naming the variable
    for (const value of ['not json', '{"tax":{"mode":"approve"}}', '{"cdc":{"mode":"explode"}}']) {
      expect(() => loadDepartmentSimulatorsConfig({ SIMULATOR_BEHAVIOUR: value })).toThrow(
        /SIMULATOR_BEHAVIOUR/,
      );
    }
  });

  it('reads each department system’s NATS user, and which systems are HTTP-style', () => {
    // Given credentials for health, and health switched to HTTP
    const config = loadDepartmentSimulatorsConfig({
      DEPARTMENT_NATS_CREDENTIALS: '{"health":{"user":"health","password":"secret"}}',
      DEPARTMENT_TRANSPORT: 'health=http',
    });
    // Then both are read; medical insurance and social security stay HTTP-style by default
    expect(config.DEPARTMENT_NATS_CREDENTIALS).toEqual({ health: { user: 'health', password: 'secret' } });
    expect(config.DEPARTMENT_TRANSPORT).toMatchObject({
      health: 'http',
      cdc: 'nats',
      'medical-insurance': 'http',
      'social-security': 'http',
    });
    // And credentials for an unknown department, or without a password, are refused by name
    for (const value of ['{"tax":{"user":"tax","password":"x"}}', '{"cdc":{"user":"cdc"}}']) {
      expect(() => loadDepartmentSimulatorsConfig({ DEPARTMENT_NATS_CREDENTIALS: value })).toThrow(
        /DEPARTMENT_NATS_CREDENTIALS/,
      );
    }
  });
});
