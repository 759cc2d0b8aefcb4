import { parseArgs } from 'node:util'
import { z } from 'zod'
import { PASSWORD_MIN_LENGTH } from '../../lib/server/auth/password'
import { ConferenceId, ConferenceKind, ConferenceTitle, DisplayName, InvitableRole, UserRole } from '../../lib/conference/model'
import { ParticipantId } from '../../lib/protocol/api'
import { CheckpointId, ItemId } from '../../lib/protocol/history'
import { ConferenceChild, FactDate, FactTime, MAX_CHILDREN, MAX_ORGANISATION, MAX_PLACE } from '../../lib/conference/facts'

/** A mistake in how the CLI was called: printed with the usage hint, exit code 64 (EX_USAGE). */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CliUsageError'
  }
}

const Email = z.string().trim().toLowerCase().max(254).pipe(z.email())

/** "Sam:12" → { firstName: 'Sam', age: 12 } (validated by ConferenceChild afterwards). */
function childOf(value: string): unknown {
  const at = value.lastIndexOf(':')
  if (at < 0) return { firstName: value, age: Number.NaN }
  return { firstName: value.slice(0, at), age: /^\d{1,3}$/.test(value.slice(at + 1).trim()) ? Number(value.slice(at + 1)) : Number.NaN }
}

/** Each command's options, validated with the same schemas as the web app's API. */
export const commandSchemas = {
  'create-user': z.strictObject({
    email: Email,
    name: DisplayName,
    role: UserRole.default('facilitator'),
    password: z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(1024),
  }),
  'create-conference': z.strictObject({
    title: ConferenceTitle,
    kind: ConferenceKind.default('familiegroepsplan'),
    'facilitator-email': Email,
    /** For an evaluatie: the conference (of the same facilitator, with an agreed plan) it reviews. */
    reviews: ConferenceId.optional(),
    // The case-file facts (lib/conference/facts.ts), all optional; the facilitator can add them later.
    date: FactDate.optional(),
    time: FactTime.optional(),
    place: z.string().trim().min(1).max(MAX_PLACE).optional(),
    online: z.boolean().optional(),
    /** `--child Sam:12`, once per child. */
    child: z.array(z.string().transform(childOf).pipe(ConferenceChild)).max(MAX_CHILDREN).optional(),
    organisation: z.string().trim().min(1).max(MAX_ORGANISATION).optional(),
    'review-date': FactDate.optional(),
  }),
  invite: z.strictObject({
    conference: ConferenceId,
    name: DisplayName,
    role: InvitableRole,
    /** The person waits in the lobby until the facilitator lets them in. */
    admission: z.boolean().optional(),
  }),
  revoke: z.strictObject({ conference: ConferenceId, participant: ParticipantId }),
  'list-conferences': z.strictObject({}),
  'list-participants': z.strictObject({ conference: ConferenceId }),
  'board-history': z.strictObject({ conference: ConferenceId }),
  'board-restore': z.strictObject({
    conference: ConferenceId,
    checkpoint: CheckpointId,
    /** Comma-separated item ids: bring back just these; without, the whole board. */
    items: z
      .string()
      .transform((list) => list.split(',').map((id) => id.trim()).filter((id) => id !== ''))
      .pipe(z.array(ItemId).min(1).max(300))
      .optional(),
  }),
  'delete-conference': z.strictObject({ conference: ConferenceId }),
  'retention-sweep': z.strictObject({}),
} as const

export type CommandName = keyof typeof commandSchemas
export type CliCommand = { [K in CommandName]: { command: K; options: z.output<(typeof commandSchemas)[K]> } }[CommandName]
export type ParsedCli = CliCommand | { command: 'help' }

const optionSpec = {
  help: { type: 'boolean', short: 'h' },
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  password: { type: 'string' },
  title: { type: 'string' },
  kind: { type: 'string' },
  'facilitator-email': { type: 'string' },
  conference: { type: 'string' },
  participant: { type: 'string' },
  reviews: { type: 'string' },
  admission: { type: 'boolean' },
  checkpoint: { type: 'string' },
  items: { type: 'string' },
  date: { type: 'string' },
  time: { type: 'string' },
  place: { type: 'string' },
  online: { type: 'boolean' },
  child: { type: 'string', multiple: true },
  organisation: { type: 'string' },
  'review-date': { type: 'string' },
} as const

function isCommandName(value: string | undefined): value is CommandName {
  return value !== undefined && Object.hasOwn(commandSchemas, value)
}

/**
 * `kring <command> --option value …` → a validated command. The password may come from
 * KRING_PASSWORD instead of `--password`, which keeps it out of shell history and `ps`.
 */
export function parseCliArgs(argv: string[], env: Record<string, string | undefined> = {}): ParsedCli {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: optionSpec, allowPositionals: true, strict: true })
  } catch (err) {
    throw new CliUsageError(err instanceof Error ? err.message : String(err))
  }
  const { values, positionals } = parsed
  const [command, ...rest] = positionals
  if (values.help || command === undefined || command === 'help') return { command: 'help' }
  if (!isCommandName(command)) throw new CliUsageError(`unknown command "${command}"`)
  if (rest.length > 0) throw new CliUsageError(`unexpected argument "${rest[0]}"`)

  const { help: _help, ...options } = values
  const input: Record<string, unknown> = { ...options }
  if (command === 'create-user' && input.password === undefined && env.KRING_PASSWORD) input.password = env.KRING_PASSWORD

  const result = commandSchemas[command].safeParse(input)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.join('.')
      if (issue.code === 'unrecognized_keys') return `--${issue.keys.join(', --')} is not an option of ${command}`
      if (key === 'password' && input.password === undefined) return '--password (or KRING_PASSWORD) is required'
      return `--${key}: ${input[key] === undefined ? 'is required' : issue.message}`
    })
    throw new CliUsageError(problems.join('; '))
  }
  return { command, options: result.data } as CliCommand
}

export const HELP = `Kring admin CLI: prints JSON on stdout; errors as JSON on stderr with a non-zero exit code.

Usage: npm run kring -- <command> [options]

Commands:
  create-user        --email <e> --name <n> [--role facilitator|professional] [--password <p>]
                     (role defaults to facilitator; prefer KRING_PASSWORD=<p> over --password,
                      which would end up in your shell history; at least ${PASSWORD_MIN_LENGTH} characters)
  create-conference  --title <t> --facilitator-email <e>
                     [--kind familiegroepsplan|veiligheidsplan|netwerkkaart|evaluatie]
                     [--reviews <conferenceId>]
                     [--date YYYY-MM-DD] [--time HH:MM] [--place <p>] [--online]
                     [--child <first name>:<age> …] [--organisation <o>] [--review-date YYYY-MM-DD]
                     (the meeting's facts for the case file: the children by first name and age,
                      once per child; the facilitator can change them on the conference page)
                     (the board starts laid out for its kind; an evaluatie with --reviews starts
                      with the agreements of that conference's latest agreed plan: a conference
                      the same facilitator created)
  invite             --conference <id> --name <n> --role family|child|network|professional|observer
                     [--admission]
                     (prints participantId, joinUrl and token; the token is shown only now;
                      with --admission the person waits in the lobby until the facilitator lets them in)
  revoke             --conference <id> --participant <id>
                     (a running server closes the person's connections within REVOCATION_POLL_MS)
  list-conferences
  list-participants  --conference <id>
  board-history      --conference <id>
                     (the board's checkpoints, newest first: id, time, reason, editors' participant ids, items)
  board-restore      --conference <id> --checkpoint <checkpointId> [--items <itemId>,<itemId>…]
                     (the whole board back to the checkpoint, or just those deleted items; a running
                      server shows it on every open board within REVOCATION_POLL_MS; a checkpoint of
                      the board just before is taken first, to undo it)
  delete-conference  --conference <id>
                     (deletes the conference now: board, history, versions, participants and
                      invitations; prints the counts; a running server closes its open boards within
                      REVOCATION_POLL_MS; the audit log keeps ids and events for AUDIT_RETENTION_DAYS)
  retention-sweep    (deletes every conference past its retention date and purges the audit log
                      past AUDIT_RETENTION_DAYS now, as the server does at start and every RETENTION_SWEEP_MS)

Configuration comes from the same environment as the server (DATA_DIR or DATABASE_URL,
PUBLIC_URL or PORT for the links). AUTH_SECRET is not needed: the CLI signs nothing.

Exit codes: 0 ok, 1 failed (e.g. not found), 64 usage error, 78 configuration error.`
