// `npm run demo`: with `npm start` running, pushes a sample day of calls and prints the Tasks they became in the
// local org. The demo key and tenant come from ./data/local-secrets.json (written by `npm start`).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadOrCreateSecrets, secretsPath } from './lib/localSecrets.ts';
import { runDemo } from './lib/demo.ts';

const dataDir = path.resolve('data');
try {
  if (!existsSync(secretsPath(dataDir))) throw new Error('no ./data/local-secrets.json yet: run `npm start` first');
  const { secrets } = loadOrCreateSecrets(dataDir);
  if (!secrets.demo) throw new Error('no demo tenant yet: run `npm start` first');
  const serviceUrl = process.env.SWITCHBOARD_URL ?? 'http://127.0.0.1:3000';
  const orgUrl = process.env.ORG_URL ?? 'http://127.0.0.1:3100';
  await fetch(`${serviceUrl}/healthz`).catch(() => {
    throw new Error(`the service does not answer at ${serviceUrl}: is \`npm start\` running?`);
  });
  const tasks = await runDemo({
    serviceUrl,
    orgUrl,
    demoKey: secrets.demo.apiKey,
    tenantId: secrets.demo.tenantId,
    print: (line) => console.log(line)
  });
  process.exitCode = tasks.length > 0 ? 0 : 1;
} catch (error) {
  console.error(`npm run demo failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
