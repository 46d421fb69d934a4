import { createLogger } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines };
}

describe('the logger', () => {
  it('writes structured JSON lines with the component of a named child logger', () => {
    const { logger, lines } = capture();
    logger.child({ component: 'worker', tenantId: 'ten_1' }).info({ activityId: 'call-1' }, 'claimed');
    expect(JSON.parse(lines[0] as string)).toEqual({
      level: 30,
      time: expect.any(String),
      service: 'switchboard',
      component: 'worker',
      tenantId: 'ten_1',
      activityId: 'call-1',
      msg: 'claimed'
    });
  });

  it('redacts credentials and personal data that reach it by mistake, up to three levels deep', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer swb_secret', 'webhook-signature': 'v1,sig', cookie: 'sid=1' } },
        apiKey: 'swb_key',
        refreshToken: '5Aep-token',
        connection: { accessToken: '00D-token', clientSecret: 'shh' },
        activity: { from: { phone: '+1 555 0100' }, email: 'dana@example.com' },
        payload: { anything: 'at all' }
      },
      'oops'
    );
    const line = lines[0] as string;
    for (const secret of [
      'swb_secret',
      'v1,sig',
      'sid=1',
      'swb_key',
      '5Aep-token',
      '00D-token',
      'shh',
      '+1 555 0100',
      'dana@example.com',
      'at all'
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(JSON.parse(line).req.headers).toEqual({
      authorization: '[redacted]',
      'webhook-signature': '[redacted]',
      cookie: '[redacted]'
    });
  });
});
