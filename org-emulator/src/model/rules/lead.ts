// Lead: a converted lead is frozen (CANNOT_UPDATE_CONVERTED_LEAD).
import { convertedLead } from '../dml-errors.ts';
import type { ObjectRules } from './context.ts';

export const leadRules: ObjectRules = {
  derive(ctx): void {
    if (ctx.op === 'update' && !ctx.system && ctx.before?.['IsConverted'] === true) throw convertedLead();
  }
};
