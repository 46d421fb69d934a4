// Salesforce record ids as platforms send them in hints: 15 case-sensitive characters, or 18 with the 3-character
// case-safe checksum. The first 3 characters name the object (500 Case, 006 Opportunity, …).
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_SHAPE = /^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/;

function checksum(id15: string): string {
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

/** True for a 15-character id, or an 18-character id whose checksum matches its first 15 characters. */
export function isSalesforceId(value: string): boolean {
  if (!ID_SHAPE.test(value)) return false;
  return value.length === 15 || checksum(value.slice(0, 15)) === value.slice(15);
}

export const KEY_PREFIXES = {
  Account: '001',
  Contact: '003',
  Lead: '00Q',
  Opportunity: '006',
  Case: '500'
} as const;
export type HintObject = keyof typeof KEY_PREFIXES;

export function isIdOf(object: HintObject, value: string): boolean {
  return isSalesforceId(value) && value.startsWith(KEY_PREFIXES[object]);
}
