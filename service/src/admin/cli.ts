// `npm run admin -- <command>`: see USAGE in commands.ts.
import { loadDotEnv } from '../config/dotenv.ts';
import { runCli } from './commands.ts';

loadDotEnv();
process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr
});
