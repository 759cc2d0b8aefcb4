import { createHash, randomBytes } from 'node:crypto'

/** A fresh invitation token: 32 random bytes, URL-safe. Only its hash is stored. */
export function createInviteToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Invitation tokens carry 256 bits of randomness, so a fast hash is enough to make a stolen
 * database useless for joining (a slow KDF only matters for guessable secrets like passwords).
 */
export function hashInviteToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/**
 * Random identifiers for rows that appear in URLs and CLI arguments: unguessable, URL-safe, and
 * never starting with '-', which a command line would read as an option (`--participant -x…`).
 */
export function createId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url')
    if (!id.startsWith('-')) return id
  }
}

export { INVITE_TOKEN_PATTERN } from '../../protocol/invite-token'
