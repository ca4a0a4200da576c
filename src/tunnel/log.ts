// Structured logs; level from OMNI_LOG_LEVEL (default info).
import { pino, type Logger } from 'pino';

export type { Logger };

export function tunnelLogger(name: string): Logger {
  return pino({ name, level: process.env.OMNI_LOG_LEVEL ?? 'info' });
}
