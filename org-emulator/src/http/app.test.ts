import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import { createOrg } from '../model/org.ts';
import { SEEDED_ADMIN_CREDENTIALS } from '../seed/index.ts';
import { createApp } from './app.ts';
import { Emulator } from './emulator.ts';

describe('the express app', () => {
  it('answers an emulator bug as Salesforce answers its own: 500 UNKNOWN_EXCEPTION, no stack trace, logged', async () => {
    const org = createOrg({ forceAppDir: null });
    org.create = () => {
      throw new TypeError('cannot read properties of undefined (reading "boom")');
    };
    const emulator = new Emulator({ org, admin: { ...SEEDED_ADMIN_CREDENTIALS, userId: org.adminUserId } });
    const server = createServer(createApp(emulator));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const token = emulator.tokens.issueAccessToken({
        userId: org.adminUserId,
        clientId: 'switchboard-local',
        scope: 'api',
        ttlSeconds: 60,
        familyId: null
      }).token;
      const response = await fetch(`${base}/services/data/v62.0/sobjects/Account`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ Name: 'Bug' })
      });
      expect(response.status).toBe(500);
      const body = (await response.json()) as Array<{ errorCode: string; message: string }>;
      expect(body[0]?.errorCode).toBe('UNKNOWN_EXCEPTION');
      expect(body[0]?.message).toMatch(
        /^An unexpected error occurred\. Please include this ErrorId if you contact support: \d+-\d+$/
      );
      expect(JSON.stringify(body)).not.toContain('boom');
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
