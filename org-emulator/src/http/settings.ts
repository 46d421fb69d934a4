// The knobs an emulated org can be turned with, at start (options, CLI flags) and at run time (control surface).
// Every value is validated here so that a bad flag or a bad control call gets one clear message naming it.

export interface EmulatorSettings {
  /** Lifetime of an access token; after it every API call answers 401 INVALID_SESSION_ID. */
  accessTokenTtlSeconds: number;
  /** The org's daily API allowance (Developer Edition: 15,000). */
  apiDailyLimit: number;
  /** A new refresh token on every refresh, the old one dead (External Client App with rotation on). */
  refreshTokenRotation: boolean;
  /** Records created or changed in the last N seconds are not yet found by SOSL. */
  searchLagSeconds: number;
  /** Added to every /services request before it is answered. */
  latencyMs: number;
  /** Share (0..1) of API requests answered 503 SERVER_UNAVAILABLE. */
  serviceUnavailableRate: number;
  /** Share (0..1) of record writes that fail with UNABLE_TO_LOCK_ROW. */
  rowLockRate: number;
}

export const DEFAULT_SETTINGS: Readonly<EmulatorSettings> = Object.freeze({
  accessTokenTtlSeconds: 7200,
  apiDailyLimit: 15000,
  refreshTokenRotation: true,
  searchLagSeconds: 0,
  latencyMs: 0,
  serviceUnavailableRate: 0,
  rowLockRate: 0
});

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

type Rule = { kind: 'int'; min: number; max: number } | { kind: 'rate' } | { kind: 'boolean' };

const RULES: Record<keyof EmulatorSettings, Rule> = {
  accessTokenTtlSeconds: { kind: 'int', min: 1, max: 30 * 24 * 3600 },
  apiDailyLimit: { kind: 'int', min: 0, max: 1_000_000_000 },
  refreshTokenRotation: { kind: 'boolean' },
  searchLagSeconds: { kind: 'int', min: 0, max: 24 * 3600 },
  latencyMs: { kind: 'int', min: 0, max: 120_000 },
  serviceUnavailableRate: { kind: 'rate' },
  rowLockRate: { kind: 'rate' }
};

export const SETTING_NAMES = Object.keys(RULES) as Array<keyof EmulatorSettings>;

/**
 * Checks a partial settings object (e.g. a control-surface PATCH body) and returns it typed. Unknown keys and
 * values of the wrong type or out of range are refused with a message naming the setting.
 */
export function validateSettings(input: unknown): Partial<EmulatorSettings> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SettingsError('settings must be a JSON object');
  }
  const out: Partial<EmulatorSettings> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!(key in RULES)) {
      throw new SettingsError(`unknown setting '${key}' (known: ${SETTING_NAMES.join(', ')})`);
    }
    const name = key as keyof EmulatorSettings;
    const rule = RULES[name];
    if (value === undefined) continue;
    if (rule.kind === 'boolean') {
      if (typeof value !== 'boolean') throw new SettingsError(`${name} must be true or false, got ${show(value)}`);
      (out as Record<string, unknown>)[name] = value;
    } else if (rule.kind === 'rate') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
        throw new SettingsError(`${name} must be a number from 0 to 1, got ${show(value)}`);
      }
      (out as Record<string, unknown>)[name] = value;
    } else {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < rule.min || value > rule.max) {
        throw new SettingsError(`${name} must be a whole number from ${rule.min} to ${rule.max}, got ${show(value)}`);
      }
      (out as Record<string, unknown>)[name] = value;
    }
  }
  return out;
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
