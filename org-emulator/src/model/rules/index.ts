// Which rules apply to which object.
import type { Schema } from '../types.ts';
import { eventRules, taskRelationRules, taskRules } from './activity.ts';
import { caseRules } from './case.ts';
import { contentDocumentRules, contentNoteRules, contentVersionRules } from './content.ts';
import type { ObjectRules } from './context.ts';
import { leadRules } from './lead.ts';
import { compoundNameRules } from './names.ts';
import { opportunityContactRoleRules } from './opportunity-contact-role.ts';
import { opportunityRules } from './opportunity.ts';
import { personAccountRules } from './person-account.ts';
import { groupRules, userRules } from './setup-objects.ts';

export type { DataAccess, DeleteContext, ObjectRules, SaveContext } from './context.ts';

export function rulesFor(schema: Schema): Map<string, ObjectRules[]> {
  const rules = new Map<string, ObjectRules[]>([
    ['contact', [compoundNameRules]],
    ['lead', [leadRules, compoundNameRules]],
    ['user', [compoundNameRules, userRules]],
    ['group', [groupRules]],
    ['opportunity', [opportunityRules]],
    ['opportunitycontactrole', [opportunityContactRoleRules]],
    ['case', [caseRules]],
    ['task', [taskRules]],
    ['event', [eventRules]],
    ['taskrelation', [taskRelationRules]],
    ['contentnote', [contentNoteRules]],
    ['contentversion', [contentVersionRules]],
    ['contentdocument', [contentDocumentRules]]
  ]);
  if (schema.field('Account', 'IsPersonAccount')) rules.set('account', [personAccountRules]);
  return rules;
}
