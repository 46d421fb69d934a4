import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDotEnv } from './dotenv.ts';

describe('the local .env file', () => {
  it('fills in variables the environment does not set, and never overrides one it does', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-dotenv-'));
    try {
      writeFileSync(path.join(dir, '.env'), 'PORT=4000\nLOG_LEVEL=debug\n# a comment\nSQLITE_PATH="./x.db"\n');
      const env: NodeJS.ProcessEnv = { PORT: '5000' };
      expect(loadDotEnv(dir, env)).toBe(path.join(dir, '.env'));
      expect(env).toEqual({ PORT: '5000', LOG_LEVEL: 'debug', SQLITE_PATH: './x.db' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does nothing when there is no .env', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-dotenv-'));
    const env: NodeJS.ProcessEnv = {};
    expect(loadDotEnv(dir, env)).toBeUndefined();
    expect(env).toEqual({});
    rmSync(dir, { recursive: true, force: true });
  });
});
