// OpportunityContactRole: an opportunity has at most one primary contact role; marking one primary clears the
// flag on the others.
import type { ObjectRules } from './context.ts';
import { str } from './context.ts';

export const opportunityContactRoleRules: ObjectRules = {
  afterSave(ctx): void {
    if (ctx.values['IsPrimary'] !== true) return;
    if (ctx.op === 'update' && ctx.before?.['IsPrimary'] === true) return;
    const opportunityId = str(ctx.values, 'OpportunityId');
    if (!opportunityId) return;
    for (const other of ctx.data.children('OpportunityContactRole', 'OpportunityId', opportunityId)) {
      if (other.id !== ctx.id && other.values['IsPrimary'] === true) {
        ctx.data.updateSystem('OpportunityContactRole', other.id, { IsPrimary: false }, ctx.userId);
      }
    }
  }
};
