// The standard objects the emulator knows, in a fresh org's shape.
import type { SObjectDef } from '../../model/types.ts';
import { accountObject } from './account.ts';
import { eventRelationObject, taskRelationObject, taskWhoRelationObject } from './activity-relations.ts';
import { eventObject, taskObject } from './activity.ts';
import { businessHoursObject } from './business-hours.ts';
import { caseObject } from './case.ts';
import { contactObject } from './contact.ts';
import {
  contentDocumentLinkObject,
  contentDocumentObject,
  contentNoteObject,
  contentVersionObject
} from './content.ts';
import { groupObject } from './group.ts';
import { leadObject } from './lead.ts';
import { opportunityContactRoleObject, opportunityObject } from './opportunity.ts';
import { organizationObject } from './organization.ts';
import { profileObject, userObject } from './user.ts';

export interface StandardObjectOptions {
  personAccounts: boolean;
}

export function standardObjects(options: StandardObjectOptions): SObjectDef[] {
  return [
    organizationObject(),
    userObject(),
    profileObject(),
    groupObject(),
    businessHoursObject(),
    accountObject(options),
    contactObject(options),
    leadObject(options),
    opportunityObject(),
    opportunityContactRoleObject(),
    caseObject(),
    taskObject(),
    taskRelationObject(),
    taskWhoRelationObject(),
    eventObject(),
    eventRelationObject(),
    contentDocumentObject(),
    contentVersionObject(),
    contentNoteObject(),
    contentDocumentLinkObject()
  ];
}

/** Objects that share another object's ids (a view of it), with the object whose ids they borrow. */
export const ID_SHARING_OBJECTS: Readonly<Record<string, string>> = {
  ContentNote: 'ContentDocument',
  TaskWhoRelation: 'TaskRelation'
};
