import { pino } from 'pino';
import { oneOf } from './env.js';
import { currentRequest } from './request-context.js';

/**
 * JSON lines on stderr (pino): greppable by humans, parseable by log shippers. Each line carries
 * the service and, inside a request, its request id. Personal data must never be passed here
 * (see lib/subgraph/masking.ts); `redact` is a last line of defence for the obvious fields.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

/** Field names that hold personal data or secrets anywhere in a log line; their values are replaced. */
export const REDACTED_FIELDS = ['phone', 'idNumber', 'id_number', 'authorization', 'password', 'token', 'contact_phone', 'contact_name'];

/** LOG_LEVEL, which every service's env.ts reads. */
export const LOG_VARIABLES = { LOG_LEVEL: oneOf(LEVELS).default('info') };

let processLevel: LogLevel = 'info';

/**
 * The level of every logger created without one (LOG_LEVEL): a service's main.ts sets it from its
 * env.ts, loggers made while modules load included.
 */
export function setProcessLogLevel(level: LogLevel): void {
  processLevel = level;
}

export function createLogger(
  service: string,
  /** Unset: the process's level (setProcessLogLevel), as it is when each line is written. */
  minimum?: LogLevel,
  /** Where lines go; stderr unless given (tests capture them to prove no personal data is logged). */
  destination?: { write(line: string): void },
): Logger {
  const level = minimum === undefined ? 'debug' : LEVELS.includes(minimum) ? minimum : 'info';
  const logger = pino(
    {
      level,
      base: { service },
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const request = currentRequest();
        return request ? { requestId: request.requestId } : {};
      },
      redact: { paths: REDACTED_FIELDS.flatMap((field) => [field, `*.${field}`]), censor: '[redacted]' },
    },
    // Synchronous writes: lines from a crashing process must not be lost in a buffer.
    destination ?? pino.destination({ fd: 2, sync: true }),
  );
  const enabled = (method: LogLevel) => minimum !== undefined || LEVELS.indexOf(method) >= LEVELS.indexOf(processLevel);
  const write =
    (method: LogLevel) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (enabled(method)) logger[method](fields, message);
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
