// org-emulator: a local Salesforce org that answers the REST API as Salesforce does. Library entry.
export { startOrg } from './server.ts';
export type { RunningOrg, StartOrgOptions } from './server.ts';
export { createApp } from './http/app.ts';
export { Emulator } from './http/emulator.ts';
export type { EmulatorInit, UserCredentials } from './http/emulator.ts';
export { OrgControl, ControlError } from './http/control.ts';
export type { OrgStatus } from './http/control.ts';
export { DEFAULT_SETTINGS } from './http/settings.ts';
export type { EmulatorSettings } from './http/settings.ts';
export type { QueuedFault, FaultKind } from './http/faults.ts';
export type { RequestLogEntry, RequestLogFilter } from './http/request-log.ts';
export type { UsageSnapshot } from './http/api-usage.ts';
export { ManualClock, systemClock } from './http/clock.ts';
export type { Clock } from './http/clock.ts';
export { SEEDED_CONNECTED_APP } from './oauth/connected-app.ts';
export { SEEDED_ADMIN_CREDENTIALS } from './seed/index.ts';
export type { OrgData, ValidationRule } from './model/org-api.ts';
export { SalesforceError } from './errors.ts';
