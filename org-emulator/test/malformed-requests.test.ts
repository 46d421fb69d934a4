// Hundreds of generated malformed requests against a running org: every answer is a well-formed Salesforce-style
// error (or a success) — never a 5xx, a stack trace or a hang — and the org still answers afterwards.
import { request } from 'node:http';
import type { Connection } from 'jsforce';
import { generateMalformedRequests } from './malformed-requests.ts';
import type { MalformedRequest } from './malformed-requests.ts';
import { startTestOrg } from './support.ts';
import type { TestOrg } from './support.ts';

// A fixed seed keeps the suite reproducible; ORG_FUZZ_SEED / ORG_FUZZ_COUNT explore further.
const SEED = Number(process.env['ORG_FUZZ_SEED'] ?? 20261123);
const COUNT = Number(process.env['ORG_FUZZ_COUNT'] ?? 600);
const ANSWER_TIMEOUT_MS = 10_000;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

describe('generated malformed requests', () => {
  let org: TestOrg;
  let conn: Connection;
  const problems: string[] = [];
  let answered = 0;

  beforeAll(async () => {
    org = await startTestOrg();
    conn = await org.login();
    const account = await conn.sobject('Account').create({ Name: 'Fuzz Target' });
    const lead = await conn.sobject('Lead').create({ LastName: 'Fuzz', Company: 'Fuzz Co', Ext_Id__c: 'EXT-1' });
    const contact = await conn.sobject('Contact').create({ LastName: 'Fuzz', AccountId: account.id });
    const requests = generateMalformedRequests(SEED, COUNT, {
      accessToken: conn.accessToken!,
      organizationId: org.org.organizationId,
      userId: org.org.adminUserId,
      accountId: account.id!,
      leadId: lead.id!,
      contactId: contact.id!
    });
    for (const [index, malformed] of requests.entries()) {
      let answer: Answer;
      try {
        answer = await send(org.port, malformed);
      } catch (error) {
        problems.push(`#${index} ${summarize(malformed)}: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      answered++;
      const problem = judge(malformed, answer);
      if (problem) problems.push(`#${index} ${summarize(malformed)} → ${answer.status}: ${problem}`);
    }
  }, 300_000);
  afterAll(() => org.stop());

  it(`answers all ${COUNT} of them in time`, () => {
    expect(problems.filter((p) => /no answer|socket|ECONNRESET/i.test(p))).toEqual([]);
    expect(answered).toBe(COUNT);
  });

  it('answers each one with a well-formed Salesforce-style error or a success', () => {
    expect(problems).toEqual([]);
  });

  it('still answers afterwards, and nothing leaked into Object.prototype', async () => {
    expect((await conn.query('SELECT Id FROM User LIMIT 1')).records).toHaveLength(1);
    expect((await conn.sobject('Lead').create({ LastName: 'After', Company: 'Fuzz Co' })).success).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

function summarize(request: MalformedRequest): string {
  const path = request.path.length > 160 ? `${request.path.slice(0, 160)}…` : request.path;
  const body = request.body === undefined ? '' : ` body ${JSON.stringify(request.body.slice(0, 120))}`;
  const encoding = request.headers['content-encoding'];
  const type = request.headers['content-type'];
  const headers = `${encoding ? ` [content-encoding: ${encoding}]` : ''}${type && !type.startsWith('application/json') ? ` [content-type: ${type}]` : ''}`;
  return `${request.method} ${path}${headers}${body}`;
}

/** Sends the request as raw as Node allows (any method, any path bytes it accepts). */
function send(port: number, malformed: MalformedRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const path = pathAsSent(malformed);
    const body = malformed.body === undefined ? undefined : Buffer.from(malformed.body, 'utf8');
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: malformed.method,
        path,
        headers: { ...malformed.headers, ...(body ? { 'content-length': String(body.length) } : {}) }
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') })
        );
        res.on('error', reject);
      }
    );
    req.setTimeout(ANSWER_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Node refuses to send characters outside \u0021-\u00ff in a path: those go percent-encoded, the rest raw. */
function pathAsSent(malformed: MalformedRequest): string {
  return malformed.path.replace(/[^\u0021-\u00ff]/gu, (c) => encodeURIComponent(c));
}

const STACK_TRACE = /\n\s+at .+:\d+:\d+|\/org-emulator\/src\/|node_modules/;
const JSON_TYPE = 'application/json;charset=UTF-8';

/** Undefined when the answer is what Salesforce would give for this kind of request; else what is wrong. */
function judge(request: MalformedRequest, answer: Answer): string | undefined {
  const { status, text } = answer;
  const contentType = String(answer.headers['content-type'] ?? '');
  if (status >= 500) return `a ${status}: ${text.slice(0, 200)}`;
  if (STACK_TRACE.test(text)) return `a stack trace or source path in the body: ${text.slice(0, 200)}`;
  if (status === 414 || status === 431) {
    return /^<h1>Bad Message (414|431)<\/h1>/.test(text) ? undefined : `front-door page expected: ${text}`;
  }
  // Bytes HTTP does not allow in a request target are refused by the front door before any API logic runs.
  if (status === 400 && /[\u007f-\u00ff]/.test(pathAsSent(request))) {
    return text === '' || /^<h1>Bad Message 400<\/h1>/.test(text) ? undefined : `front-door page expected: ${text}`;
  }
  const head = request.method === 'HEAD';
  switch (request.surface) {
    case 'rest': {
      if (!/^api-usage=\d+\/\d+$/.test(String(answer.headers['sforce-limit-info'] ?? ''))) {
        return 'no Sforce-Limit-Info header';
      }
      if (status >= 400) return head ? undefined : restErrorProblem(contentType, text);
      return head || status === 204 ? undefined : jsonProblem(contentType, text);
    }
    case 'versions':
    case 'elsewhere':
      if (status >= 400) return head ? undefined : restErrorProblem(contentType, text);
      return head ? undefined : jsonProblem(contentType, text);
    case 'oauth-token':
      if (status === 200) return head ? undefined : /"access_token"/.test(text) ? undefined : `no token: ${text}`;
      if (status === 404) return head ? undefined : restErrorProblem(contentType, text);
      return status === 400 && (head || isOAuthError(text)) ? undefined : `an OAuth error body expected: ${text}`;
    case 'oauth-revoke':
      if (status === 200) return undefined;
      if (status === 404) return restErrorProblem(contentType, text);
      return status === 400 && isOAuthError(text) ? undefined : `an OAuth error body expected: ${text}`;
    case 'oauth-authorize':
      if (status === 302) return answer.headers['location'] ? undefined : 'a redirect without a Location';
      if (status === 400) return head || /<h1>OAuth Error<\/h1>/.test(text) ? undefined : `an error page: ${text}`;
      if (status === 404) return restErrorProblem(contentType, text);
      return `an unexpected ${status}`;
    case 'identity':
      if (status === 200) return head ? undefined : jsonProblem(contentType, text);
      if (status === 403 || status === 404) {
        if (/^(Bad_OAuth_Token|Missing_OAuth_Token|Bad_Id)$/.test(text)) return undefined;
        return restErrorProblem(contentType, text);
      }
      return `an unexpected ${status}: ${text.slice(0, 200)}`;
  }
}

function restErrorProblem(contentType: string, text: string): string | undefined {
  if (contentType !== JSON_TYPE) return `content type ${contentType} for an error`;
  try {
    const body = JSON.parse(text) as unknown;
    const ok =
      Array.isArray(body) &&
      body.length > 0 &&
      body.every(
        (e: { message?: unknown; errorCode?: unknown }) =>
          typeof e.message === 'string' && typeof e.errorCode === 'string' && /^[A-Z_]+$/.test(e.errorCode)
      );
    return ok ? undefined : `not [{message, errorCode}]: ${text.slice(0, 200)}`;
  } catch {
    return `not JSON: ${text.slice(0, 200)}`;
  }
}

function jsonProblem(contentType: string, text: string): string | undefined {
  if (text === '') return undefined;
  if (contentType !== JSON_TYPE) return `content type ${contentType}`;
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    return `not JSON: ${text.slice(0, 200)}`;
  }
}

function isOAuthError(text: string): boolean {
  try {
    const body = JSON.parse(text) as { error?: unknown; error_description?: unknown };
    return typeof body.error === 'string' && typeof body.error_description === 'string';
  } catch {
    return false;
  }
}
