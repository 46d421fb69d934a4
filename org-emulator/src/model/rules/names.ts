// Compound person names: Contact, Lead and User (and person accounts) expose a read-only Name built from
// FirstName and LastName. Salutation is part of the compound field in describe but not of the Name value.
import type { FieldValues } from '../types.ts';
import type { ObjectRules, SaveContext } from './context.ts';
import { str } from './context.ts';

export function personName(values: FieldValues): string | null {
  const name = [str(values, 'FirstName'), str(values, 'LastName')].filter((p) => p && p.trim()).join(' ');
  return name === '' ? null : name;
}

export const compoundNameRules: ObjectRules = {
  derive(ctx: SaveContext): void {
    if (ctx.op === 'insert' || ctx.changed.has('FirstName') || ctx.changed.has('LastName')) {
      ctx.values['Name'] = personName(ctx.values);
    }
  }
};
