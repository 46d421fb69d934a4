// The token endpoint's success body, in Salesforce's field order. `issued_at` is epoch milliseconds as a string
// (what real orgs send, whatever the docs say) and `signature` is Base64 HMAC-SHA256 over `id + issued_at` keyed
// with the client secret, so a client can check the response came from the org.
import { createHmac } from 'node:crypto';
import { identityUrl } from './identity.ts';
import type { AccessToken, RefreshToken } from './token-store.ts';

export interface TokenResponseBody {
  access_token: string;
  refresh_token?: string;
  signature: string;
  scope: string;
  instance_url: string;
  id: string;
  token_type: 'Bearer';
  issued_at: string;
}

export function tokenResponse(input: {
  access: AccessToken;
  refresh?: RefreshToken;
  baseUrl: string;
  organizationId: string;
  clientSecret: string;
}): TokenResponseBody {
  const id = identityUrl(input.baseUrl, input.organizationId, input.access.userId);
  const issuedAt = String(input.access.issuedAt);
  return {
    access_token: input.access.token,
    ...(input.refresh ? { refresh_token: input.refresh.token } : {}),
    signature: sign(id, issuedAt, input.clientSecret),
    scope: input.access.scope,
    instance_url: input.baseUrl,
    id,
    token_type: 'Bearer',
    issued_at: issuedAt
  };
}

export function sign(id: string, issuedAt: string, clientSecret: string): string {
  return createHmac('sha256', clientSecret)
    .update(id + issuedAt)
    .digest('base64');
}
