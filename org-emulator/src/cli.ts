// `npm run org -- --port 3100 [--namespace swb] [--data file.json] …`: starts one emulated org on 127.0.0.1 and
// prints its base URL and OAuth client id. With --data the org is loaded from the file at start and written back
// on SIGINT/SIGTERM and on POST /__org/save. `npm run org -- control <command>` drives a running one.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ControlCliError, runControlCommand } from './control-cli.ts';
import { USAGE, parseCliArgs } from './http/cli-options.ts';
import { SEEDED_CONNECTED_APP } from './oauth/connected-app.ts';
import { startOrg } from './server.ts';
import type { StartOrgOptions } from './server.ts';

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'control') {
    try {
      process.exitCode = await runControlCommand(argv.slice(1), { fetch, print: (text) => console.log(text) });
    } catch (error) {
      console.error(`org-emulator control: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = error instanceof ControlCliError ? 1 : 2;
    }
    return;
  }
  let options: StartOrgOptions | null;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    console.error(`org-emulator: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === null) {
    console.log(USAGE);
    return;
  }

  let running: Awaited<ReturnType<typeof startOrg>>;
  try {
    running = await startOrg(options);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message =
      code === 'EADDRINUSE'
        ? `port ${options.port} is already in use (try --port 0 for a free one)`
        : error instanceof Error
          ? error.message
          : String(error);
    console.error(`org-emulator: could not start: ${message}`);
    process.exitCode = 1;
    return;
  }

  // Handlers first: whoever reads the banner may signal right away.
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    try {
      if (await running.control.save()) console.log(`org-emulator: ${signal}: saved the org to ${options.dataFile}`);
    } catch (error) {
      console.error(`org-emulator: could not save the org: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
    await running.close();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  const status = running.control.status();
  console.log(`Salesforce org emulator listening on ${running.baseUrl}`);
  console.log(`  login and instance URL: ${running.baseUrl}`);
  console.log(`  OAuth client id:        ${SEEDED_CONNECTED_APP.clientId}`);
  console.log(`  admin user:             ${status.adminUsername}`);
  console.log(`  organization id:        ${status.organizationId}`);
  console.log(`  namespace:              ${options.namespace ?? '(none)'}`);
  console.log(`  data:                   ${options.dataFile ?? 'in memory'}`);
  console.log(`  control surface:        ${running.baseUrl}/__org`);
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) await main(process.argv.slice(2));
