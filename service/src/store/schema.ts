// The tables as kysely sees them. Times are Unix epoch milliseconds (BIGINT on PostgreSQL, INTEGER on SQLite):
// one representation that compares and sorts the same way on both engines. JSON values are stored as text.

export interface TenantsTable {
  id: string;
  name: string;
  created_at: number;
}

export interface ApiKeysTable {
  key_id: string;
  tenant_id: string;
  /** SHA-256 (hex) of the key's secret part. */
  secret_hash: string;
  created_at: number;
  /** Set when the key was rotated with a grace period: it stops working at this time. */
  expires_at: number | null;
  revoked_at: number | null;
}

export interface WebhookSecretsTable {
  secret_id: string;
  tenant_id: string;
  /** The `whsec_…` secret sealed by the token cipher (verification needs the secret itself). */
  secret_ciphertext: string;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
}

export interface WebhookReceiptsTable {
  tenant_id: string;
  webhook_id: string;
  received_at: number;
}

export const ACTIVITY_STATUSES = ['queued', 'processing', 'retrying', 'logged', 'skipped', 'failed'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export interface ActivitiesTable {
  tenant_id: string;
  /** The platform's id for the activity; unique per tenant. */
  activity_id: string;
  type: string;
  /** 1 on first receipt; +1 each time a push changes the content. */
  version: number;
  /** SHA-256 of the canonical JSON of the payload: an identical re-push is a duplicate. */
  content_hash: string;
  payload: string;
  status: ActivityStatus;
  /** Times a worker has claimed this version. */
  attempts: number;
  /**
   * When the item is next eligible for a claim: now for queued, the next attempt for retrying, the claim's
   * expiry for processing (a crashed worker's items come back then); null once logged, skipped or failed.
   */
  due_at: number | null;
  claim_id: string | null;
  /** JSON {code, message, fields?}: the last failure (retrying) or the final one (failed). */
  last_error: string | null;
  skip_rule: string | null;
  skip_reason: string | null;
  /** JSON [{object, id}]: the Salesforce records the activity was logged as. */
  salesforce_records: string | null;
  received_at: number;
  updated_at: number;
  processed_at: number | null;
}

export interface TenantLeasesTable {
  tenant_id: string;
  /** The claim holding the tenant (one batch of one worker); null when free. */
  holder: string | null;
  worker_id: string | null;
  lease_expires_at: number | null;
  /** No claims for this tenant before this time (its Salesforce API allowance is spent). */
  paused_until: number | null;
  pause_reason: string | null;
}

export interface SalesforceConnectionsTable {
  tenant_id: string;
  instance_url: string;
  org_id: string;
  user_id: string;
  /** production | sandbox | mydomain */
  environment: string;
  login_host: string;
  refresh_token_ciphertext: string;
  connected_at: number;
  updated_at: number;
  /** connected | error (the refresh token stopped working: the admin must reconnect). */
  status: string;
  access_token_ciphertext: string | null;
  error_code: string | null;
  error_message: string | null;
  error_at: number | null;
  /** The org's API usage as Salesforce last reported it (Sforce-Limit-Info). */
  api_used: number | null;
  api_limit: number | null;
  api_usage_at: number | null;
  tokens_refreshed_at: number | null;
  /** Held while one replica refreshes the tokens; others wait, then use what it stored. */
  refresh_lock_holder: string | null;
  refresh_lock_expires_at: number | null;
}

export interface ConnectTokensTable {
  /** SHA-256 (hex) of a single-use token that lets a browser start the OAuth connect of one tenant. */
  token_hash: string;
  tenant_id: string;
  created_at: number;
  expires_at: number;
}

export interface SalesforceApiCallsTable {
  tenant_id: string;
  /** Epoch ms of the minute the calls were made in. */
  minute_start: number;
  calls: number;
}

export interface OauthStatesTable {
  /** SHA-256 (hex) of the `state` value sent through the browser. */
  state_hash: string;
  tenant_id: string;
  code_verifier_ciphertext: string;
  environment: string;
  login_host: string;
  created_at: number;
  expires_at: number;
}

export interface Database {
  tenants: TenantsTable;
  api_keys: ApiKeysTable;
  webhook_secrets: WebhookSecretsTable;
  webhook_receipts: WebhookReceiptsTable;
  activities: ActivitiesTable;
  tenant_leases: TenantLeasesTable;
  salesforce_connections: SalesforceConnectionsTable;
  oauth_states: OauthStatesTable;
  connect_tokens: ConnectTokensTable;
  salesforce_api_calls: SalesforceApiCallsTable;
}
