import { z } from 'zod'

/**
 * Every setting Kring reads from the environment, validated once at start.
 * A bad or missing value stops the process with a message naming the variable,
 * so a misconfigured server never starts half-working.
 */
const booleanFromString = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')

/**
 * Which reverse proxies may tell us the client's address in `X-Forwarded-For`:
 * `0` or `false` (the default) none, the connecting address is the client; a number `n`: the
 * `n` proxies right in front of Kring (the address `n` hops back in the chain is the client);
 * or a comma-separated list of the proxies' addresses or CIDR ranges (`10.0.0.2,fd00::/8`):
 * hops from those are skipped, the first other address is the client.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; addresses: string[] }

const proxyAddress = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()])
const trustProxyFromString = z.string().transform((raw, ctx): TrustProxy => {
  const value = raw.trim()
  if (value === '0' || value === 'false') return { kind: 'none' }
  if (/^\d+$/.test(value)) {
    const hops = Number(value)
    if (hops <= 10) return { kind: 'hops', hops }
  }
  const addresses = value.split(',').map((a) => a.trim())
  if (addresses.every((a) => proxyAddress.safeParse(a).success)) return { kind: 'addresses', addresses }
  ctx.addIssue({ code: 'custom', message: 'must be 0, a number of proxy hops (1–10) or a comma-separated list of proxy addresses or CIDR ranges' })
  return z.NEVER
})

const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://kring.example.org' }).optional(),
    AUTH_SECRET: z
      .string({ message: 'is required: a random string of at least 32 characters' })
      .min(32, { message: 'must be at least 32 characters (try: openssl rand -base64 48)' }),
    DATA_DIR: z.string().min(1).default('./data'),
    // sqlite:<path> (default: <DATA_DIR>/kring.sqlite) or postgres://user:password@host:port/database
    DATABASE_URL: z
      .string()
      .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, { message: 'must be sqlite:<path> or postgres://user:password@host:5432/database' })
      .optional(),
    // Several instances of Kring serving the same conferences: redis://[:password@]host:6379[/db] (or rediss://).
    REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, { message: 'must be redis://host:6379 or rediss://host:6380' }).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SYNC_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024),
    // What a fresh client downloads and the snapshot holds; a busy family board is a few MB.
    SYNC_MAX_BOARD_BYTES: z.coerce.number().int().min(64 * 1024).default(20 * 1024 * 1024),
    // The largest message the server sends (the whole board in sync step 2, presence for a joiner).
    SYNC_MAX_OUTGOING_BYTES: z.coerce.number().int().min(64 * 1024).default(32 * 1024 * 1024),
    // tldraw writes on every pointer move while dragging (60–120 per second on a fast screen).
    SYNC_WRITES_PER_SECOND: z.coerce.number().int().min(1).default(120),
    SYNC_WRITE_BYTES_PER_SECOND: z.coerce.number().int().min(1024).default(1024 * 1024),
    SYNC_MAX_WRITE_WAIT_MS: z.coerce.number().int().min(0).default(5_000),
    MEETING_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(64 * 1024),
    // Several instances: how long an instance that stopped answering still shows its people online.
    MEETING_PRESENCE_TTL_MS: z.coerce.number().int().min(1000).max(600_000).default(6_000),
    COMPACT_AFTER_UPDATES: z.coerce.number().int().min(1).default(500),
    ROOM_UNLOAD_DELAY_MS: z.coerce.number().int().min(0).default(0),
    TICKET_TTL_SECONDS: z.coerce.number().int().min(30).default(600),
    REVOCATION_POLL_MS: z.coerce.number().int().min(100).default(2000),
    TLDRAW_LICENSE_KEY: z.string().optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().min(1).default('Organisatie-account'),
    OIDC_DEFAULT_ROLE: z.enum(['facilitator', 'professional']).default('professional'),
    KRING_DISABLE_SECURE_COOKIES: booleanFromString.default(false),
    TRUST_PROXY: trustProxyFromString.default({ kind: 'none' }),
    // A family in one room behind one NAT: 12 people with a board (sync) and a meeting socket each is 24.
    MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(2).default(60),
    // One person with the board open in a few tabs or on a phone and a laptop; each holds two sockets.
    MAX_SOCKETS_PER_PARTICIPANT: z.coerce.number().int().min(2).default(8),
    // Retention (README "Retention and deletion"): a conference is deleted this many days after its
    // last activity; the facilitator may choose between the minimum and the maximum.
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
    RETENTION_MIN_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    RETENTION_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(730),
    // The audit log's own term (ids and events, no content), also after its conference is deleted.
    AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36500).default(1826),
    // How often the server looks for expired conferences (it also looks at start).
    RETENTION_SWEEP_MS: z.coerce.number().int().min(1000).default(60 * 60 * 1000),
    // Reminders between meetings (server/follow-up/reminders.ts): off unless an SMTP server is named.
    SMTP_URL: z
      .url({ message: 'must be an smtp:// or smtps:// URL such as smtps://user:password@mail.example.org:465' })
      .refine((url) => url.startsWith('smtp://') || url.startsWith('smtps://'), { message: 'must start with smtp:// or smtps://' })
      .optional(),
    MAIL_FROM: z.string().min(3).max(200).default('Kring <kring@localhost>'),
    REMINDER_INTERVAL_MS: z.coerce.number().int().min(1000).default(15 * 60 * 1000),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET]
    const set = oidc.filter((v) => v !== undefined).length
    if (set !== 0 && set !== 3) {
      ctx.addIssue({
        code: 'custom',
        path: ['OIDC_ISSUER'],
        message: 'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together',
      })
    }
    if (env.SYNC_MAX_OUTGOING_BYTES < env.SYNC_MAX_BOARD_BYTES + env.SYNC_MAX_MESSAGE_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['SYNC_MAX_OUTGOING_BYTES'],
        message: 'must be at least SYNC_MAX_BOARD_BYTES + SYNC_MAX_MESSAGE_BYTES, or a full board could not be sent',
      })
    }
    if (env.RETENTION_MIN_DAYS > env.RETENTION_DAYS || env.RETENTION_DAYS > env.RETENTION_MAX_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['RETENTION_DAYS'],
        message: `must lie between RETENTION_MIN_DAYS (${env.RETENTION_MIN_DAYS}) and RETENTION_MAX_DAYS (${env.RETENTION_MAX_DAYS})`,
      })
    }
    if (env.REDIS_URL !== undefined && !env.DATABASE_URL?.startsWith('postgres')) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_URL'],
        message: 'several instances share one database: set DATABASE_URL to a postgres:// URL (a SQLite file serves one instance only)',
      })
    }
  })

export type RawConfig = z.infer<typeof configSchema>

export interface KringConfig {
  nodeEnv: RawConfig['NODE_ENV']
  port: number
  host: string
  /** Where people reach Kring; used in invitation links and for secure cookies. */
  publicUrl: string
  authSecret: string
  dataDir: string
  /** The SQLite file, when the database is SQLite (the default). */
  sqlitePath: string
  /** What openDatabase opens (lib/server/db/connect.ts): a postgres:// URL or the SQLite path. */
  database: string
  /** Scale-out across instances (server/scale-out/); undefined: one instance, in-process only. */
  redisUrl: string | undefined
  logLevel: RawConfig['LOG_LEVEL']
  sync: {
    maxMessageBytes: number
    compactAfterUpdates: number
    roomUnloadDelayMs: number
    /** Refuse writes that grow a board past this (`board-full`). */
    maxBoardBytes: number
    /** Largest message sent to a client. */
    maxOutgoingBytes: number
    /** Each connection's writing pace (server/sync/write-pace.ts). */
    writesPerSecond: number
    writeBytesPerSecond: number
    maxWriteWaitMs: number
  }
  meeting: {
    maxMessageBytes: number
    /** Several instances: an instance's heartbeat lifetime (server/scale-out/meeting-presence.ts). */
    presenceTtlMs: number
  }
  ticketTtlSeconds: number
  revocationPollMs: number
  tldrawLicenseKey: string | undefined
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string; defaultRole: 'facilitator' | 'professional' } | undefined
  secureCookies: boolean
  /** Whose `X-Forwarded-For` to believe when deciding a client's address (lib/server/http/client-address.ts). */
  trustProxy: TrustProxy
  /** Simultaneous sync and meeting sockets, counted together (server/connection-limits.ts). */
  socketLimits: { perAddress: number; perParticipant: number }
  /** How long conferences and the audit log are kept (lib/server/conference/retention/). */
  retention: RetentionConfig
  /** E-mail reminders of due check-ins; null without SMTP_URL (the personal page still shows what is due). */
  mail: { smtpUrl: string; from: string; reminderIntervalMs: number } | null
}

export interface RetentionConfig {
  /** Days after the last activity a new conference is kept. */
  defaultDays: number
  /** The bounds of what the facilitator may choose, in days after the last activity. */
  minDays: number
  maxDays: number
  /** Days an audit entry is kept after it was written (also after its conference is deleted). */
  auditDays: number
  /** How often the server deletes what has expired. */
  sweepIntervalMs: number
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

/** Parse the environment into a typed config, or throw a ConfigError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): KringConfig {
  // Empty strings count as unset: `FOO=` in a .env file should mean "use the default".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const result = configSchema.safeParse(cleaned)
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    )
  }
  const e = result.data
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '')
  const dataDir = e.DATA_DIR
  const postgresUrl = e.DATABASE_URL?.startsWith('postgres') ? e.DATABASE_URL : undefined
  const sqlitePath = e.DATABASE_URL?.startsWith('sqlite:') ? e.DATABASE_URL.slice('sqlite:'.length) : `${dataDir}/kring.sqlite`
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    authSecret: e.AUTH_SECRET,
    dataDir,
    sqlitePath,
    database: postgresUrl ?? sqlitePath,
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    sync: {
      maxMessageBytes: e.SYNC_MAX_MESSAGE_BYTES,
      compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
      roomUnloadDelayMs: e.ROOM_UNLOAD_DELAY_MS,
      maxBoardBytes: e.SYNC_MAX_BOARD_BYTES,
      maxOutgoingBytes: e.SYNC_MAX_OUTGOING_BYTES,
      writesPerSecond: e.SYNC_WRITES_PER_SECOND,
      writeBytesPerSecond: e.SYNC_WRITE_BYTES_PER_SECOND,
      maxWriteWaitMs: e.SYNC_MAX_WRITE_WAIT_MS,
    },
    meeting: { maxMessageBytes: e.MEETING_MAX_MESSAGE_BYTES, presenceTtlMs: e.MEETING_PRESENCE_TTL_MS },
    ticketTtlSeconds: e.TICKET_TTL_SECONDS,
    revocationPollMs: e.REVOCATION_POLL_MS,
    tldrawLicenseKey: e.TLDRAW_LICENSE_KEY,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            name: e.OIDC_NAME,
            defaultRole: e.OIDC_DEFAULT_ROLE,
          }
        : undefined,
    // Cookies are Secure whenever Kring is reached over HTTPS; plain http is only for localhost.
    secureCookies: publicUrl.startsWith('https://') && !e.KRING_DISABLE_SECURE_COOKIES,
    trustProxy: e.TRUST_PROXY,
    socketLimits: { perAddress: e.MAX_SOCKETS_PER_ADDRESS, perParticipant: e.MAX_SOCKETS_PER_PARTICIPANT },
    retention: {
      defaultDays: e.RETENTION_DAYS,
      minDays: e.RETENTION_MIN_DAYS,
      maxDays: e.RETENTION_MAX_DAYS,
      auditDays: e.AUDIT_RETENTION_DAYS,
      sweepIntervalMs: e.RETENTION_SWEEP_MS,
    },
    mail: e.SMTP_URL ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, reminderIntervalMs: e.REMINDER_INTERVAL_MS } : null,
  }
}

const CONFIG_KEY = Symbol.for('kring.config')

/**
 * The process-wide config. The server and Next's route handlers run in one process but in
 * separately bundled module graphs, so the parsed config is cached on globalThis.
 */
export function getConfig(): KringConfig {
  const holder = globalThis as unknown as Record<symbol, KringConfig | undefined>
  const cached = holder[CONFIG_KEY]
  if (cached) return cached
  const config = parseConfig(process.env)
  holder[CONFIG_KEY] = config
  return config
}
