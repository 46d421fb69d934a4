// Who is calling: a tenant API key (Bearer) or a Standard Webhooks signature made with a tenant's secret.
// The tenant always comes from the verified credential, never from the request's say-so alone.
import { apiKeySecretMatches, hashApiKeySecret, parseApiKey } from '../crypto/apiKeys.ts';
import { webhookSignatureMatches } from '../crypto/webhookSignatures.ts';
import type { Store } from '../store/store.ts';

export interface AuthenticatedTenant {
  tenantId: string;
  via: 'api_key' | 'webhook_signature';
  keyId?: string;
}

// Compared against when the key id is unknown, so an unknown id costs the same work as a wrong secret.
const DECOY_HASH = hashApiKeySecret('decoy');

export async function authenticateApiKey(store: Store, presented: string): Promise<AuthenticatedTenant | undefined> {
  const parsed = parseApiKey(presented);
  if (!parsed) return undefined;
  const key = await store.apiKeys.findActive(parsed.keyId);
  const matches = apiKeySecretMatches(parsed.secret, key?.secretHash ?? DECOY_HASH);
  return key && matches ? { tenantId: key.tenantId, via: 'api_key', keyId: key.keyId } : undefined;
}

export async function authenticateWebhook(
  store: Store,
  input: { tenantId: string; id: string; timestamp: string; signatureHeader: string; body: Buffer }
): Promise<AuthenticatedTenant | undefined> {
  const secrets = await store.webhookSecrets.listActive(input.tenantId);
  if (secrets.length === 0) return undefined;
  return webhookSignatureMatches({ ...input, secrets })
    ? { tenantId: input.tenantId, via: 'webhook_signature' }
    : undefined;
}
