import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { checkMetadata } from './metadata.ts';
import type { CheckResult } from './lib/report.ts';
import { copyFixture } from './test-support/fixture-project.ts';
import type { FixtureCopy } from './test-support/fixture-project.ts';
import { runScript } from './test-support/run-script.ts';

const D = 'force-app/main/default';
const LEAD_STATUS = `${D}/objects/Lead/fields/Sync_Status__c.field-meta.xml`;
const CALLER_NUMBER = `${D}/objects/Lead/fields/Caller_Number__c.field-meta.xml`;
const ACTIVITY_ID = `${D}/objects/Activity/fields/External_Activity_Id__c.field-meta.xml`;
const USER_SET = `${D}/permissionsets/Demo_User.permissionset-meta.xml`;
const INTEGRATION_SET = `${D}/permissionsets/Demo_Integration.permissionset-meta.xml`;
const CONTROLLER = `${D}/classes/DemoController.cls`;
const MAPPING_RECORD = `${D}/customMetadata/Demo_Mapping.Lead_Email.md-meta.xml`;

let project: FixtureCopy;

beforeEach(() => {
  project = copyFixture('valid-project');
});

afterEach(() => {
  project.dispose();
});

async function run(): Promise<CheckResult[]> {
  process.env.SF_DISABLE_TELEMETRY = 'true';
  return checkMetadata(project.file('force-app'), project.file('contract.json'));
}

/** The messages of one check, with their file and line, for matching. */
async function findingsOf(check: string): Promise<string[]> {
  const result = (await run()).find((r) => r.name === check);
  if (!result) throw new Error(`no check named ${check}`);
  return result.findings.map((f) => `${f.file ?? ''}:${f.line ?? ''} ${f.message}`);
}

const grant = (field: string, editable: boolean): string =>
  `<fieldPermissions><editable>${editable}</editable><field>${field}</field><readable>true</readable></fieldPermissions>`;

describe('metadata check on a valid package', () => {
  it('passes every check and converts every component', async () => {
    const results = await run();
    expect(results.flatMap((r) => r.findings)).toEqual([]);
    expect(results.find((r) => r.name === 'sdr-convert')?.checked).toMatch(
      /1 ApexClass.*7 CustomField.*2 PermissionSet/
    );
  });

  it('exits 0 from the command line and says it passed', () => {
    const result = runScript('metadata.ts', [
      '--dir',
      project.file('force-app'),
      '--contract',
      project.file('contract.json')
    ]);
    expect(result.stdout).toContain('metadata: passed (18 checks)');
    expect(result.status).toBe(0);
  });
});

describe('XML well-formedness (the converter silently repairs broken XML)', () => {
  it('reports a mismatched closing tag with its file and line', async () => {
    project.replace(LEAD_STATUS, '<label>Sync Status</label>', '<label>Sync Status</labl>');
    const findings = await findingsOf('xml-well-formed');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/Sync_Status__c\.field-meta\.xml:\d+ XML is not well-formed/);
  });

  it('reports an unclosed tag', async () => {
    project.replace(ACTIVITY_ID, '<unique>true</unique>', '<unique>true');
    expect(await findingsOf('xml-well-formed')).toEqual([
      expect.stringContaining('External_Activity_Id__c.field-meta.xml')
    ]);
  });
});

describe('conversion with Salesforce source-deploy-retrieve', () => {
  it('reports an Apex class without its -meta.xml, which the converter drops silently', async () => {
    project.remove(`${CONTROLLER}-meta.xml`);
    // The fixture's only class is gone from the conversion, so the required ApexClass type is missing too.
    expect(await findingsOf('sdr-convert')).toEqual([
      expect.stringMatching(/DemoController\.cls: is not part of any metadata component/),
      expect.stringContaining('no ApexClass component')
    ]);
    expect(await findingsOf('apex-class-files')).toEqual([
      expect.stringContaining('DemoController has no .cls-meta.xml')
    ]);
  });

  it('reports a file whose suffix names no metadata type', async () => {
    project.write(`${D}/objects/Lead/fields/Typo__c.fieldx-meta.xml`, '<?xml version="1.0"?><CustomField/>');
    expect((await findingsOf('sdr-convert')).join('\n')).toMatch(
      /Typo__c\.fieldx-meta\.xml|conversion to metadata format failed/
    );
  });

  it('reports a component type the package must ship but lacks', async () => {
    project.remove(`${D}/namedCredentials`);
    expect(await findingsOf('sdr-convert')).toEqual([expect.stringContaining('no NamedCredential component')]);
  });
});

describe('metadata the project rules cannot read', () => {
  it('reports a field file whose root element is not CustomField', async () => {
    project.write(
      `${D}/objects/Lead/fields/Broken__c.field-meta.xml`,
      '<?xml version="1.0" encoding="UTF-8"?><CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"></CustomObject>'
    );
    expect(await findingsOf('metadata-readable')).toEqual([
      expect.stringContaining('Broken__c.field-meta.xml: expected a <CustomField> root element')
    ]);
  });
});

describe('field documentation and naming', () => {
  it.each([
    ['description', '<description>Where the lead stands in the sync.</description>'],
    ['inlineHelpText', '<inlineHelpText>Pending or Synced.</inlineHelpText>'],
    ['label', '<label>Sync Status</label>']
  ])('reports a field without %s', async (element, xml) => {
    project.replace(LEAD_STATUS, xml, '');
    expect(await findingsOf('field-docs')).toEqual([expect.stringContaining(`Lead.Sync_Status__c has no ${element}`)]);
  });

  it('reports help text longer than Salesforce allows', async () => {
    project.replace(LEAD_STATUS, 'Pending or Synced.', 'x'.repeat(511));
    expect(await findingsOf('field-docs')).toEqual([expect.stringContaining('inlineHelpText is 511 characters')]);
  });

  it('reports an API name that is not Pascal_Snake__c', async () => {
    project.write(
      `${D}/objects/Demo_Event__c/fields/source_system__c.field-meta.xml`,
      '<?xml version="1.0" encoding="UTF-8"?><CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>source_system__c</fullName><description>d</description><inlineHelpText>h</inlineHelpText><label>Source</label><length>80</length><securityClassification>Internal</securityClassification><type>Text</type></CustomField>'
    );
    expect(await findingsOf('field-docs')).toEqual([
      expect.stringContaining('source_system__c is not a Pascal_Snake__c API name')
    ]);
  });
});

describe('data classification', () => {
  it('reports a field without a security classification', async () => {
    project.replace(LEAD_STATUS, '<securityClassification>Internal</securityClassification>', '');
    expect(await findingsOf('data-classification')).toEqual([
      expect.stringContaining('Lead.Sync_Status__c has no data classification')
    ]);
  });

  it('reports a personal phone number field without a compliance group', async () => {
    project.replace(CALLER_NUMBER, '<complianceGroup>GDPR</complianceGroup>', '');
    expect(await findingsOf('data-classification')).toEqual([
      expect.stringContaining('Lead.Caller_Number__c is a Phone field of a person but names no complianceGroup')
    ]);
  });
});

describe('personal data (the contract names the fields that hold it)', () => {
  it('reports a personal-data field without a compliance group', async () => {
    project.replace(CALLER_NUMBER, '<complianceGroup>GDPR</complianceGroup>', '');
    expect(await findingsOf('personal-data')).toEqual([
      expect.stringContaining('Lead.Caller_Number__c holds personal data but names no complianceGroup')
    ]);
  });

  it('reports a personal-data field classified below Confidential', async () => {
    project.replace(
      CALLER_NUMBER,
      '<securityClassification>Confidential</securityClassification>',
      '<securityClassification>Internal</securityClassification>'
    );
    expect(await findingsOf('personal-data')).toEqual([
      expect.stringContaining('Lead.Caller_Number__c holds personal data but is classified Internal')
    ]);
  });

  it('reports a personal-data field of the contract that the package lacks', async () => {
    project.replace('contract.json', '"Lead.Caller_Number__c"', '"Lead.Caller_Email__c"');
    expect(await findingsOf('personal-data')).toEqual([
      expect.stringContaining('Lead.Caller_Email__c holds personal data (package contract) but is not in the package')
    ]);
  });
});

describe('custom metadata records', () => {
  it('reports a required record that is not protected', async () => {
    project.replace(MAPPING_RECORD, '<protected>true</protected>', '<protected>false</protected>');
    expect(await findingsOf('custom-metadata-records')).toEqual([
      expect.stringContaining('Demo_Mapping.Lead_Email must be protected (package contract)')
    ]);
  });

  it('reports a required record whose value differs from the contract', async () => {
    project.replace(MAPPING_RECORD, '>email</value>', '>mail</value>');
    expect(await findingsOf('custom-metadata-records')).toEqual([
      expect.stringContaining('Demo_Mapping.Lead_Email must set Platform_Field__c to "email", has "mail"')
    ]);
  });

  it('reports a required record that is missing', async () => {
    project.remove(MAPPING_RECORD);
    expect(await findingsOf('custom-metadata-records')).toEqual([
      expect.stringContaining('the package must ship the record Demo_Mapping.Lead_Email (package contract)')
    ]);
  });

  it('reports a value for a field the type does not have', async () => {
    project.replace(MAPPING_RECORD, '<field>Platform_Field__c</field>', '<field>Platform_Feild__c</field>');
    expect((await findingsOf('custom-metadata-records')).join('\n')).toContain(
      'Demo_Mapping.Lead_Email sets Platform_Feild__c, which Demo_Mapping__mdt does not have'
    );
  });

  it('reports a picklist value the field does not allow', async () => {
    project.write(
      `${D}/objects/Demo_Mapping__mdt/fields/Sync_Rule__c.field-meta.xml`,
      '<?xml version="1.0" encoding="UTF-8"?><CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Sync_Rule__c</fullName><description>d</description><fieldManageability>SubscriberControlled</fieldManageability><inlineHelpText>h</inlineHelpText><label>Sync Rule</label><type>Picklist</type><valueSet><restricted>true</restricted><valueSetDefinition><value><fullName>Two-Way</fullName><default>false</default><label>Two-Way</label></value></valueSetDefinition></valueSet></CustomField>'
    );
    project.replace(
      MAPPING_RECORD,
      '</CustomMetadata>',
      '<values><field>Sync_Rule__c</field><value xsi:type="xsd:string">Both Ways</value></values></CustomMetadata>'
    );
    expect(await findingsOf('custom-metadata-records')).toEqual([
      expect.stringContaining('sets Sync_Rule__c to "Both Ways", which is not one of its values (Two-Way)')
    ]);
  });
});

describe('picklists and the package contract', () => {
  it('reports an unrestricted picklist, which the contract also requires to be restricted', async () => {
    project.replace(LEAD_STATUS, '<restricted>true</restricted>', '<restricted>false</restricted>');
    expect(await findingsOf('restricted-picklists')).toEqual([
      expect.stringContaining('Lead.Sync_Status__c is an unrestricted picklist')
    ]);
    expect(await findingsOf('package-contract')).toEqual([expect.stringContaining('must be a restricted picklist')]);
  });

  it('reports an External ID that lost its uniqueness', async () => {
    project.replace(ACTIVITY_ID, '<unique>true</unique>', '<unique>false</unique>');
    expect(await findingsOf('package-contract')).toEqual([
      expect.stringContaining('Activity.External_Activity_Id__c must be unique (package contract)')
    ]);
  });

  it('reports picklist values that differ from the contract', async () => {
    project.replace(LEAD_STATUS, '<fullName>Synced</fullName>', '<fullName>Done</fullName>');
    expect(await findingsOf('package-contract')).toEqual([
      expect.stringContaining('must have exactly the values Pending, Synced')
    ]);
  });

  it('reports a contract field that is missing from the package', async () => {
    project.remove(ACTIVITY_ID);
    expect(await findingsOf('package-contract')).toEqual([
      expect.stringContaining(
        'the package must have Activity.External_Activity_Id__c (package contract) but it is missing'
      )
    ]);
  });
});

describe('permission set references', () => {
  it('reports a custom field that does not exist', async () => {
    project.replace(USER_SET, '<field>Lead.Caller_Number__c</field>', '<field>Lead.Caller_Numbr__c</field>');
    expect(await findingsOf('permission-set-references')).toEqual([
      expect.stringMatching(
        /Demo_User\.permissionset-meta\.xml:\d+ Demo_User: grants field Lead\.Caller_Numbr__c, which does not exist/
      )
    ]);
  });

  it('reports a standard field outside the allowlist of real names', async () => {
    project.replace(USER_SET, '<field>Task.Description</field>', '<field>Task.Descripton</field>');
    expect(await findingsOf('permission-set-references')).toEqual([
      expect.stringContaining('grants standard field Task.Descripton, which is not in the allowlist')
    ]);
  });

  it('reports an object, an Apex class and a credential principal that do not exist', async () => {
    project.replace(USER_SET, '<object>Demo_Event__c</object>', '<object>Demo_Evnt__c</object>');
    project.replace(USER_SET, '<apexClass>DemoController</apexClass>', '<apexClass>DemoControler</apexClass>');
    project.replace(USER_SET, 'Demo_Service-Demo_Principal', 'Demo_Service-Other');
    const findings = (await findingsOf('permission-set-references')).join('\n');
    expect(findings).toContain('grants object Demo_Evnt__c, which does not exist');
    expect(findings).toContain('grants Apex class DemoControler, which does not exist');
    expect(findings).toContain('grants external credential principal Demo_Service-Other, which does not exist');
  });

  it('reports a permission set without a description', async () => {
    project.replace(USER_SET, '<description>For reps: reads the demo data.</description>', '');
    expect(await findingsOf('permission-set-references')).toEqual([
      expect.stringContaining('Demo_User: has no description')
    ]);
  });
});

describe('permission set sanity and least privilege', () => {
  it('reports a field permission on a required field, which Salesforce rejects', async () => {
    project.replace(
      USER_SET,
      '<hasActivationRequired>',
      `${grant('Demo_Event__c.Occurred_At__c', false)}<hasActivationRequired>`
    );
    expect(await findingsOf('permission-set-sanity')).toEqual([
      expect.stringContaining('lists required field Demo_Event__c.Occurred_At__c')
    ]);
  });

  it('reports an editable formula field', async () => {
    project.replace(
      USER_SET,
      /<editable>false<\/editable>\s*<field>Task\.Timeline_At__c<\/field>/,
      '<editable>true</editable><field>Task.Timeline_At__c</field>'
    );
    const findings = (await findingsOf('permission-set-sanity')).join('\n');
    expect(findings).toContain('makes formula field Task.Timeline_At__c editable');
    expect(findings).toContain('grants Task.Timeline_At__c but not Event.Timeline_At__c with the same access');
  });

  it('reports an activity field granted on Task but not on Event', async () => {
    project.replace(
      USER_SET,
      /<fieldPermissions>\s*<editable>false<\/editable>\s*<field>Event\.External_Activity_Id__c<\/field>\s*<readable>true<\/readable>\s*<\/fieldPermissions>/,
      ''
    );
    expect(await findingsOf('permission-set-sanity')).toEqual([
      expect.stringContaining('grants Task.External_Activity_Id__c but not Event.External_Activity_Id__c')
    ]);
  });

  it('reports an activity field granted as Activity.X, which Salesforce does not accept', async () => {
    project.replace(
      USER_SET,
      '<field>Task.External_Activity_Id__c</field>',
      '<field>Activity.External_Activity_Id__c</field>'
    );
    expect((await findingsOf('permission-set-sanity')).join('\n')).toContain(
      'names Activity.External_Activity_Id__c; grant activity fields as Task.External_Activity_Id__c and Event.External_Activity_Id__c'
    );
  });

  it('reports View All records and the View All Data system permission in any set', async () => {
    project.replace(USER_SET, '<viewAllRecords>false</viewAllRecords>', '<viewAllRecords>true</viewAllRecords>');
    project.replace(USER_SET, '<name>ActivitiesAccess</name>', '<name>ViewAllData</name>');
    const findings = (await findingsOf('permission-set-sanity')).join('\n');
    expect(findings).toContain('Demo_User: grants View All or Modify All on Demo_Event__c');
    expect(findings).toContain('Demo_User: grants system permission ViewAllData');
  });

  it('reports a custom field that no permission set grants', async () => {
    project.replace(
      USER_SET,
      /<fieldPermissions>\s*<editable>false<\/editable>\s*<field>Lead\.Caller_Number__c<\/field>\s*<readable>true<\/readable>\s*<\/fieldPermissions>/,
      ''
    );
    expect(await findingsOf('fields-granted')).toEqual([
      expect.stringContaining('Lead.Caller_Number__c is granted by no permission set')
    ]);
  });

  it('counts a required field as granted through read access on its object', async () => {
    project.replace(USER_SET, /<objectPermissions>[\s\S]*<\/objectPermissions>/, '');
    project.replace(INTEGRATION_SET, /<objectPermissions>\s*<allowCreate>true[\s\S]*?<\/objectPermissions>/, '');
    expect(await findingsOf('fields-granted')).toEqual([
      expect.stringContaining('Demo_Event__c.Occurred_At__c is granted by no permission set')
    ]);
  });
});

describe('the Integration permission set against the access table', () => {
  it('passes when it grants exactly the table', async () => {
    expect(await findingsOf('integration-access-table')).toEqual([]);
  });

  it.each([
    [
      'delete on a table object',
      /<allowDelete>false<\/allowDelete>(\s*<allowEdit>true<\/allowEdit>\s*<allowRead>true<\/allowRead>\s*<modifyAllRecords>false<\/modifyAllRecords>\s*<object>Lead<\/object>)/,
      '<allowDelete>true</allowDelete>$1',
      'delete on Lead'
    ],
    [
      'create where the table says read and edit',
      '<allowCreate>false</allowCreate>',
      '<allowCreate>true</allowCreate>',
      'create on Lead'
    ],
    [
      'Modify All on an object',
      /<modifyAllRecords>false<\/modifyAllRecords>(\s*<object>Demo_Event__c<\/object>)/,
      '<modifyAllRecords>true</modifyAllRecords>$1',
      'View All or Modify All on Demo_Event__c'
    ],
    [
      'a system permission outside the table',
      '<name>EditTask</name>',
      '<name>ViewSetup</name>',
      'system permission ViewSetup'
    ],
    [
      'an Apex class',
      '<hasActivationRequired>',
      '<classAccesses><apexClass>DemoController</apexClass><enabled>true</enabled></classAccesses><hasActivationRequired>',
      'Apex class DemoController'
    ],
    [
      'a field on an object outside the table',
      '<hasActivationRequired>',
      `${grant('Task.Description', true).replace('Task.Description', 'Account.Phone')}<hasActivationRequired>`,
      'field access on Account.Phone'
    ]
  ])('reports %s', async (_what, from, to, message) => {
    project.replace(INTEGRATION_SET, from, to);
    expect((await findingsOf('integration-access-table')).join('\n')).toContain(
      `Demo_Integration grants more than the access table: ${message}`
    );
  });

  it('reports a missing API Enabled permission', async () => {
    project.replace(INTEGRATION_SET, '<name>ApiEnabled</name>', '<name>ActivitiesAccess</name>');
    expect(await findingsOf('integration-access-table')).toEqual([
      expect.stringContaining('Demo_Integration lacks ApiEnabled')
    ]);
  });
});

describe('API versions, labels, credentials and secrets', () => {
  it('reports an apiVersion that differs from sfdx-project.json', async () => {
    project.replace(`${CONTROLLER}-meta.xml`, '<apiVersion>67.0</apiVersion>', '<apiVersion>58.0</apiVersion>');
    expect(await findingsOf('api-versions')).toEqual([
      expect.stringMatching(
        /DemoController\.cls-meta\.xml:\d+ apiVersion 58\.0 differs from the project's sourceApiVersion 67\.0/
      )
    ]);
  });

  it('reports a custom label that Apex uses but no labels file defines', async () => {
    project.replace(CONTROLLER, 'System.Label.Demo_Error', 'System.Label.Demo_Eror');
    expect(await findingsOf('custom-labels')).toEqual([
      expect.stringMatching(/DemoController\.cls:5 uses custom label Demo_Eror, which is not in any labels file/)
    ]);
  });

  it('reports a label short description longer than 80 characters', async () => {
    project.replace(`${D}/labels/CustomLabels.labels-meta.xml`, 'Demo: no status given', 'd'.repeat(81));
    expect(await findingsOf('custom-labels')).toEqual([
      expect.stringContaining('label Demo_Error short description exceeds 80 characters')
    ]);
  });

  it('reports a named credential that calls plain http and a principal nobody is granted', async () => {
    project.replace(
      `${D}/namedCredentials/Demo_Service.namedCredential-meta.xml`,
      'https://demo-service.invalid',
      'http://demo-service.invalid'
    );
    project.replace(
      USER_SET,
      /<externalCredentialPrincipalAccesses>[\s\S]*<\/externalCredentialPrincipalAccesses>/,
      ''
    );
    const findings = (await findingsOf('credentials')).join('\n');
    expect(findings).toContain(
      'named credential Demo_Service must call an https:// URL, has http://demo-service.invalid'
    );
    expect(findings).toContain('principal Demo_Principal of Demo_Service is granted by no permission set');
  });

  it('reports a literal bearer token in the external credential', async () => {
    project.replace(
      `${D}/externalCredentials/Demo_Service.externalCredential-meta.xml`,
      "{!'Bearer ' &amp; $Credential.Demo_Service.Token}",
      'Bearer sk_live_1234567890abcdef'
    );
    expect(await findingsOf('credentials')).toEqual([expect.stringContaining('seems to hold a literal secret')]);
  });

  it('reports a secret-like field in a public custom metadata type', async () => {
    project.write(
      `${D}/objects/Demo_Mapping__mdt/fields/Api_Token__c.field-meta.xml`,
      '<?xml version="1.0" encoding="UTF-8"?><CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Api_Token__c</fullName><description>d</description><fieldManageability>DeveloperControlled</fieldManageability><inlineHelpText>h</inlineHelpText><label>API Token</label><length>80</length><type>Text</type></CustomField>'
    );
    expect(await findingsOf('protected-secrets')).toEqual([
      expect.stringContaining('Demo_Mapping__mdt.Api_Token__c looks like a secret in the public custom metadata type')
    ]);
  });
});

describe('the command line', () => {
  it('exits 1 and prints each finding when a rule fails', () => {
    project.replace(LEAD_STATUS, '<description>Where the lead stands in the sync.</description>', '');
    const result = runScript('metadata.ts', [
      '--dir',
      project.file('force-app'),
      '--contract',
      project.file('contract.json')
    ]);
    expect(result.stdout).toMatch(
      /FAIL field-docs: .*\n\s+.*Sync_Status__c\.field-meta\.xml:\d+: Lead\.Sync_Status__c has no description/
    );
    expect(result.stdout).toContain('metadata: FAILED with 1 finding in 1 of 18 checks');
    expect(result.status).toBe(1);
  });

  it('exits 2 naming the problem when the arguments or the contract are wrong', () => {
    const unknown = runScript('metadata.ts', ['--folder', 'x']);
    expect(unknown.stderr).toContain('usage: unknown argument "--folder"');
    expect(unknown.status).toBe(2);

    project.write('contract.json', '{"expectedComponentTypes": "ApexClass"}');
    const badContract = runScript('metadata.ts', [
      '--dir',
      project.file('force-app'),
      '--contract',
      project.file('contract.json')
    ]);
    expect(badContract.stderr).toMatch(/the package contract .* is invalid: expectedComponentTypes/);
    expect(badContract.status).toBe(2);
  });
});
