import { pino, type Logger } from 'pino';

/** One parsed pino line. */
export interface LogEntry {
  level: number;
  msg: string;
  role?: string;
}

/** A debug-level pino logger whose entries a test can read (the Redis adapter's log-once rules). */
export function capturedLogger(): { logger: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const write = (line: string): void => {
    entries.push(JSON.parse(line) as LogEntry);
  };
  return { logger: pino({ level: 'debug' }, { write }), entries };
}
