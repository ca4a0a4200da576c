import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** Structured JSON logs on stderr; `OMNI_LOG_LEVEL` sets the level (silent in tests). */
export function makeLogger(name: string, level = process.env.OMNI_LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level, redact: { paths: ['*.credentials', '*.token', '*.secretAccessKey', '*.privateKey', '*.password'], censor: '[redacted]' } }, pino.destination(2));
}
