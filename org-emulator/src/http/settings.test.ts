import { DEFAULT_SETTINGS, SettingsError, validateSettings } from './settings.ts';

describe('emulator settings', () => {
  it('defaults to a Developer Edition org with rotation on and no faults', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      accessTokenTtlSeconds: 7200,
      apiDailyLimit: 15000,
      refreshTokenRotation: true,
      searchLagSeconds: 0,
      latencyMs: 0,
      serviceUnavailableRate: 0,
      rowLockRate: 0
    });
  });

  it('accepts a partial update of known settings', () => {
    expect(validateSettings({ rowLockRate: 0.25, latencyMs: 10 })).toEqual({ rowLockRate: 0.25, latencyMs: 10 });
  });

  it.each([
    [{ rowLockRate: 2 }, 'rowLockRate must be a number from 0 to 1, got 2'],
    [{ apiDailyLimit: 1.5 }, 'apiDailyLimit must be a whole number from 0 to 1000000000, got 1.5'],
    [{ refreshTokenRotation: 'yes' }, 'refreshTokenRotation must be true or false, got "yes"'],
    [{ bogus: 1 }, "unknown setting 'bogus'"],
    [[1], 'settings must be a JSON object']
  ])('refuses %j naming the problem', (input, message) => {
    expect(() => validateSettings(input)).toThrow(SettingsError);
    expect(() => validateSettings(input)).toThrow(message);
  });
});
