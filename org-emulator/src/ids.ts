// Salesforce record ids: 15 case-sensitive characters (3-character key prefix, 2-character instance, 1 reserved,
// 9-character base-62 counter), or 18 with a 3-character case-safe checksum. The API always returns 18.
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_SHAPE_ANY_CASE = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-5]{3})?$/;

/** The 3-character suffix that makes a 15-character id case-insensitively unique. */
export function checksum(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) flags |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[flags];
  }
  return suffix;
}

/**
 * The canonical 18-character form of an id, or undefined when the value is not one. A 15-character id is
 * case-sensitive; an 18-character id is not: its suffix says which letters are capitals, so `001aa…` in any case
 * names the same record (a suffix that marks a digit as a capital is not an id).
 */
export function to18(value: string): string | undefined {
  if (typeof value !== 'string' || !ID_SHAPE_ANY_CASE.test(value)) return undefined;
  if (value.length === 15) return value + checksum(value);
  const suffix = value.slice(15).toUpperCase();
  let id15 = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    const flags = SUFFIX_ALPHABET.indexOf(suffix[chunk]!);
    if (flags < 0) return undefined;
    for (let i = 0; i < 5; i++) {
      const c = value[chunk * 5 + i]!;
      const capital = (flags & (1 << i)) !== 0;
      if (capital && !/[a-zA-Z]/.test(c)) return undefined;
      id15 += capital ? c.toUpperCase() : c.toLowerCase();
    }
  }
  return id15 + suffix;
}

/** True when the value is a 15-character id or an 18-character id (in any letter case) with a consistent suffix. */
export function isIdShaped(value: string): boolean {
  return to18(value) !== undefined;
}

export function keyPrefixOf(id: string): string {
  return id.slice(0, 3);
}

/** Issues ids for one org. The instance code keeps two emulated orgs' ids apart. */
export class IdFactory {
  private readonly counters = new Map<string, number>();
  private readonly instance: string;

  constructor(instance: string) {
    if (!/^[a-zA-Z0-9]{2}$/.test(instance)) throw new Error(`instance code must be 2 alphanumerics: ${instance}`);
    this.instance = instance;
  }

  next(keyPrefix: string): string {
    const n = (this.counters.get(keyPrefix) ?? 0) + 1;
    this.counters.set(keyPrefix, n);
    return IdFactory.build(keyPrefix, this.instance, n);
  }

  /** Makes sure ids issued later never collide with ids loaded from a data file. */
  observe(id: string): void {
    const prefix = keyPrefixOf(id);
    if (id.slice(3, 5) !== this.instance) return;
    const n = fromBase62(id.slice(6, 15));
    if (n > (this.counters.get(prefix) ?? 0)) this.counters.set(prefix, n);
  }

  static build(keyPrefix: string, instance: string, n: number): string {
    const id15 = `${keyPrefix}${instance}0${toBase62(n).padStart(9, '0')}`;
    return id15 + checksum(id15);
  }
}

function toBase62(n: number): string {
  let s = '';
  do {
    s = BASE62[n % 62] + s;
    n = Math.floor(n / 62);
  } while (n > 0);
  return s;
}

function fromBase62(s: string): number {
  let n = 0;
  for (const c of s) {
    const d = BASE62.indexOf(c);
    if (d < 0) return 0;
    n = n * 62 + d;
  }
  return n;
}
