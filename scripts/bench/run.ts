// `npm run bench`: benchmark scenarios through the real path, printed as tables and written as JSON.
// `npm run bench -- --help` lists the options. No thresholds: the figures are for people to read and compare.
import { runBench } from './bench.ts';
import { ConfigError } from '../../service/src/config/config.ts';
import { USAGE, UsageError, parseBenchArgs } from './options.ts';

try {
  const parsed = parseBenchArgs(process.argv.slice(2), process.env);
  if (parsed.help) {
    console.log(USAGE);
  } else {
    // Ctrl-C: the scenario running cleans up (drops its schema, removes its files); no further scenario starts.
    const interrupt = new AbortController();
    process.once('SIGINT', () => {
      console.error('interrupted: stopping the scenario in progress…');
      interrupt.abort();
    });
    const { report } = await runBench(
      parsed.options,
      { print: (text) => console.log(text), progress: (text) => console.error(text) },
      interrupt.signal
    );
    process.exitCode = report.interrupted ? 130 : report.failures.length > 0 ? 1 : 0;
  }
} catch (error) {
  const message = (error as Error).message;
  if (error instanceof UsageError) console.error(message);
  else if (error instanceof ConfigError)
    console.error(`npm run bench: the service settings passed through are wrong.\n${message}`);
  else console.error(`npm run bench failed: ${message}`);
  process.exitCode = error instanceof UsageError || error instanceof ConfigError ? 2 : 1;
}
