// Standard Salesforce objects and fields the package may name in permission sets, as an allowlist of real API
// names (Salesforce Object Reference). A name outside this list is reported, so a typo such as `Lead.Emial` or an
// invented standard field cannot slip into a permission set. Only fields that accept field-level security are
// listed: required and system fields (Lead.LastName, Lead.Company, Task.Subject …) cannot carry field permissions.
// Extend the list when the package starts to use another standard field, after checking the Object Reference.

export const STANDARD_OBJECTS: ReadonlySet<string> = new Set([
  'Account',
  'Case',
  'Contact',
  'Event',
  'Lead',
  'Opportunity',
  'OpportunityContactRole',
  'Task',
  'User'
]);

export const STANDARD_FIELDS: ReadonlySet<string> = new Set([
  'Account.AccountNumber',
  'Account.Description',
  'Account.Industry',
  'Account.Phone',
  'Account.Website',
  'Contact.AccountId',
  'Contact.Description',
  'Contact.Email',
  'Contact.MobilePhone',
  'Contact.Phone',
  'Contact.Title',
  'Event.ActivityDate',
  'Event.Description',
  'Event.Location',
  'Lead.Description',
  'Lead.Email',
  'Lead.Industry',
  'Lead.MobilePhone',
  'Lead.Phone',
  'Lead.Title',
  'Lead.Website',
  'Opportunity.AccountId',
  'Opportunity.Amount',
  'Opportunity.Description',
  'Task.ActivityDate',
  'Task.Description'
]);
