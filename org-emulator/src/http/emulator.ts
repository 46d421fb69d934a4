// One emulated org as the HTTP layer serves it: the org's data plus the state Salesforce keeps around it
// (sessions, API usage, query cursors) and the emulator's own knobs (settings, faults, holds, the requests in
// flight and the request log).
import type { OrgData } from '../model/org-api.ts';
import { ConnectedApp, SEEDED_CONNECTED_APP } from '../oauth/connected-app.ts';
import type { ConnectedAppConfig } from '../oauth/connected-app.ts';
import { TokenStore } from '../oauth/token-store.ts';
import { ApiUsage } from './api-usage.ts';
import type { Clock } from './clock.ts';
import { systemClock } from './clock.ts';
import { Faults } from './faults.ts';
import { RequestHolds } from './holds.ts';
import { InFlightRequests } from './in-flight.ts';
import type { RandomSource } from './random.ts';
import { QueryCursors } from './query-cursors.ts';
import { RequestLog } from './request-log.ts';
import { DEFAULT_SETTINGS, validateSettings } from './settings.ts';
import type { EmulatorSettings } from './settings.ts';

export interface UserCredentials {
  username: string;
  password: string;
  userId: string;
}

export interface EmulatorInit {
  org: OrgData;
  /** Who may log in with the password grant and who the authorize page approves as. */
  admin: UserCredentials;
  settings?: Partial<EmulatorSettings>;
  clock?: Clock;
  random?: RandomSource;
  connectedApp?: ConnectedAppConfig;
  /** Fixed public base URL (startOrg sets it); otherwise derived from each request's Host header. */
  baseUrl?: string;
  /** Writes the org to its data file (`--data`); absent when the org lives in memory only. */
  save?: () => Promise<void>;
}

export class Emulator {
  readonly org: OrgData;
  readonly admin: UserCredentials;
  readonly clock: Clock;
  readonly usage: ApiUsage;
  readonly log = new RequestLog();
  readonly inFlight = new InFlightRequests();
  readonly holds = new RequestHolds();
  readonly faults: Faults;
  readonly cursors: QueryCursors;
  readonly tokens: TokenStore;
  readonly connectedApp: ConnectedApp;
  baseUrl: string | undefined;
  readonly save: (() => Promise<void>) | undefined;
  private current: EmulatorSettings;

  constructor(init: EmulatorInit) {
    this.org = init.org;
    this.admin = init.admin;
    this.clock = init.clock ?? systemClock;
    this.current = { ...DEFAULT_SETTINGS, ...validateSettings(init.settings ?? {}) };
    this.usage = new ApiUsage(this.clock, () => this.current.apiDailyLimit);
    this.faults = new Faults(init.random ?? Math.random, () => this.current);
    this.cursors = new QueryCursors(this.clock);
    this.tokens = new TokenStore(this.clock, init.org.organizationId);
    this.connectedApp = new ConnectedApp(
      init.connectedApp ?? { ...SEEDED_CONNECTED_APP, callbackUrls: [...SEEDED_CONNECTED_APP.callbackUrls] }
    );
    this.baseUrl = init.baseUrl;
    this.save = init.save;
  }

  settings(): Readonly<EmulatorSettings> {
    return this.current;
  }

  /** Applies a validated partial update; throws SettingsError naming the bad value. */
  updateSettings(input: unknown): Readonly<EmulatorSettings> {
    this.current = { ...this.current, ...validateSettings(input) };
    return this.current;
  }
}
