// Auto-number fields (CaseNumber, custom AutoNumber names and fields): `EE-{00000000}` with the next number of
// the field's sequence. Sequences never go back, as in Salesforce (a rolled-back insert leaves a gap).
import type { FieldDef } from './types.ts';

export function formatAutoNumber(displayFormat: string, n: number, now: Date): string {
  return displayFormat.replace(/\{(0+|YYYY|YY|MM|DD)\}/g, (_all, token: string) => {
    switch (token) {
      case 'YYYY':
        return String(now.getUTCFullYear());
      case 'YY':
        return String(now.getUTCFullYear()).slice(-2);
      case 'MM':
        return String(now.getUTCMonth() + 1).padStart(2, '0');
      case 'DD':
        return String(now.getUTCDate()).padStart(2, '0');
      default:
        return String(n).padStart(token.length, '0');
    }
  });
}

/** Recovers the number from a formatted value, so sequences continue after imported records. */
export function parseAutoNumber(displayFormat: string, value: string): number | undefined {
  const pattern = displayFormat
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\\?\{(0+)\\?\}/g, '(\\d+)')
    .replace(/\\?\{(YYYY|YY|MM|DD)\\?\}/g, '\\d+');
  const m = new RegExp(`^${pattern}$`).exec(value);
  return m?.[1] ? Number(m[1]) : undefined;
}

export class AutoNumbers {
  private readonly next = new Map<string, number>();

  private key(objectName: string, f: FieldDef): string {
    return `${objectName.toLowerCase()}.${f.name.toLowerCase()}`;
  }

  take(objectName: string, f: FieldDef, now: Date): string {
    const key = this.key(objectName, f);
    const n = this.next.get(key) ?? f.startingNumber ?? 1;
    this.next.set(key, n + 1);
    return formatAutoNumber(f.displayFormat ?? '{0}', n, now);
  }

  observe(objectName: string, f: FieldDef, value: string): void {
    const n = parseAutoNumber(f.displayFormat ?? '{0}', value);
    if (n === undefined) return;
    const key = this.key(objectName, f);
    if (n + 1 > (this.next.get(key) ?? f.startingNumber ?? 1)) this.next.set(key, n + 1);
  }

  clear(): void {
    this.next.clear();
  }
}
