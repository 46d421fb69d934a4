// The emulator's control surface as a library API (startOrg returns one; /__org serves the same operations over
// HTTP). Every input is checked here, so both ways in give the same clear errors.
import type { ValidationRule } from '../model/org-api.ts';
import type { FieldValues } from '../model/types.ts';
import type { UsageSnapshot } from './api-usage.ts';
import type { Emulator } from './emulator.ts';
import type { QueuedFault } from './faults.ts';
import type { RequestHold } from './holds.ts';
import type { InFlightRequest } from './in-flight.ts';
import type { RequestLogEntry, RequestLogFilter } from './request-log.ts';
import type { EmulatorSettings } from './settings.ts';

export class ControlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ControlError';
  }
}

export interface OrgStatus {
  baseUrl: string | null;
  organizationId: string;
  adminUserId: string;
  adminUsername: string;
  clientId: string;
  callbackUrls: string[];
  settings: EmulatorSettings;
  apiUsage: UsageSnapshot;
  pendingFaults: QueuedFault[];
  /** Holds that have not yet stopped as many requests as they were armed for. */
  armedHolds: RequestHold[];
  /** Requests received and not answered yet (held ones included). */
  inFlightRequests: number;
  liveSessions: number;
  openQueryCursors: number;
  requests: { requests: number; counted: number };
}

export class OrgControl {
  private readonly emulator: Emulator;

  constructor(emulator: Emulator) {
    this.emulator = emulator;
  }

  status(): OrgStatus {
    const e = this.emulator;
    return {
      baseUrl: e.baseUrl ?? null,
      organizationId: e.org.organizationId,
      adminUserId: e.admin.userId,
      adminUsername: e.admin.username,
      clientId: e.connectedApp.clientId,
      callbackUrls: e.connectedApp.callbackUrls(),
      settings: { ...e.settings() },
      apiUsage: e.usage.snapshot(),
      pendingFaults: e.faults.pending(),
      armedHolds: e.holds.armed(),
      inFlightRequests: e.inFlight.count(),
      liveSessions: e.tokens.liveAccessTokenCount(),
      openQueryCursors: e.cursors.openCount(),
      requests: e.log.totals()
    };
  }

  settings(): EmulatorSettings {
    return { ...this.emulator.settings() };
  }

  /** Partial update: `{ rowLockRate: 0.1, latencyMs: 50 }`. */
  updateSettings(partial: unknown): EmulatorSettings {
    return { ...this.emulator.updateSettings(partial) };
  }

  /** Every access token dies now; the next API call gets 401 INVALID_SESSION_ID (refresh tokens still work). */
  expireSessions(): { expired: number } {
    return { expired: this.emulator.tokens.expireAllSessions() };
  }

  apiUsage(): UsageSnapshot {
    return this.emulator.usage.snapshot();
  }

  /** Spends the daily allowance until the given time (epoch ms, ISO text, or `{seconds}` from now). */
  exhaustApiAllowance(until: unknown): UsageSnapshot {
    this.emulator.usage.exhaustUntil(this.untilTime(until));
    return this.emulator.usage.snapshot();
  }

  resetApiUsage(): UsageSnapshot {
    this.emulator.usage.reset();
    return this.emulator.usage.snapshot();
  }

  /** "Fail the next N requests [matching method/path]": `{ kind, count?, method?, path?, records? }`. */
  injectFault(fault: unknown): QueuedFault {
    try {
      return this.emulator.faults.enqueue(fault);
    } catch (error) {
      throw new ControlError(error instanceof Error ? error.message : String(error));
    }
  }

  pendingFaults(): QueuedFault[] {
    return this.emulator.faults.pending();
  }

  clearFaults(): void {
    this.emulator.faults.clear();
  }

  /**
   * "Stop the next N requests [matching method/path] once their body is in, unanswered, until released":
   * `{ method?, path?, count? }`. A held request whose client leaves is still processed when released.
   */
  holdRequests(hold: unknown): RequestHold {
    try {
      return this.emulator.holds.arm(hold);
    } catch (error) {
      throw new ControlError(error instanceof Error ? error.message : String(error));
    }
  }

  /** The armed holds, and the requests they are holding now. */
  holds(): { armed: RequestHold[]; held: InFlightRequest[] } {
    return {
      armed: this.emulator.holds.armed(),
      held: this.emulator.inFlight.list().filter((request) => request.stage === 'held')
    };
  }

  /** Lets every held request go on to be processed (and answered, if its client is still there). */
  releaseHeldRequests(): { released: number } {
    return this.emulator.holds.release();
  }

  /** Disarms every hold and releases the requests held. */
  clearHolds(): { released: number; disarmed: number } {
    return this.emulator.holds.clear();
  }

  /** Requests received and not answered yet: how far each has got and whether its client is still connected. */
  inFlightRequests(): InFlightRequest[] {
    return this.emulator.inFlight.list();
  }

  installValidationRule(rule: unknown): ValidationRule {
    const checked = parseValidationRule(rule);
    this.emulator.org.installValidationRule(checked);
    return checked;
  }

  removeValidationRule(name: string): boolean {
    return this.emulator.org.removeValidationRule(name);
  }

  validationRules(): ValidationRule[] {
    return this.emulator.org.validationRules();
  }

  /**
   * Back to the seeded data; open query cursors, queued faults, holds and API usage are cleared too (held requests
   * are released, and run against the reset org). Sessions survive.
   */
  reset(): void {
    this.emulator.org.reset();
    this.emulator.cursors.clear();
    this.emulator.faults.clear();
    this.emulator.usage.reset();
    this.emulator.holds.clear();
  }

  exportRecords(): Record<string, FieldValues[]> {
    return this.emulator.org.exportRecords();
  }

  requests(filter: RequestLogFilter = {}): RequestLogEntry[] {
    return this.emulator.log.list(filter);
  }

  requestTotals(): { requests: number; counted: number } {
    return this.emulator.log.totals();
  }

  clearRequests(): void {
    this.emulator.log.clear();
  }

  addCallbackUrl(url: unknown): string[] {
    if (typeof url !== 'string') throw new ControlError('callback url must be a string');
    try {
      this.emulator.connectedApp.addCallback(url);
    } catch (error) {
      throw new ControlError(error instanceof Error ? error.message : String(error));
    }
    return this.emulator.connectedApp.callbackUrls();
  }

  callbackUrls(): string[] {
    return this.emulator.connectedApp.callbackUrls();
  }

  /** Writes the org to its data file; false when the emulator runs in memory only. */
  async save(): Promise<boolean> {
    if (!this.emulator.save) return false;
    await this.emulator.save();
    return true;
  }

  private untilTime(until: unknown): number {
    const now = this.emulator.clock.now();
    if (typeof until === 'number' && Number.isFinite(until)) return until;
    if (typeof until === 'string') {
      const t = Date.parse(until);
      if (Number.isNaN(t))
        throw new ControlError(`until must be an ISO date-time or epoch milliseconds, got ${JSON.stringify(until)}`);
      return t;
    }
    if (until instanceof Date) return until.getTime();
    if (typeof until === 'object' && until !== null && 'seconds' in until) {
      const seconds = (until as { seconds: unknown }).seconds;
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) {
        throw new ControlError(`seconds must be a positive number, got ${JSON.stringify(seconds)}`);
      }
      return now + seconds * 1000;
    }
    throw new ControlError('give until (ISO date-time or epoch ms) or seconds');
  }
}

function parseValidationRule(input: unknown): ValidationRule {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ControlError('a validation rule must be a JSON object');
  }
  const r = input as Record<string, unknown>;
  for (const key of ['name', 'object', 'condition', 'errorMessage']) {
    if (typeof r[key] !== 'string' || (r[key] as string).trim() === '') {
      throw new ControlError(`validation rule ${key} must be a non-empty string`);
    }
  }
  if (r['errorField'] !== undefined && typeof r['errorField'] !== 'string') {
    throw new ControlError('validation rule errorField must be a string');
  }
  if (r['active'] !== undefined && typeof r['active'] !== 'boolean') {
    throw new ControlError('validation rule active must be true or false');
  }
  const known = new Set(['name', 'object', 'condition', 'errorMessage', 'errorField', 'active']);
  const unknown = Object.keys(r).find((k) => !known.has(k));
  if (unknown) throw new ControlError(`unknown validation rule property '${unknown}'`);
  return {
    name: r['name'] as string,
    object: r['object'] as string,
    condition: r['condition'] as string,
    errorMessage: r['errorMessage'] as string,
    ...(r['errorField'] !== undefined ? { errorField: r['errorField'] as string } : {}),
    ...(r['active'] !== undefined ? { active: r['active'] as boolean } : {})
  };
}
