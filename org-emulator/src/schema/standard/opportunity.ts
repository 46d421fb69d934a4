// Opportunity and OpportunityContactRole. IsClosed, IsWon and ForecastCategory follow the stage.
import type { SObjectDef } from '../../model/types.ts';
import {
  auditFields,
  checkbox,
  currency,
  date,
  datetime,
  double,
  idField,
  int,
  isDeletedField,
  lastActivityDate,
  lastReferencedDate,
  lastViewedDate,
  ownerField,
  percent,
  picklist,
  READ_ONLY,
  reference,
  REQUIRED,
  text,
  textArea
} from '../fields.ts';
import { sobject } from '../objects.ts';
import {
  CONTACT_ROLES,
  FORECAST_CATEGORIES,
  FORECAST_CATEGORY_NAMES,
  LEAD_SOURCES,
  OPPORTUNITY_STAGES,
  OPPORTUNITY_TYPES
} from './picklists.ts';

export function opportunityObject(): SObjectDef {
  return sobject(
    'Opportunity',
    'Opportunity',
    'Opportunities',
    '006',
    [
      idField('Opportunity ID'),
      isDeletedField(),
      reference('AccountId', ['Account'], 'Account', {
        label: 'Account ID',
        childRelationshipName: 'Opportunities',
        cascadeDelete: true
      }),
      checkbox('IsPrivate', false, { label: 'Private' }),
      text('Name', 120, { ...REQUIRED, nameField: true, searchGroup: 'name' }),
      textArea('Description', 32000),
      picklist(
        'StageName',
        OPPORTUNITY_STAGES.map((s) => s.value),
        { label: 'Stage', ...REQUIRED }
      ),
      currency('Amount', 18, 2),
      percent('Probability', 3, 0, { label: 'Probability (%)', defaultedOnCreate: true }),
      currency('ExpectedRevenue', 18, 2, {
        label: 'Expected Amount',
        ...READ_ONLY,
        calculated: true,
        calculatedFormula: 'Amount * Probability / 100'
      }),
      double('TotalOpportunityQuantity', 18, 2, { label: 'Quantity' }),
      date('CloseDate', { label: 'Close Date', ...REQUIRED }),
      picklist('Type', OPPORTUNITY_TYPES, { label: 'Opportunity Type' }),
      text('NextStep', 255, { label: 'Next Step' }),
      picklist('LeadSource', LEAD_SOURCES, { label: 'Lead Source' }),
      checkbox('IsClosed', false, { label: 'Closed', ...READ_ONLY }),
      checkbox('IsWon', false, { label: 'Won', ...READ_ONLY }),
      picklist('ForecastCategory', FORECAST_CATEGORIES, {
        label: 'Forecast Category',
        nillable: false,
        defaultedOnCreate: true,
        restrictedPicklist: true,
        ...READ_ONLY
      }),
      picklist('ForecastCategoryName', FORECAST_CATEGORY_NAMES, {
        label: 'Forecast Category',
        defaultedOnCreate: true,
        restrictedPicklist: true
      }),
      checkbox('HasOpportunityLineItem', false, { label: 'Has Line Item', ...READ_ONLY }),
      ownerField(['User'], 'Owner ID'),
      ...auditFields(),
      lastActivityDate(),
      datetime('LastStageChangeDate', { label: 'Last Stage Change Date', ...READ_ONLY }),
      int('FiscalQuarter', 8, { label: 'Fiscal Quarter', ...READ_ONLY }),
      int('FiscalYear', 8, { label: 'Fiscal Year', ...READ_ONLY }),
      text('Fiscal', 6, { label: 'Fiscal Period', ...READ_ONLY }),
      reference('ContactId', ['Contact'], 'Contact', { label: 'Contact ID' }),
      lastViewedDate(),
      lastReferencedDate(),
      checkbox('HasOpenActivity', false, { label: 'Has Open Activity', ...READ_ONLY }),
      checkbox('HasOverdueTask', false, { label: 'Has Overdue Task', ...READ_ONLY })
    ],
    { feedEnabled: true }
  );
}

export function opportunityContactRoleObject(): SObjectDef {
  return sobject(
    'OpportunityContactRole',
    'Opportunity Contact Role',
    'Opportunity Contact Role',
    '00K',
    [
      idField('Opportunity Contact Role ID'),
      reference('OpportunityId', ['Opportunity'], 'Opportunity', {
        label: 'Opportunity ID',
        ...REQUIRED,
        updateable: false,
        childRelationshipName: 'OpportunityContactRoles',
        cascadeDelete: true
      }),
      reference('ContactId', ['Contact'], 'Contact', {
        label: 'Contact ID',
        ...REQUIRED,
        childRelationshipName: 'OpportunityContactRoles',
        cascadeDelete: true
      }),
      picklist('Role', CONTACT_ROLES),
      checkbox('IsPrimary', false, { label: 'Primary' }),
      ...auditFields(),
      isDeletedField()
    ],
    { searchable: false, layoutable: false, mruEnabled: false }
  );
}
