import { describe, expect, it } from 'vitest'
import { CliUsageError, parseCliArgs } from '../../server/cli/args'
import { loadCliConfig } from '../../server/cli/config'
import { ConfigError } from '../../lib/server/config/env'

const CONFERENCE = 'nbeNWaHqGQsPqWAGz_VyRg'

describe('admin CLI arguments', () => {
  it('shows help for --help, help, or no command', () => {
    expect(parseCliArgs(['--help'])).toEqual({ command: 'help' })
    expect(parseCliArgs(['invite', '-h'])).toEqual({ command: 'help' })
    expect(parseCliArgs(['help'])).toEqual({ command: 'help' })
    expect(parseCliArgs([])).toEqual({ command: 'help' })
  })

  it('creates a facilitator by default, with the password from KRING_PASSWORD', () => {
    expect(parseCliArgs(['create-user', '--email', ' Fenna@Example.org', '--name', 'Fenna'], { KRING_PASSWORD: 'lang-genoeg-1' })).toEqual({
      command: 'create-user',
      options: { email: 'fenna@example.org', name: 'Fenna', role: 'facilitator', password: 'lang-genoeg-1' },
    })
  })

  it('prefers --password over the environment and checks its length', () => {
    const parsed = parseCliArgs(['create-user', '--email', 'a@b.nl', '--name', 'A', '--role', 'professional', '--password', 'van-de-regel-1'], {
      KRING_PASSWORD: 'uit-de-omgeving',
    })
    expect(parsed).toMatchObject({ options: { role: 'professional', password: 'van-de-regel-1' } })
    expect(() => parseCliArgs(['create-user', '--email', 'a@b.nl', '--name', 'A', '--password', 'kort'])).toThrow(/password/)
    expect(() => parseCliArgs(['create-user', '--email', 'a@b.nl', '--name', 'A'])).toThrow(/KRING_PASSWORD/)
  })

  it('parses invite and revoke with the same rules as the web app', () => {
    expect(parseCliArgs(['invite', '--conference', CONFERENCE, '--name', 'Tante Amira', '--role', 'network'])).toEqual({
      command: 'invite',
      options: { conference: CONFERENCE, name: 'Tante Amira', role: 'network' },
    })
    expect(() => parseCliArgs(['invite', '--conference', CONFERENCE, '--name', 'X', '--role', 'facilitator'])).toThrow(CliUsageError)
    expect(parseCliArgs(['revoke', '--conference', CONFERENCE, '--participant', '0-OInFUZDIciAEni1V5ayw'])).toMatchObject({ command: 'revoke' })
  })

  it('names what is wrong: unknown commands, unknown or misplaced options, missing values', () => {
    expect(() => parseCliArgs(['frobnicate'])).toThrow(/unknown command "frobnicate"/)
    expect(() => parseCliArgs(['list-conferences', '--bogus'])).toThrow(CliUsageError)
    expect(() => parseCliArgs(['list-conferences', '--title', 'x'])).toThrow(/--title is not an option of list-conferences/)
    expect(() => parseCliArgs(['list-participants'])).toThrow(/--conference: is required/)
    expect(() => parseCliArgs(['create-conference', '--title', 'T', '--facilitator-email', 'nope'])).toThrow(/--facilitator-email/)
    expect(() => parseCliArgs(['list-conferences', 'extra'])).toThrow(/unexpected argument/)
  })
})

describe('admin CLI configuration', () => {
  it('does not need AUTH_SECRET but reads everything else like the server', () => {
    const config = loadCliConfig({ DATA_DIR: '/tmp/kring-x', PUBLIC_URL: 'https://kring.example.org/' })
    expect(config.sqlitePath).toBe('/tmp/kring-x/kring.sqlite')
    expect(config.publicUrl).toBe('https://kring.example.org')
    expect(() => loadCliConfig({ PUBLIC_URL: 'not a url' })).toThrow(ConfigError)
  })
})
