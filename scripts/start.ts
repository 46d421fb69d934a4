// `npm start`: the local Salesforce org (port 3100) and the Switchboard service (port 3000, with its worker) on the
// embedded SQLite store under ./data, and a demo tenant connected to the org through the real OAuth flow. Prints the
// URLs and the demo key; Ctrl-C stops both (the org's records are kept in ./data/org.json).
import path from 'node:path';
import { startLocalStack } from './lib/localStack.ts';

const dataDir = path.resolve('data');
try {
  const stack = await startLocalStack({ dataDir, orgPort: 3100, servicePort: 3000, env: process.env });
  console.log(`service: ${stack.serviceUrl}`);
  console.log(`org:     ${stack.orgUrl}   (local Salesforce org; control surface at ${stack.orgUrl}/__org)`);
  console.log(`demo key: ${stack.demoKey}`);
  console.log(
    `The demo tenant ${stack.tenantId} is connected to org ${stack.orgId}. ` +
      `Service logs: ${path.relative(process.cwd(), path.join(dataDir, 'service.log'))}. Next: npm run demo. Ctrl-C stops.`
  );
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping…`);
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`could not stop cleanly: ${(error as Error).message}`);
        process.exit(1);
      }
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = (error as { code?: string }).code;
  console.error(
    code === 'EADDRINUSE'
      ? `npm start: a port is already in use (${(error as Error).message}); is another copy running?`
      : `npm start failed: ${(error as Error).message}`
  );
  process.exit(1);
}
