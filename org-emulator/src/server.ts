// startOrg: one emulated org listening on 127.0.0.1, built from the real data model (schema from the standard
// objects plus force-app, seeded data or a data file) and served by the HTTP layer.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createApp } from './http/app.ts';
import type { Clock } from './http/clock.ts';
import { systemClock } from './http/clock.ts';
import { OrgControl } from './http/control.ts';
import { Emulator } from './http/emulator.ts';
import { seededRandom } from './http/random.ts';
import { jettyErrorPage } from './http/request-size.ts';
import type { EmulatorSettings } from './http/settings.ts';
import { loadDataFile, saveDataFile } from './http/data-file.ts';
import { createOrg } from './model/org.ts';
import type { OrgData } from './model/org-api.ts';
import { SEEDED_ADMIN_CREDENTIALS } from './seed/index.ts';

export interface StartOrgOptions extends Partial<EmulatorSettings> {
  /** 0 (the default) picks a free port: what tests want. The CLI defaults to 3100. */
  port?: number;
  /** Package namespace applied to force-app objects and fields (`swb` → `swb__Sync_Status__c`). */
  namespace?: string | null;
  /** The export-format JSON file to load at start; `control.save()` (and the CLI on exit) writes the org back. */
  dataFile?: string;
  personAccounts?: boolean;
  /** The SFDX package directory to read custom objects and fields from (default: the repository's force-app). */
  forceAppDir?: string;
  /** Two-character id instance code, so ids of two emulated orgs never collide (random by default). */
  instance?: string;
  clock?: Clock;
  /** Seeds the dice of rate-based faults, for reproducible runs. */
  randomSeed?: number;
  /** Extra OAuth callback URLs for the seeded connected app. */
  callbackUrls?: string[];
}

export interface RunningOrg {
  baseUrl: string;
  port: number;
  org: OrgData;
  control: OrgControl;
  close(): Promise<void>;
}

const SETTING_KEYS: Array<keyof EmulatorSettings> = [
  'accessTokenTtlSeconds',
  'apiDailyLimit',
  'refreshTokenRotation',
  'searchLagSeconds',
  'latencyMs',
  'serviceUnavailableRate',
  'rowLockRate'
];

/** Node refuses oversized request heads itself; give it room so our own 414/431 answers apply first. */
const MAX_HEADER_SIZE = 256 * 1024;

export async function startOrg(options: StartOrgOptions = {}): Promise<RunningOrg> {
  const clock = options.clock ?? systemClock;
  const org = createOrg({
    namespace: options.namespace ?? null,
    personAccounts: options.personAccounts ?? false,
    ...(options.forceAppDir !== undefined ? { forceAppDir: options.forceAppDir } : {}),
    ...(options.instance !== undefined ? { instance: options.instance } : {}),
    clock
  });
  if (options.dataFile) await loadDataFile(org, options.dataFile);

  const settings: Partial<EmulatorSettings> = {};
  for (const key of SETTING_KEYS)
    if (options[key] !== undefined) (settings as Record<string, unknown>)[key] = options[key];

  const dataFile = options.dataFile;
  const emulator = new Emulator({
    org,
    admin: { ...SEEDED_ADMIN_CREDENTIALS, userId: org.adminUserId },
    settings,
    clock,
    ...(options.randomSeed !== undefined ? { random: seededRandom(options.randomSeed) } : {}),
    ...(dataFile ? { save: () => saveDataFile(org, dataFile) } : {})
  });
  for (const url of options.callbackUrls ?? []) emulator.connectedApp.addCallback(url);

  const control = new OrgControl(emulator);
  const server = createServer({ maxHeaderSize: MAX_HEADER_SIZE }, createApp(emulator, control));
  server.on('clientError', answerClientError);
  const port = await listen(server, options.port ?? 0);
  const baseUrl = `http://127.0.0.1:${port}`;
  emulator.baseUrl = baseUrl;

  return {
    baseUrl,
    port,
    org,
    control,
    close: () => close(server)
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Requests Node can't even parse (a head beyond 256 KB, garbage) still get an HTTP answer, then the socket closes. */
function answerClientError(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const reason = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  const page = jettyErrorPage(status, reason);
  // A HEAD answer has no body, or the client would read the page as the start of a next response.
  const head = Buffer.isBuffer(error.rawPacket) && error.rawPacket.subarray(0, 5).toString('latin1') === 'HEAD ';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/html;charset=iso-8859-1\r\nContent-Length: ${Buffer.byteLength(page)}\r\nConnection: close\r\n\r\n${head ? '' : page}`
  );
}
