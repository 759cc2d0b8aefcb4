import pino, { type Logger } from 'pino'

/**
 * Structured logs. Child-protection data never goes to a log: we log ids and counts only,
 * and redact the fields that could carry a name, an email, a token or board content.
 */
export function createLogger(level: string, name = 'kring'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ['token', 'ticket', 'password', 'email', 'displayName', 'display_name', '*.token', '*.email', '*.name', 'req.headers.cookie', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  })
}

export type { Logger }
