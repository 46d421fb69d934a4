// Test support: force-app trees written to a temp dir, and XML builders for the metadata files in them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const NS = 'http://soap.sforce.com/2006/04/metadata';

/** Writes `files` (paths relative to force-app/main/default) under a new temp dir; returns the force-app dir. */
export function writeForceApp(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'force-app-'));
  const forceApp = path.join(root, 'force-app');
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(forceApp, 'main', 'default', relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return forceApp;
}

export function removeForceApp(forceAppDir: string): void {
  rmSync(path.dirname(forceAppDir), { recursive: true, force: true });
}

/** `<CustomField>` with the given child elements (a string of XML). */
export function customField(fullName: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="${NS}">\n<fullName>${fullName}</fullName>\n${body}\n</CustomField>\n`;
}

export function customObject(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="${NS}">\n${body}\n</CustomObject>\n`;
}

export function picklistValues(
  values: string[],
  options: { restricted?: boolean; defaultValue?: string } = {}
): string {
  const entries = values
    .map(
      (v) =>
        `<value><fullName>${v}</fullName><default>${v === options.defaultValue}</default><label>${v}</label></value>`
    )
    .join('');
  return `<valueSet><restricted>${options.restricted ?? false}</restricted><valueSetDefinition><sorted>false</sorted>${entries}</valueSetDefinition></valueSet>`;
}

export function customMetadataRecord(label: string, values: Array<[string, string, string]>): string {
  const entries = values
    .map(([field, type, value]) => `<values><field>${field}</field><value xsi:type="${type}">${value}</value></values>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<CustomMetadata xmlns="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n<label>${label}</label>\n<protected>false</protected>\n${entries}\n</CustomMetadata>\n`;
}

/** A small package like Switchboard's: the fields and objects the data-model tests rely on. */
export function packageFixture(): Record<string, string> {
  return {
    'objects/Activity/fields/External_Activity_Id__c.field-meta.xml': customField(
      'External_Activity_Id__c',
      '<label>External Activity ID</label><type>Text</type><length>255</length><externalId>true</externalId><unique>true</unique><caseSensitive>true</caseSensitive>'
    ),
    'objects/Activity/fields/Provider__c.field-meta.xml': customField(
      'Provider__c',
      `<label>Provider</label><type>Picklist</type>${picklistValues(['Aircall', 'Quo', 'Modjo'], { restricted: true })}`
    ),
    'objects/Lead/fields/External_Id__c.field-meta.xml': customField(
      'External_Id__c',
      '<label>External ID</label><type>Text</type><length>64</length><externalId>true</externalId><unique>true</unique>'
    ),
    'objects/Lead/fields/Sync_Status__c.field-meta.xml': customField(
      'Sync_Status__c',
      `<label>Sync Status</label><type>Picklist</type>${picklistValues(['Pending', 'Synced', 'Error', 'Excluded'], { restricted: true })}`
    ),
    'objects/Contact/fields/External_Id__c.field-meta.xml': customField(
      'External_Id__c',
      '<label>External ID</label><type>Text</type><length>64</length><externalId>true</externalId>'
    ),
    'objects/Engagement_Event__c/Engagement_Event__c.object-meta.xml': customObject(
      '<label>Engagement Event</label><pluralLabel>Engagement Events</pluralLabel><nameField><label>Engagement Event Number</label><type>AutoNumber</type><displayFormat>EE-{00000000}</displayFormat></nameField><enableActivities>true</enableActivities><sharingModel>Read</sharingModel>'
    ),
    'objects/Engagement_Event__c/fields/Lead__c.field-meta.xml': customField(
      'Lead__c',
      '<label>Lead</label><type>Lookup</type><referenceTo>Lead</referenceTo><relationshipName>Engagement_Events</relationshipName><deleteConstraint>SetNull</deleteConstraint>'
    ),
    'objects/Engagement_Event__c/fields/Score__c.field-meta.xml': customField(
      'Score__c',
      '<label>Score</label><type>Number</type><precision>5</precision><scale>0</scale>'
    ),
    // Test-only: a lookup whose parent can't be deleted while it exists.
    'objects/Contract_Hold__c/Contract_Hold__c.object-meta.xml': customObject(
      '<label>Contract Hold</label><pluralLabel>Contract Holds</pluralLabel><nameField><label>Hold Name</label><type>Text</type></nameField>'
    ),
    'objects/Contract_Hold__c/fields/Account__c.field-meta.xml': customField(
      'Account__c',
      '<label>Account</label><type>Lookup</type><referenceTo>Account</referenceTo><relationshipName>Contract_Holds</relationshipName><deleteConstraint>Restrict</deleteConstraint>'
    ),
    'objects/Field_Mapping__mdt/Field_Mapping__mdt.object-meta.xml': customObject(
      '<label>Field Mapping</label><pluralLabel>Field Mappings</pluralLabel><visibility>Public</visibility>'
    ),
    'objects/Field_Mapping__mdt/fields/Salesforce_Field__c.field-meta.xml': customField(
      'Salesforce_Field__c',
      '<label>Salesforce Field</label><type>Text</type><length>80</length>'
    ),
    'objects/Field_Mapping__mdt/fields/Active__c.field-meta.xml': customField(
      'Active__c',
      '<label>Active</label><type>Checkbox</type><defaultValue>true</defaultValue>'
    ),
    'customMetadata/Field_Mapping.Lead_Email.md-meta.xml': customMetadataRecord('Lead email', [
      ['Salesforce_Field__c', 'xsd:string', 'Email'],
      ['Active__c', 'xsd:boolean', 'true']
    ])
  };
}
