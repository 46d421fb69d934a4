// The admin command line: tenants, their keys and secrets, and dead letters. runCli() takes its arguments,
// environment and output streams as parameters so tests drive it exactly as a shell would.
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { ConfigError, loadConfig } from '../config/config.ts';
import type { Config } from '../config/config.ts';
import { createTokenCipher } from '../crypto/tokenCipher.ts';
import { createLogger } from '../logging/logger.ts';
import { createMetrics } from '../metrics/metrics.ts';
import { ConnectFlowError, createConnectFlow } from '../salesforce/connectFlow.ts';
import { DuplicateTenantNameError } from '../store/repositories/tenants.ts';
import type { Store } from '../store/store.ts';
import { openStore } from '../store/store.ts';
import {
  TenantAdminError,
  createTenant,
  listTenants,
  revokeApiKey,
  rotateApiKey,
  rotateWebhookSecret
} from '../tenants/tenantAdmin.ts';

export const USAGE = `Usage: npm run admin -- <command> [options]

  tenant create --name <name> [--json]        create a tenant; prints its API key and webhook secret once
  tenant list [--json]                        list tenants with their active key ids
  tenant keys --tenant <id>                   list a tenant's API keys
  tenant rotate-key --tenant <id> [--grace-hours <h>] [--json]
                                              issue a new API key; old keys work <h> more hours (default 0)
  tenant revoke-key --tenant <id> --key-id <key id>
                                              stop one API key at once
  tenant rotate-webhook-secret --tenant <id> [--grace-hours <h>] [--json]
                                              issue a new webhook signing secret
  dead-letters --tenant <id> [--limit <n>] [--json]
                                              list activities that failed for good
  replay --tenant <id> (--activity <id> ... | --all-failed)
                                              put failed activities back in the queue
  connect-link --tenant <id> [--environment production|sandbox|mydomain] [--host <my domain host>] [--json]
                                              a single-use link that connects the tenant's Salesforce org
  reencrypt                                   after a key rotation: re-encrypt every stored token and secret under
                                              TOKEN_ENCRYPTION_KEY (then the old key can leave
                                              TOKEN_ENCRYPTION_KEYS_PREVIOUS)

Configuration comes from the environment (TOKEN_ENCRYPTION_KEY, DATABASE_URL or SQLITE_PATH, and PUBLIC_BASE_URL
for connect links), as for the service.`;

class UsageError extends Error {}

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: Writable;
  stderr: Writable;
}

const OPTIONS = {
  name: { type: 'string' },
  tenant: { type: 'string' },
  'key-id': { type: 'string' },
  'grace-hours': { type: 'string' },
  activity: { type: 'string', multiple: true },
  'all-failed': { type: 'boolean' },
  limit: { type: 'string' },
  environment: { type: 'string' },
  host: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function required(values: Values, name: 'name' | 'tenant' | 'key-id'): string {
  const value = values[name];
  if (value === undefined || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}

function graceSeconds(values: Values): number {
  const raw = values['grace-hours'];
  if (raw === undefined) return 0;
  if (!/^\d+(\.\d+)?$/.test(raw) || Number(raw) > 24 * 90) {
    throw new UsageError('--grace-hours must be a number of hours between 0 and 2160');
  }
  return Math.round(Number(raw) * 3600);
}

const iso = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString());

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const out = (line = '') => io.stdout.write(`${line}\n`);
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals.join(' ');
  if (command === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.help || positionals.length === 0) {
    (positionals.length === 0 && !values.help ? io.stderr : io.stdout).write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }

  // Each command checks its arguments first (a usage error never needs the database), then returns its runner.
  const commands: Record<string, () => (store: Store, config: Config) => Promise<void>> = {
    'tenant create': () => {
      const name = required(values, 'name');
      return async (store) => {
        const created = await createTenant(store, { name });
        if (values.json) {
          const { tenant, apiKey, keyId, webhookSecret } = created;
          out(JSON.stringify({ tenant, apiKey, keyId, webhookSecret }));
          return;
        }
        out(`Created tenant "${created.tenant.name}" (${created.tenant.id}).`);
        out('Store these now; they are not shown again:');
        out(`  API key:                ${created.apiKey}`);
        out(`  webhook signing secret: ${created.webhookSecret}`);
      };
    },
    'tenant list': () => async (store) => {
      const tenants = await listTenants(store);
      if (values.json) {
        out(JSON.stringify(tenants));
        return;
      }
      if (tenants.length === 0) out('No tenants yet. Create one with: npm run admin -- tenant create --name <name>');
      for (const t of tenants) {
        const keys = t.activeKeyIds.join(', ') || 'none';
        out(
          `${t.id}  ${t.name}  created ${iso(t.createdAt)}  keys: ${keys}  salesforce: ${t.salesforceOrgId ?? 'not connected'}`
        );
      }
    },
    'tenant keys': () => {
      const tenantId = required(values, 'tenant');
      return async (store) => {
        if (!(await store.tenants.get(tenantId))) throw new TenantAdminError(`no tenant with id ${tenantId}`);
        for (const key of await store.apiKeys.listForTenant(tenantId)) {
          out(
            `${key.keyId}  created ${iso(key.createdAt)}  expires ${iso(key.expiresAt)}  revoked ${iso(key.revokedAt)}`
          );
        }
      };
    },
    'tenant rotate-key': () => {
      const input = { tenantId: required(values, 'tenant'), graceSeconds: graceSeconds(values) };
      return async (store) => {
        const rotated = await rotateApiKey(store, input);
        if (values.json) {
          out(JSON.stringify(rotated));
          return;
        }
        out(`New API key (shown once): ${rotated.apiKey}`);
        out(`Old keys (${rotated.oldKeyIds.join(', ') || 'none'}) stop working at ${iso(rotated.oldKeysExpireAt)}.`);
      };
    },
    'tenant revoke-key': () => {
      const input = { tenantId: required(values, 'tenant'), keyId: required(values, 'key-id') };
      return async (store) => {
        await revokeApiKey(store, input);
        out(`Revoked key ${input.keyId} of ${input.tenantId}.`);
      };
    },
    'tenant rotate-webhook-secret': () => {
      const input = { tenantId: required(values, 'tenant'), graceSeconds: graceSeconds(values) };
      return async (store) => {
        const rotated = await rotateWebhookSecret(store, input);
        if (values.json) {
          out(JSON.stringify(rotated));
          return;
        }
        out(`New webhook signing secret (shown once): ${rotated.webhookSecret}`);
        out(`Older secrets stop verifying at ${iso(rotated.oldSecretsExpireAt)}.`);
      };
    },
    'dead-letters': () => {
      const tenantId = required(values, 'tenant');
      const limit = values.limit === undefined ? 100 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
        throw new UsageError('--limit must be a whole number from 1 to 10000');
      }
      return async (store) => {
        if (!(await store.tenants.get(tenantId))) throw new TenantAdminError(`no tenant with id ${tenantId}`);
        const failed = await store.inbox.listFailed(tenantId, { limit });
        if (values.json) {
          // The payload holds people's data; the listing shows ids, times and errors only.
          out(JSON.stringify(failed.map(({ payload: _payload, ...rest }) => rest)));
          return;
        }
        if (failed.length === 0) out('No failed activities.');
        for (const a of failed) {
          const error = a.lastError ? `${a.lastError.code}: ${a.lastError.message}` : '';
          out(
            `${a.activityId}  ${a.type}  v${a.version}  attempts ${a.attempts}  failed ${iso(a.processedAt)}  ${error}`
          );
        }
      };
    },
    replay: () => {
      const tenantId = required(values, 'tenant');
      const activityIds = values.activity ?? [];
      if (Boolean(values['all-failed']) === activityIds.length > 0) {
        throw new UsageError('give either --activity <id> (one or more) or --all-failed');
      }
      return async (store) => {
        if (!(await store.tenants.get(tenantId))) throw new TenantAdminError(`no tenant with id ${tenantId}`);
        const result = await store.inbox.replay(tenantId, values['all-failed'] ? { allFailed: true } : { activityIds });
        const count = result.replayed.length;
        out(`Replayed ${count} activit${count === 1 ? 'y' : 'ies'}${count ? `: ${result.replayed.join(', ')}` : ''}.`);
        if (result.notFailed.length > 0) {
          throw new TenantAdminError(
            `not replayed (not failed, or unknown for this tenant): ${result.notFailed.join(', ')}`
          );
        }
      };
    }
  };

  commands['connect-link'] = () => {
    const tenantId = required(values, 'tenant');
    const environment = values.environment;
    if (environment !== undefined && !['production', 'sandbox', 'mydomain'].includes(environment)) {
      throw new UsageError('--environment must be production, sandbox or mydomain');
    }
    if (values.host !== undefined && environment !== 'mydomain') {
      throw new UsageError('--host goes with --environment mydomain');
    }
    return async (store, config) => {
      const flow = createConnectFlow({
        config,
        store,
        logger: createLogger({ level: 'silent' }),
        metrics: createMetrics()
      });
      let link;
      try {
        link = await flow.issueConnectLink(tenantId, {
          ...(environment !== undefined ? { environment } : {}),
          ...(values.host !== undefined ? { host: values.host } : {})
        });
      } catch (error) {
        if (error instanceof ConnectFlowError) throw new TenantAdminError(error.message);
        throw error;
      }
      if (values.json) {
        out(JSON.stringify({ url: link.url, expiresAt: iso(link.expiresAt) }));
        return;
      }
      out('Open this link in a browser to connect the Salesforce org (it works once):');
      out(`  ${link.url}`);
      out(`It expires at ${iso(link.expiresAt)}.`);
    };
  };

  commands.reencrypt = () => async (store) => {
    const connections = await store.salesforceConnections.reseal();
    const secrets = await store.webhookSecrets.reseal();
    out(`Re-encrypted ${connections} Salesforce connection(s) and ${secrets} webhook secret(s) under the current key.`);
  };

  const prepare = commands[command];
  if (!prepare) {
    io.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
    return 2;
  }

  let store: Store | undefined;
  try {
    const run = prepare();
    const config = loadConfig(io.env);
    store = await openStore({ config: config.store, cipher: createTokenCipher(config.tokenEncryptionKeys) });
    await store.migrate();
    await run(store, config);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (
      error instanceof ConfigError ||
      error instanceof TenantAdminError ||
      error instanceof DuplicateTenantNameError
    ) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    io.stderr.write(`Failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await store?.close();
  }
}
