import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** Structured JSON logs on stdout. Redaction is a backstop: nothing should log these to begin with. */
export function createLogger(level: string, name = 'partner-graph'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ['authorization', 'req.headers.authorization', '*.authorization', 'token', '*.token'],
      censor: '[redacted]',
    },
  });
}
