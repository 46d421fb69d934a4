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

describe('errors in the log', () => {
  it('when an error from Salesforce is logged, then its code and field names stay and the message quoting the data goes', () => {
    const { logger, lines } = capture();
    // The shape of jsforce's HttpApiError: name and errorCode are Salesforce's code, data is its answer.
    const salesforceError = Object.assign(new Error('Subject: data value too large: Call from +1 415 555 0142'), {
      name: 'STRING_TOO_LONG',
      errorCode: 'STRING_TOO_LONG',
      fields: ['Subject'],
      data: { message: 'Subject: data value too large: Call from +1 415 555 0142', errorCode: 'STRING_TOO_LONG' }
    });
    logger.error({ err: salesforceError, tenantId: 'ten_1' }, 'batch failed');
    const entry = JSON.parse(lines[0] as string) as { err: Record<string, unknown> };
    expect(entry.err).toEqual({
      type: 'STRING_TOO_LONG',
      errorCode: 'STRING_TOO_LONG',
      fields: ['Subject'],
      stack: expect.stringMatching(/^\s+at /)
    });
    expect(lines[0]).not.toContain('555');
  });

  it('when a database or network error is logged, then its message, code and cause stay, and no extra property does', () => {
    const { logger, lines } = capture();
    const duplicate = Object.assign(new Error('duplicate key value violates unique constraint "activities_pkey"'), {
      code: '23505',
      detail: 'Key (tenant_id, activity_id)=(ten_1, call-dana@example.com) already exists.'
    });
    const network = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })
    });
    logger.warn({ err: duplicate }, 'store');
    logger.warn({ err: network }, 'network');
    logger.warn({ err: 'a string thrown by mistake: Bearer swb_secret' }, 'odd');
    const [db, net, odd] = lines.map((line) => JSON.parse(line) as { err: Record<string, unknown> });
    expect(db?.err).toMatchObject({
      type: 'Error',
      code: '23505',
      message: 'duplicate key value violates unique constraint "activities_pkey"'
    });
    expect(net?.err).toMatchObject({
      type: 'TypeError',
      message: 'fetch failed',
      cause: { type: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }
    });
    expect(odd?.err).toEqual({ type: 'string' });
    expect(lines.join('')).not.toContain('dana@example.com');
    expect(lines.join('')).not.toContain('swb_secret');
  });
});
