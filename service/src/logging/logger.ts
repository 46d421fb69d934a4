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

export function createLogger(options: { level: LogLevel; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'switchboard' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: pino.stdSerializers.err }
    },
    options.destination
  );
}

/** A named child logger: `component` says which part of the service wrote the line. */
export function componentLogger(logger: Logger, component: string, ids: { tenantId?: string } = {}): Logger {
  return logger.child({ component, ...ids });
}
