/**
 * The shape of an invitation token: 43 base64url characters (32 random bytes). Browser-safe, so
 * the request schemas can check it without pulling the server's token module (node:crypto) into
 * a client bundle. Anything else is refused before a lookup.
 */
export const INVITE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/
