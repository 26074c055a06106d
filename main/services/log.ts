// Structured logging that cannot carry personal data: each entry is an event name plus a few
// scalar fields chosen by the caller (operation names, counts, durations, error classes).
// Free text from records never goes here; there is no API that accepts it.
type Scalar = string | number | boolean;
export type LogFields = Record<string, Scalar>;
export type LogSink = (level: 'info' | 'warn' | 'error', event: string, fields: LogFields) => void;

const consoleSink: LogSink = (level, event, fields) => {
  const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...fields });
  if (level === 'error') console.error(line);
  else if (process.env.HEARTH_LOG_VERBOSE === '1' || level === 'warn') console.warn(line);
};

let sink: LogSink = consoleSink;

export const log = {
  info: (event: string, fields: LogFields = {}) => sink('info', event, fields),
  warn: (event: string, fields: LogFields = {}) => sink('warn', event, fields),
  error: (event: string, fields: LogFields = {}) => sink('error', event, fields),
};

/** Replaces the sink (tests capture entries to prove no personal data is logged). */
export function setLogSink(next: LogSink | null): void {
  sink = next ?? consoleSink;
}
