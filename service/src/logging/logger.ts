// Structured logs (pino). Code logs ids (tenant, activity, request), never people's data or credentials; the
// redaction list below is the safety net for a field that slips through anyway.
import { pino } from 'pino';
import type { DestinationStream, Logger as PinoLogger } from 'pino';
import type { LogLevel } from '../config/config.ts';

export type Logger = PinoLogger;

const CREDENTIAL_FIELDS = [
  'authorization',
  'cookie',
  'apiKey',
  'api_key',
  'key',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'secret',
  'clientSecret',
  'client_secret',
  'webhookSecret',
  'password',
  'signature',
  'codeVerifier',
  'code_verifier',
  '["webhook-signature"]'
];
const PERSONAL_FIELDS = [
  'phone',
  'email',
  'from',
  'to',
  'cc',
  'attendees',
  'organizer',
  'body',
  'payload',
  'activities'
];

/** Every field above at the top level and up to two levels down (`req.headers.authorization`). */
export const REDACTED_PATHS = [...CREDENTIAL_FIELDS, ...PERSONAL_FIELDS].flatMap((field) => {
  const tail = field.startsWith('[') ? field : `.${field}`;
  return [field.startsWith('[') ? `*${field}` : field, `*${tail}`, `*.*${tail}`];
});

const MAX_MESSAGE_CHARS = 500;
const MAX_CAUSE_DEPTH = 3;

/**
 * An error as a log line may show it: its type, its codes, the field names it names, its stack frames, its cause.
 * pino's standard serializer copies every enumerable property, and the errors jsforce raises carry the Salesforce
 * answer (`data`); Salesforce's messages quote what was sent (a SOQL or SOSL text with phone numbers, a value too
 * long for its field). So an error that came from Salesforce keeps its code and drops its message; other errors
 * (ours, the network's, the database's) keep their message, but never extra properties such as pg's `detail`,
 * which quotes key values.
 */
export function errorForLog(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const fields = error as Error & { code?: unknown; errorCode?: unknown; data?: unknown; fields?: unknown };
  const fromSalesforce = typeof fields.errorCode === 'string' || fields.data !== undefined;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  const out: Record<string, unknown> = { type: error.name };
  if (typeof fields.errorCode === 'string') out.errorCode = fields.errorCode;
  if (typeof fields.code === 'string' || typeof fields.code === 'number') out.code = fields.code;
  if (Array.isArray(fields.fields)) out.fields = fields.fields.filter((f) => typeof f === 'string');
  if (!fromSalesforce) out.message = error.message.slice(0, MAX_MESSAGE_CHARS);
  if (frames) out.stack = frames;
  if (error.cause !== undefined && depth < MAX_CAUSE_DEPTH) out.cause = errorForLog(error.cause, depth + 1);
  return out;
}

export function createLogger(options: { level: LogLevel; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'switchboard' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: errorForLog }
    },
    options.destination
  );
}

/** A named child logger: `component` says which part of the service wrote the line. */
export function componentLogger(logger: Logger, component: string, ids: { tenantId?: string } = {}): Logger {
  return logger.child({ component, ...ids });
}
