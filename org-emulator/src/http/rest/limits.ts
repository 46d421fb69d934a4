// `GET limits`: the org's allocations as `{Max, Remaining}` pairs. DailyApiRequests is live (the emulator meters
// it); the others are a Developer Edition's fixed allocations, reported untouched because the emulator does not
// consume them.
import type { ApiRequest, ApiResponse, RestContext } from './types.ts';

const DEVELOPER_EDITION_ALLOCATIONS: Record<string, number> = {
  ConcurrentAsyncGetReportInstances: 200,
  ConcurrentSyncReportRuns: 20,
  DailyAsyncApexExecutions: 250000,
  DailyBulkApiBatches: 15000,
  DailyBulkV2QueryFileStorageMB: 976562,
  DailyBulkV2QueryJobs: 10000,
  DailyGenericStreamingApiEvents: 10000,
  DailyStreamingApiEvents: 10000,
  DailyWorkflowEmails: 390,
  DataStorageMB: 5,
  FileStorageMB: 20,
  HourlyAsyncReportRuns: 1200,
  HourlyDashboardRefreshes: 200,
  HourlyDashboardResults: 5000,
  HourlyDashboardStatuses: 999999999,
  HourlyODataCallout: 10000,
  HourlyPublishedPlatformEvents: 50000,
  HourlySyncReportRuns: 500,
  HourlyTimeBasedWorkflow: 50,
  MassEmail: 10,
  SingleEmail: 15,
  StreamingApiConcurrentClients: 20
};

export function limitsResource(_req: ApiRequest, ctx: RestContext): ApiResponse {
  const usage = ctx.usage.snapshot();
  const body: Record<string, { Max: number; Remaining: number }> = {};
  for (const [name, max] of Object.entries(DEVELOPER_EDITION_ALLOCATIONS)) body[name] = { Max: max, Remaining: max };
  body['DailyApiRequests'] = { Max: usage.max, Remaining: usage.remaining };
  const sorted = Object.fromEntries(Object.entries(body).sort(([a], [b]) => a.localeCompare(b)));
  return { status: 200, body: sorted };
}
