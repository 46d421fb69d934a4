// Runs one of the check scripts as `npm run` does (a separate Node process), for exit-code and output assertions.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { checksDir } from './fixture-project.ts';

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: string[]): ScriptRun {
  const result = spawnSync(process.execPath, [path.join(checksDir, script), ...args], {
    encoding: 'utf8',
    env: { ...process.env, SF_DISABLE_TELEMETRY: 'true', SF_SKIP_NEW_VERSION_CHECK: 'true' },
    timeout: 120_000
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
