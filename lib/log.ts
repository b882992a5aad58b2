/**
 * One JSON object per line on stderr: greppable by humans, parseable by log shippers.
 * Personal data must never be passed here (see lib/masking.ts).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error'];

export function createLogger(service: string, minimum: LogLevel = (process.env.LOG_LEVEL as LogLevel) || 'info'): Logger {
  const threshold = Math.max(0, LEVELS.indexOf(minimum));
  const write = (level: LogLevel) => (message: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS.indexOf(level) < threshold) return;
    process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level, service, message, ...fields }) + '\n');
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
