// Phone numbers as platforms send them ("+1 (415) 555-0132", "415.555.0132", "020 7946 0958") normalised to E.164
// with libphonenumber-js, and the variants a SOSL PHONE FIELDS search must OR together: Salesforce stores phones
// exactly as typed and its phone index compares digits, with no documented country-code folding (reference §2.4),
// so "+1 415 555 0132" and "(415) 555-0132" are found only by searching both 14155550132 and 4155550132.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CountryCode } from 'libphonenumber-js';
import { soslTerm } from './queryText.ts';

export interface NormalisedPhone {
  /** +14155550132 */
  e164: string;
  /** Digit strings a stored value of this number may reduce to: international, national, national significant. */
  digitVariants: string[];
}

const digitsOf = (value: string) => value.replace(/\D/g, '');

/** The number in E.164 with its digit variants; undefined when the text is not a possible phone number. */
export function normalisePhone(raw: string, defaultRegion: string): NormalisedPhone | undefined {
  const parsed = parsePhoneNumberFromString(raw, defaultRegion as CountryCode);
  if (!parsed || !parsed.isPossible()) return undefined;
  const e164 = parsed.number;
  const digitVariants = [
    digitsOf(e164),
    digitsOf(parsed.formatNational()),
    digitsOf(String(parsed.nationalNumber))
  ].filter((digits, index, all) => digits.length > 0 && all.indexOf(digits) === index);
  return { e164, digitVariants };
}

/** The SOSL terms that find this number however it was stored: each digit variant, and the escaped +E.164. */
export function phoneSearchTerms(phone: NormalisedPhone): string[] {
  return [...phone.digitVariants.map((digits) => soslTerm(digits)), soslTerm(phone.e164)];
}

/** True when a stored phone value is this number (same E.164, or the same digits as one of its variants). */
export function storedPhoneMatches(stored: string | null | undefined, phone: NormalisedPhone, region: string): boolean {
  if (!stored) return false;
  if (phone.digitVariants.includes(digitsOf(stored))) return true;
  return normalisePhone(stored, region)?.e164 === phone.e164;
}
