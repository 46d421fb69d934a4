// The people the benchmark org knows, and their phone numbers. The org stores each number as a person typed it
// (four human formats in turn); calls carry the same numbers in other formats, so matching has to normalise, as it
// does against a real org. Contacts, Leads and unknown callers each get an area code of their own, so a number
// says who it belongs to without a lookup.

export type PersonKind = 'contact' | 'lead' | 'unknown';

const AREA_CODES: Record<PersonKind, string> = { contact: '212', lead: '312', unknown: '646' };
/** Room for a million numbers per kind: exchange 200–299 and four digits. */
const MAX_PER_KIND = 1_000_000;

/** Ten US digits: area code, then 2000000 + index (exchange 200…, line 0000…). */
export function nationalDigits(kind: PersonKind, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_PER_KIND) {
    throw new Error(`a ${kind} phone index must be a whole number from 0 to ${MAX_PER_KIND - 1}, got ${index}`);
  }
  return `${AREA_CODES[kind]}${2_000_000 + index}`;
}

const STORED_FORMATS = [
  (d: string) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
  (d: string) => `+1 ${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => d
];

const PUSHED_FORMATS = [
  (d: string) => `+1${d}`,
  (d: string) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => `+1 (${d.slice(0, 3)}) ${d.slice(3, 6)} ${d.slice(6)}`
];

/** The number as the org stores it. */
export function storedPhone(kind: PersonKind, index: number): string {
  return (STORED_FORMATS[index % STORED_FORMATS.length] as (d: string) => string)(nationalDigits(kind, index));
}

/** The number as a phone platform sends it (another format than the stored one). */
export function pushedPhone(kind: PersonKind, index: number): string {
  return (PUSHED_FORMATS[index % PUSHED_FORMATS.length] as (d: string) => string)(nationalDigits(kind, index));
}

export interface SeedCounts {
  contacts: number;
  leads: number;
}

/** Field values of the benchmark's Contacts (Phone or MobilePhone in turn) and Leads (Phone), no namespace. */
export function contactValues(index: number): Record<string, unknown> {
  const phoneField = index % 2 === 0 ? 'Phone' : 'MobilePhone';
  return {
    FirstName: 'Bench',
    LastName: `Contact ${index}`,
    [phoneField]: storedPhone('contact', index),
    Email: `contact${index}@bench.example`
  };
}

export function leadValues(index: number): Record<string, unknown> {
  return {
    FirstName: 'Bench',
    LastName: `Lead ${index}`,
    Company: `Company ${index % 397}`,
    Phone: storedPhone('lead', index),
    Email: `lead${index}@bench.example`
  };
}
