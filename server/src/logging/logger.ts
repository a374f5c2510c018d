import { pino, type Logger } from 'pino';

import { correlationId } from './correlation.js';

/**
 * Credentials that must never reach a log line, wherever an object carrying them is logged:
 * request headers, cookies, tokens and passwords (pino replaces them with "[Redacted]").
 */
export const REDACTED_PATHS = [
  'password',
  'token',
  '*.password',
  '*.token',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/** JSON lines on `destination` (stdout by default), each stamped with the current correlation id. */
export function createLogger(
  options: { level: string; base?: Record<string, unknown> },
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      level: options.level,
      base: options.base,
      redact: REDACTED_PATHS,
      mixin: () => {
        const id = correlationId();
        return id === undefined ? {} : { correlation_id: id };
      },
    },
    destination,
  );
}
