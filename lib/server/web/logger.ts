import { getConfig } from '@/lib/server/config/env'
import { createLogger, type Logger } from '@/lib/server/log/logger'

let logger: Logger | undefined

/** The web side's logger. Ids and error codes only: no names, emails, tokens or board content. */
export function getWebLogger(): Logger {
  logger ??= createLogger(getConfig().logLevel, 'kring-web')
  return logger
}
