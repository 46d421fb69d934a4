// The REST layer's own request/response model. Express requests are turned into ApiRequests once, so that the same
// handlers serve top-level calls and Composite subrequests.
import type { OrgData } from '../../model/org-api.ts';
import type { ApiUsage } from '../api-usage.ts';
import type { Clock } from '../clock.ts';
import type { Faults } from '../faults.ts';
import type { QueryCursors } from '../query-cursors.ts';
import type { EmulatorSettings } from '../settings.ts';

export interface ApiRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** Path segments after `/services/data/vXX.X`, percent-decoded. */
  segments: string[];
  /** The path after `/services/data/vXX.X`, as sent (fault matching). */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  /** Parsed JSON body; undefined when the request had none. */
  body: unknown;
  /** Major API version (62 for v62.0). */
  apiVersion: number;
  /** Set by a Composite request with allOrNone true: its sObject Collections subrequests are all-or-none too. */
  forceAllOrNone?: boolean;
}

export interface ApiResponse {
  status: number;
  /** JSON body; undefined for 204. */
  body?: unknown;
  headers?: Record<string, string>;
  /** The new record's URL after a create: Composite reports it as the subrequest's `Location` header. */
  location?: string;
}

/** Everything a handler may use: the org, the running user and the emulator's per-org services. */
export interface RestContext {
  org: OrgData;
  /** The instance URL (scheme, host, port) clients reach this org at. */
  baseUrl: string;
  userId: string;
  cursors: QueryCursors;
  faults: Faults;
  usage: ApiUsage;
  settings: () => Readonly<EmulatorSettings>;
  clock: Clock;
}

export type Handler = (req: ApiRequest, ctx: RestContext) => ApiResponse;

/** `62` → `'62.0'`, the form URLs and the query engines use. */
export const versionString = (apiVersion: number): string => `${apiVersion}.0`;

export const servicesPath = (apiVersion: number): string => `/services/data/v${versionString(apiVersion)}`;
