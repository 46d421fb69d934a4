// Requests whose client leaves, over real sockets. Salesforce processes a request whose body it has received even
// when the client disconnects — the write commits, the call counts, only the answer is lost — and never sees one
// whose body was cut off. Holds and the in-flight view let a test act at an exact point of a request's life.
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import type { Connection } from 'jsforce';
import type { InFlightRequest, RequestLogEntry } from '../src/index.ts';
import { API_VERSION, eventually, startTestOrg } from './support.ts';
import type { TestOrg } from './support.ts';

const UPSERT_PATH = `/services/data/v${API_VERSION}/composite/sobjects/Task/Call_Key__c`;

/** A collection upsert of call Tasks by Call_Key__c, as the service sends it. */
function callTasks(keys: string[]): string {
  return JSON.stringify({
    allOrNone: false,
    records: keys.map((key) => ({
      attributes: { type: 'Task' },
      Call_Key__c: key,
      Subject: `Call ${key}`,
      Status: 'Completed',
      TaskSubtype: 'Call'
    }))
  });
}

describe('a request whose client leaves', () => {
  let org: TestOrg;
  let conn: Connection;

  beforeAll(async () => {
    org = await startTestOrg();
    conn = await org.login();
  });
  afterAll(() => org.stop());
  afterEach(() => {
    org.control.clearHolds();
    org.control.updateSettings({ latencyMs: 0 });
  });

  /** Opens a connection and sends the request with its whole body, or only the first `sendBytes` of it. */
  async function send(body: string, options: { sendBytes?: number } = {}): Promise<Socket> {
    const socket = connect(org.port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    socket.on('error', () => {});
    const bytes = Buffer.from(body);
    socket.write(
      `PATCH ${UPSERT_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${org.port}\r\nAuthorization: Bearer ${conn.accessToken}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${bytes.length}\r\n\r\n`
    );
    socket.write(bytes.subarray(0, options.sendBytes ?? bytes.length));
    return socket;
  }

  const inFlight = (check: (request: InFlightRequest) => boolean): InFlightRequest | undefined =>
    org.control.inFlightRequests().find((request) => request.path === UPSERT_PATH && check(request));
  const logEntry = (id: number): RequestLogEntry | undefined => org.control.requests().find((e) => e.id === id);
  const tasksKeyed = (keys: string[]): Array<Record<string, unknown>> =>
    (org.control.exportRecords()['Task'] ?? []).filter((task) => keys.includes(String(task['Call_Key__c'])));

  it('when the client disconnects during the added latency, then the upsert still commits, counts and is logged as unanswered', async () => {
    org.control.updateSettings({ latencyMs: 1000 });
    const usedBefore = org.control.apiUsage().used;
    const socket = await send(callTasks(['GONE-1', 'GONE-2']));
    const delayed = await eventually(
      () => inFlight((r) => r.stage === 'delayed'),
      'the upsert to wait out the latency'
    );
    socket.destroy();
    const gone = await eventually(
      () => inFlight((r) => r.id === delayed.id && r.clientGone),
      'the emulator to see the client leave'
    );
    // The premise: the client left before the request was processed.
    expect(gone.stage).toBe('delayed');

    const logged = await eventually(() => logEntry(delayed.id), 'the upsert to be processed');
    expect(logged).toMatchObject({ method: 'PATCH', path: UPSERT_PATH, status: 200, counted: true, clientGone: true });
    expect(org.control.apiUsage().used).toBe(usedBefore + 1);
    org.control.updateSettings({ latencyMs: 0 });
    const found = await conn.query<{ Call_Key__c: string; Subject: string; TaskSubtype: string }>(
      "SELECT Call_Key__c, Subject, TaskSubtype FROM Task WHERE Call_Key__c IN ('GONE-1', 'GONE-2') ORDER BY Call_Key__c"
    );
    expect(found.records.map((t) => [t.Call_Key__c, t.Subject, t.TaskSubtype])).toEqual([
      ['GONE-1', 'Call GONE-1', 'Call'],
      ['GONE-2', 'Call GONE-2', 'Call']
    ]);
    const unanswered = await org.controlCall<{ requests: RequestLogEntry[] }>('GET', '/requests?clientGone=true');
    expect(unanswered.body.requests.map((e) => e.id)).toContain(delayed.id);
  });

  it('when the client disconnects while its upsert is held, then nothing is written until the hold is released, and then it commits', async () => {
    org.control.holdRequests({ method: 'PATCH', path: '/composite/sobjects/Task', count: 1 });
    const socket = await send(callTasks(['HELD-1']));
    const held = await eventually(() => org.control.holds().held[0], 'the upsert to be held');
    expect(held).toMatchObject({ method: 'PATCH', path: UPSERT_PATH, stage: 'held', clientGone: false });
    socket.destroy();
    await eventually(() => inFlight((r) => r.id === held.id && r.clientGone), 'the emulator to see the client leave');
    expect(tasksKeyed(['HELD-1'])).toEqual([]);
    expect(logEntry(held.id)).toBeUndefined();

    expect(org.control.releaseHeldRequests()).toEqual({ released: 1 });
    const logged = await eventually(() => logEntry(held.id), 'the released upsert to be processed');
    expect(logged).toMatchObject({ status: 200, counted: true, clientGone: true });
    expect(tasksKeyed(['HELD-1']).map((t) => [t['Subject'], t['TaskSubtype']])).toEqual([['Call HELD-1', 'Call']]);
    expect(org.control.inFlightRequests()).toEqual([]);
  });

  it('when the body is cut off before it is complete, then nothing is written, counted or logged', async () => {
    const usedBefore = org.control.apiUsage().used;
    const body = callTasks(['HALF-1', 'HALF-2']);
    const socket = await send(body, { sendBytes: Math.floor(body.length / 2) });
    const receiving = await eventually(
      () => inFlight((r) => r.stage === 'receiving'),
      'the emulator to receive the start of the body'
    );
    socket.destroy();
    await eventually(
      () => (org.control.inFlightRequests().some((r) => r.id === receiving.id) ? undefined : true),
      'the emulator to drop the cut-off request'
    );
    expect(logEntry(receiving.id)).toBeUndefined();
    expect(org.control.apiUsage().used).toBe(usedBefore);
    expect(tasksKeyed(['HALF-1', 'HALF-2'])).toEqual([]);
  });

  it('when the client stays, then a held request is answered once released, while requests the hold does not match go through', async () => {
    org.control.holdRequests({ method: 'PATCH', path: '/composite/sobjects' });
    const answer = fetch(`${org.baseUrl}${UPSERT_PATH}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${conn.accessToken}`, 'content-type': 'application/json' },
      body: callTasks(['STAYED-1'])
    });
    const held = await eventually(() => org.control.holds().held[0], 'the upsert to be held');
    // The hold caught one request and is spent; a query (another method and path) is answered meanwhile.
    expect(org.control.holds().armed).toEqual([]);
    expect((await conn.query("SELECT Id FROM Task WHERE Call_Key__c = 'STAYED-1'")).totalSize).toBe(0);

    org.control.releaseHeldRequests();
    const response = await answer;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([{ id: expect.any(String), success: true, errors: [], created: true }]);
    expect(logEntry(held.id)).toMatchObject({ status: 200, clientGone: false });
  });

  it('the control surface arms, lists and clears holds, refuses bad ones by name, and reset releases held requests', async () => {
    const bad = await org.controlCall<{ error: string }>('POST', '/holds', { path: '/composite', forever: true });
    expect([bad.status, bad.body.error]).toEqual([400, "unknown hold property 'forever' (known: method, path, count)"]);
    const badCount = await org.controlCall<{ error: string }>('POST', '/holds', { count: 0 });
    expect(badCount.body.error).toBe('hold count must be a whole number from 1, got 0');

    const armed = await org.controlCall<{ id: number }>('POST', '/holds', {
      method: 'patch',
      path: '/nowhere',
      count: 2
    });
    expect(armed.status).toBe(201);
    expect(armed.body).toEqual({ id: expect.any(Number), method: 'PATCH', path: '/nowhere', remaining: 2 });
    expect((await org.controlCall('GET', '/holds')).body).toEqual({ armed: [armed.body], held: [] });
    expect((await org.controlCall('GET', '')).body).toMatchObject({ armedHolds: [armed.body], inFlightRequests: 0 });
    expect((await org.controlCall('DELETE', '/holds')).body).toEqual({ released: 0, disarmed: 1 });

    await org.controlCall('POST', '/holds', { path: '/composite/sobjects/Task' });
    const answer = fetch(`${org.baseUrl}${UPSERT_PATH}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${conn.accessToken}`, 'content-type': 'application/json' },
      body: callTasks(['RESET-1'])
    });
    const held = await eventually(() => org.control.holds().held[0], 'the upsert to be held');
    const listed = await org.controlCall<InFlightRequest[]>('GET', '/requests/in-flight');
    expect(listed.body).toEqual([{ ...held, at: expect.any(Number) }]);
    expect((await org.controlCall('POST', '/reset')).status).toBe(200);
    expect((await answer).status).toBe(200);
    expect(org.control.holds()).toEqual({ armed: [], held: [] });
  });
});
