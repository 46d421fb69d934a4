// The secrets `npm start` needs on this machine, generated on first start into a git-ignored file under ./data
// with 0600 permissions: the token encryption key and the demo tenant's API key. Never a default baked into code.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface LocalSecrets {
  tokenEncryptionKey: string;
  demo?: { tenantId: string; apiKey: string };
}

export const SECRETS_FILE = 'local-secrets.json';

export function secretsPath(dataDir: string): string {
  return path.join(dataDir, SECRETS_FILE);
}

/** Reads the file (tightening its permissions to 0600), or creates it with a fresh encryption key. */
export function loadOrCreateSecrets(dataDir: string): { secrets: LocalSecrets; created: boolean } {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = secretsPath(dataDir);
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
    if (typeof parsed.tokenEncryptionKey !== 'string') {
      throw new Error(`${file} has no tokenEncryptionKey; delete ${dataDir} to start over`);
    }
    return { secrets: parsed as LocalSecrets, created: false };
  }
  const secrets: LocalSecrets = { tokenEncryptionKey: randomBytes(32).toString('base64') };
  saveSecrets(dataDir, secrets);
  return { secrets, created: true };
}

/** Writes atomically, readable by the owner only. */
export function saveSecrets(dataDir: string, secrets: LocalSecrets): void {
  const file = secretsPath(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}
