/**
 * Contact details in free text, for the redacted export: phone numbers, e-mail addresses and
 * street addresses are removed. Patterns, not knowledge: what looks like one goes, and a date or a
 * time ("12-03-2026 15:30", "om 19:00") stays.
 */

/** Digits with the usual separators, at least 9 digits: phone numbers (and other long numbers). */
// Not followed by a digit or ":digit", so a date and time ("12-03-2026 15:30") is not taken for one.
const PHONE_LIKE = /(?<![\p{N}])\+?\(?\p{N}[\p{N}\s().\-/]{6,}\p{N}(?![\p{N}]|:\p{N})/gu

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu

/** Dutch street names end in one of these ("Kerkstraat", "Burg. de Withlaan", "Oudegracht"). */
const STREET_SUFFIX = 'straat|straatweg|laan|weg|plein|gracht|kade|singel|dreef|hof|pad|steeg|dijk|park|plantsoen|markt|wal|boulevard|allee|erf|baan|veld|ring|dam|haven|kamp|hoek|poort|burcht|oord'

/**
 * A street and house number: up to two words before the street's own ("Van Goghstraat",
 * "Burgemeester de Withlaan"), the house number and its addition ("12", "12a", "12-3", "12 bis").
 */
const STREET_ADDRESS = new RegExp(
  `(?:(?:\\p{Lu}[\\p{L}.'’-]*|van|de|der|den|het|ter|ten|op)\\s+){0,3}[\\p{L}'’-]*(?:${STREET_SUFFIX})\\s+\\p{N}{1,5}(?:\\s?[a-zA-Z](?![\\p{L}])|-\\p{N}{1,4}|\\s(?:bis|hs|huis|I{1,3})(?![\\p{L}]))?`,
  'gu',
)

/** A Dutch postcode ("1234 AB", "1234ab"; not "2026 en") and the place after it when it is capitalised. */
const POSTCODE = /(?<![\p{L}\p{N}])[1-9]\p{N}{3}(?:\s?[A-Z]{2}|[a-z]{2})(?![\p{L}\p{N}])(?:,?\s+\p{Lu}[\p{L}'’-]+(?:\s+(?:aan|op|in|den|de)\s+(?:de|den\s+)?\p{Lu}[\p{L}'’-]+)?)?/gu

export function redactContactDetails(text: string): string {
  return text
    .replace(EMAIL, '')
    .replace(STREET_ADDRESS, (match) => {
      // "de weg 3 keer" is no address: the street's word must start with a capital or follow one.
      return /\p{Lu}/u.test(match) ? '' : match
    })
    .replace(POSTCODE, '')
    .replace(PHONE_LIKE, (match) => ((match.match(/\p{N}/gu)?.length ?? 0) >= 9 ? '' : match))
}
