// The project's own metadata rules, each a pure function from the loaded package to findings.
import { lineOf } from './xml.ts';
import { shown } from './files.ts';
import { fieldsNamed } from './package-source.ts';
import type { FieldSource, PackageSource, PermissionSetSource } from './package-source.ts';
import type { AccessTable, RequiredField, RequiredRecord } from './contract.ts';
import type { Finding } from './report.ts';
import { STANDARD_FIELDS, STANDARD_OBJECTS } from './standard-schema.ts';

const PASCAL_SNAKE = /^[A-Z][A-Za-z0-9]*(_[A-Z0-9][A-Za-z0-9]*)*__c$/;
// Salesforce limits: field label 40, description 1000, help text 510; label short description 80, value 1000.
const LIMITS = { label: 40, description: 1000, inlineHelpText: 510 } as const;
const PICKLIST_TYPES = new Set(['Picklist', 'MultiselectPicklist']);
const PERSONAL_TYPES = new Set(['Email', 'Phone']);
const SECRET_NAME = /(key|secret|token|password)/i;
// Classifications strict enough for personal data (Salesforce's values, least to most sensitive: Public, Internal,
// Confidential, Restricted, MissionCritical).
const PERSONAL_CLASSIFICATIONS = new Set(['Confidential', 'Restricted', 'MissionCritical']);
// System permissions no Switchboard permission set may carry.
const FORBIDDEN_USER_PERMISSIONS = new Set([
  'ViewAllData',
  'ModifyAllData',
  'ModifyMetadata',
  'ManageUsers',
  'AuthorApex'
]);

const at = (file: string, source: string | undefined, needle: string): Pick<Finding, 'file' | 'line'> => ({
  file: shown(file),
  line: source === undefined ? undefined : lineOf(source, needle)
});
const qualified = (f: FieldSource): string => `${f.object}.${f.name}`;
const isCustomMetadata = (object: string): boolean => object.endsWith('__mdt');

export function fieldDocumentation(pkg: PackageSource): Finding[] {
  const findings: Finding[] = [];
  for (const f of pkg.fields) {
    const where = at(f.file, f.source, '<fullName>');
    for (const key of ['label', 'description', 'inlineHelpText'] as const) {
      const value = f[key];
      if (!value || value.trim() === '') {
        findings.push({ ...where, message: `${qualified(f)} has no ${key}` });
      } else if (value.length > LIMITS[key]) {
        findings.push({
          ...where,
          message: `${qualified(f)} ${key} is ${value.length} characters (as deployed, whitespace included); Salesforce allows ${LIMITS[key]}`
        });
      }
    }
    if (!PASCAL_SNAKE.test(f.name)) {
      findings.push({ ...where, message: `${qualified(f)} is not a Pascal_Snake__c API name` });
    }
  }
  return findings;
}

export function dataClassification(pkg: PackageSource): Finding[] {
  const findings: Finding[] = [];
  for (const f of pkg.fields) {
    if (isCustomMetadata(f.object)) continue; // metadata records hold configuration, not people's data
    const where = at(f.file, f.source, '<fullName>');
    if (!f.securityClassification) {
      findings.push({ ...where, message: `${qualified(f)} has no data classification (securityClassification)` });
    }
    if (f.type && PERSONAL_TYPES.has(f.type) && f.securityClassification !== 'Internal' && !f.complianceGroup) {
      findings.push({
        ...where,
        message: `${qualified(f)} is a ${f.type} field of a person but names no complianceGroup`
      });
    }
  }
  return findings;
}

/**
 * The fields the contract names as holding personal data (phone numbers, emails, names, message bodies, links to
 * recordings …) must say so: a compliance group, and a classification of Confidential or stricter.
 */
export function personalData(pkg: PackageSource, personalFields: string[]): Finding[] {
  const findings: Finding[] = [];
  for (const qualifiedName of personalFields) {
    const [object, name] = qualifiedName.split('.');
    const f = pkg.fields.find((field) => field.object === object && field.name === name);
    if (!f) {
      findings.push({ message: `${qualifiedName} holds personal data (package contract) but is not in the package` });
      continue;
    }
    const where = at(f.file, f.source, '<fullName>');
    if (!f.complianceGroup) {
      findings.push({ ...where, message: `${qualifiedName} holds personal data but names no complianceGroup` });
    }
    if (!PERSONAL_CLASSIFICATIONS.has(f.securityClassification ?? '')) {
      findings.push({
        ...where,
        message: `${qualifiedName} holds personal data but is classified ${f.securityClassification ?? 'not at all'}; use Confidential or stricter`
      });
    }
  }
  return findings;
}

export function restrictedPicklists(pkg: PackageSource): Finding[] {
  return pkg.fields
    .filter((f) => f.type && PICKLIST_TYPES.has(f.type) && !f.restricted && !f.usesGlobalValueSet)
    .map((f) => ({
      ...at(f.file, f.source, '<valueSet>'),
      message: `${qualified(f)} is an unrestricted picklist; the service and the timeline rely on a fixed set of values`
    }));
}

export function requiredFields(pkg: PackageSource, required: RequiredField[]): Finding[] {
  const findings: Finding[] = [];
  for (const spec of required) {
    const [object, name] = spec.field.split('.');
    const field = pkg.fields.find((f) => f.object === object && f.name === name);
    if (!field) {
      findings.push({ message: `the package must have ${spec.field} (package contract) but it is missing` });
      continue;
    }
    const where = at(field.file, field.source, '<fullName>');
    const expect = (ok: boolean, what: string): void => {
      if (!ok) findings.push({ ...where, message: `${spec.field} ${what} (package contract)` });
    };
    if (spec.type) expect(field.type === spec.type, `must be of type ${spec.type}, is ${field.type ?? 'untyped'}`);
    if (spec.restricted) expect(field.restricted, 'must be a restricted picklist');
    if (spec.externalId) expect(field.externalId, 'must be an External ID');
    if (spec.unique) expect(field.unique, 'must be unique');
    if (spec.referenceTo) expect(field.referenceTo === spec.referenceTo, `must look up ${spec.referenceTo}`);
    if (spec.values) {
      const missing = spec.values.filter((v) => !field.picklistValues.includes(v));
      const extra = field.picklistValues.filter((v) => !spec.values?.includes(v));
      expect(missing.length === 0 && extra.length === 0, `must have exactly the values ${spec.values.join(', ')}`);
    }
  }
  return findings;
}

/**
 * Custom metadata records: each names an existing type and fields of it, with picklist values the field allows;
 * and the records the contract requires ship with the values and protection it states.
 */
export function customMetadataRecords(pkg: PackageSource, required: RequiredRecord[]): Finding[] {
  const findings: Finding[] = [];
  for (const record of pkg.customMetadataRecords) {
    const type = `${record.type}__mdt`;
    const where = { file: shown(record.file) };
    if (!pkg.objects.some((o) => o.name === type)) {
      findings.push({ ...where, message: `${record.name} is a record of ${type}, which the package does not define` });
      continue;
    }
    if (!record.label) findings.push({ ...where, message: `${record.name} has no label` });
    for (const [fieldName, value] of record.values) {
      const field = pkg.fields.find((f) => f.object === type && f.name === fieldName);
      if (!field) {
        findings.push({ ...where, message: `${record.name} sets ${fieldName}, which ${type} does not have` });
      } else if (field.type && PICKLIST_TYPES.has(field.type) && !field.picklistValues.includes(value)) {
        findings.push({
          ...where,
          message: `${record.name} sets ${fieldName} to "${value}", which is not one of its values (${field.picklistValues.join(', ')})`
        });
      }
    }
  }
  for (const spec of required) {
    const record = pkg.customMetadataRecords.find((r) => r.name === spec.record);
    if (!record) {
      findings.push({
        message: `the package must ship the record ${spec.record} (package contract) but it is missing`
      });
      continue;
    }
    const where = { file: shown(record.file) };
    if (record.protected !== spec.protected) {
      findings.push({
        ...where,
        message: `${spec.record} must be ${spec.protected ? 'protected' : 'unprotected'} (package contract)`
      });
    }
    for (const [fieldName, expected] of Object.entries(spec.values)) {
      const actual = record.values.get(fieldName);
      if (actual !== expected) {
        findings.push({
          ...where,
          message: `${spec.record} must set ${fieldName} to "${expected}", has ${actual === undefined ? 'nothing' : `"${actual}"`} (package contract)`
        });
      }
    }
  }
  return findings;
}

function objectExists(pkg: PackageSource, object: string): boolean {
  return (
    STANDARD_OBJECTS.has(object) ||
    pkg.objects.some((o) => o.name === object) ||
    pkg.fields.some((f) => f.object === object)
  );
}

export function permissionSetReferences(pkg: PackageSource): Finding[] {
  const findings: Finding[] = [];
  const classes = new Set(pkg.apexClasses.map((c) => c.name));
  const principals = new Set(pkg.externalCredentials.flatMap((ec) => ec.principals.map((p) => `${ec.name}-${p}`)));
  for (const ps of pkg.permissionSets) {
    const report = (needle: string, message: string): void => {
      findings.push({ ...at(ps.file, ps.source, needle), message: `${ps.name}: ${message}` });
    };
    if (!ps.label) report('<PermissionSet', 'has no label');
    if (!ps.description) report('<PermissionSet', 'has no description saying who gets it');
    for (const op of ps.objectPermissions) {
      if (!objectExists(pkg, op.object))
        report(`<object>${op.object}<`, `grants object ${op.object}, which does not exist`);
    }
    for (const fp of ps.fieldPermissions) {
      const [object = '', field = ''] = fp.field.split('.');
      if (field.endsWith('__c')) {
        if (fieldsNamed(pkg, fp.field).length === 0) {
          report(`<field>${fp.field}<`, `grants field ${fp.field}, which does not exist in the package`);
        }
      } else if (!STANDARD_FIELDS.has(fp.field)) {
        report(
          `<field>${fp.field}<`,
          `grants standard field ${fp.field}, which is not in the allowlist of real standard fields (scripts/checks/lib/standard-schema.ts)`
        );
      }
      if (!objectExists(pkg, object)) report(`<field>${fp.field}<`, `names object ${object}, which does not exist`);
    }
    for (const apexClass of ps.classAccesses) {
      if (!classes.has(apexClass))
        report(`<apexClass>${apexClass}<`, `grants Apex class ${apexClass}, which does not exist`);
    }
    for (const type of ps.customMetadataTypes) {
      if (!pkg.objects.some((o) => o.name === type))
        report(`<name>${type}<`, `grants custom metadata type ${type}, which does not exist`);
    }
    for (const principal of ps.externalCredentialPrincipals) {
      if (!principals.has(principal)) {
        report(`>${principal}<`, `grants external credential principal ${principal}, which does not exist`);
      }
    }
    for (const tab of ps.tabs) {
      const object = tab.replace(/^standard-/, '');
      if (!objectExists(pkg, object)) report(`<tab>${tab}<`, `shows tab ${tab}, which does not exist`);
    }
  }
  return findings;
}

export function permissionSetSanity(pkg: PackageSource): Finding[] {
  const findings: Finding[] = [];
  for (const ps of pkg.permissionSets) {
    const report = (needle: string, message: string): void => {
      findings.push({ ...at(ps.file, ps.source, needle), message: `${ps.name}: ${message}` });
    };
    for (const fp of ps.fieldPermissions) {
      const needle = `<field>${fp.field}<`;
      const field = fieldsNamed(pkg, fp.field)[0];
      if (field?.required)
        report(needle, `lists required field ${fp.field}; Salesforce rejects field permissions on required fields`);
      if (field?.formula && fp.editable)
        report(needle, `makes formula field ${fp.field} editable; formulas are read-only`);
      if (fp.editable && !fp.readable) report(needle, `makes ${fp.field} editable but not readable`);
    }
    for (const op of ps.objectPermissions.filter((o) => o.object === 'Activity')) {
      report(
        `<object>${op.object}<`,
        'names Activity, which permission sets cannot grant; activity access is Access Activities, Edit Tasks and Edit Events'
      );
    }
    for (const fp of ps.fieldPermissions.filter((f) => f.field.startsWith('Activity.'))) {
      report(
        `<field>${fp.field}<`,
        `names ${fp.field}; grant activity fields as Task.${fp.field.slice(9)} and Event.${fp.field.slice(9)}`
      );
    }
    // Activity fields are one field on two objects: a grant on only one of them leaves the other without access.
    const activityGrants = new Map<string, Set<string>>();
    for (const fp of ps.fieldPermissions) {
      const [object = '', field = ''] = fp.field.split('.');
      if (
        (object === 'Task' || object === 'Event') &&
        pkg.fields.some((f) => f.object === 'Activity' && f.name === field)
      ) {
        const key = `${field}|${fp.readable}|${fp.editable}`;
        activityGrants.set(key, (activityGrants.get(key) ?? new Set()).add(object));
      }
    }
    for (const [key, objects] of activityGrants) {
      if (objects.size === 1) {
        const [field = ''] = key.split('|');
        const [granted = ''] = [...objects];
        const other = granted === 'Task' ? 'Event' : 'Task';
        report(
          `<field>${granted}.${field}<`,
          `grants ${granted}.${field} but not ${other}.${field} with the same access`
        );
      }
    }
    for (const op of ps.objectPermissions) {
      if (op.viewAllRecords || op.modifyAllRecords) {
        report(`<object>${op.object}<`, `grants View All or Modify All on ${op.object}`);
      }
    }
    for (const permission of ps.userPermissions) {
      if (FORBIDDEN_USER_PERMISSIONS.has(permission))
        report(`<name>${permission}<`, `grants system permission ${permission}`);
    }
  }
  return findings;
}

function grantsReadOf(ps: PermissionSetSource, f: FieldSource): boolean {
  const objects = f.object === 'Activity' ? ['Task', 'Event'] : [f.object];
  if (f.required) return ps.objectPermissions.some((op) => objects.includes(op.object) && op.allowRead);
  return ps.fieldPermissions.some((fp) => fp.readable && objects.some((o) => fp.field === `${o}.${f.name}`));
}

export function fieldsGranted(pkg: PackageSource): Finding[] {
  return pkg.fields
    .filter((f) => !isCustomMetadata(f.object) && !pkg.permissionSets.some((ps) => grantsReadOf(ps, f)))
    .map((f) => ({
      ...at(f.file, f.source, '<fullName>'),
      message: `${qualified(f)} is granted by no permission set, so no user can see it (field access comes only from permission sets)`
    }));
}

export function integrationAccess(pkg: PackageSource, table: AccessTable): Finding[] {
  const ps = pkg.permissionSets.find((p) => p.name === table.name);
  if (!ps) return [{ message: `permission set ${table.name} (the integration user's) is missing` }];
  const findings: Finding[] = [];
  const report = (needle: string, message: string): void => {
    findings.push({
      ...at(ps.file, ps.source, needle),
      message: `${ps.name} grants more than the access table: ${message}`
    });
  };
  for (const op of ps.objectPermissions) {
    const allowed = new Set(table.objects[op.object] ?? []);
    const needle = `<object>${op.object}<`;
    if (op.allowRead && !allowed.has('read')) report(needle, `read on ${op.object}`);
    if (op.allowCreate && !allowed.has('create')) report(needle, `create on ${op.object}`);
    if (op.allowEdit && !allowed.has('edit')) report(needle, `edit on ${op.object}`);
    if (op.allowDelete) report(needle, `delete on ${op.object}`);
    if (op.viewAllRecords || op.modifyAllRecords) report(needle, `View All or Modify All on ${op.object}`);
  }
  for (const fp of ps.fieldPermissions) {
    const [object = ''] = fp.field.split('.');
    if (!table.fieldObjects.includes(object)) report(`<field>${fp.field}<`, `field access on ${fp.field}`);
    const objectAccess = table.objects[object];
    if (fp.editable && objectAccess && !objectAccess.includes('edit'))
      report(`<field>${fp.field}<`, `edit of ${fp.field}`);
  }
  for (const permission of ps.userPermissions) {
    if (!table.userPermissions.includes(permission)) report(`<name>${permission}<`, `system permission ${permission}`);
  }
  for (const type of ps.customMetadataTypes) {
    if (!table.customMetadataTypes.includes(type)) report(`<name>${type}<`, `custom metadata type ${type}`);
  }
  for (const apexClass of ps.classAccesses) report(`<apexClass>${apexClass}<`, `Apex class ${apexClass}`);
  for (const tab of ps.tabs) report(`<tab>${tab}<`, `tab ${tab}`);
  for (const principal of ps.externalCredentialPrincipals) report(`>${principal}<`, `external credential ${principal}`);
  for (const other of ps.otherGrants) report(other.split(': ')[1] ?? '', other);
  for (const permission of table.requiredUserPermissions) {
    if (!ps.userPermissions.includes(permission)) {
      findings.push({
        ...at(ps.file, ps.source, '<PermissionSet'),
        message: `${ps.name} lacks ${permission}, which the service needs`
      });
    }
  }
  return findings;
}

export function apexClassFiles(pkg: PackageSource): Finding[] {
  return [
    ...pkg.apexClasses
      .filter((c) => !c.hasMeta)
      .map((c) => ({
        file: shown(c.file),
        message: `${c.name} has no ${c.file.endsWith('.trigger') ? '.trigger' : '.cls'}-meta.xml; Salesforce's converter would silently leave it out of the package`
      })),
    ...pkg.orphanApexMeta.map((file) => ({ file: shown(file), message: 'metadata file without its Apex source' }))
  ];
}

export function apiVersions(pkg: PackageSource, sourceApiVersion: string | undefined): Finding[] {
  if (!sourceApiVersion) return [{ message: 'sfdx-project.json has no sourceApiVersion to compare against' }];
  return pkg.apiVersions
    .filter((v) => v.version !== sourceApiVersion)
    .map((v) => ({
      file: shown(v.file),
      line: v.line,
      message: `apiVersion ${v.version} differs from the project's sourceApiVersion ${sourceApiVersion}`
    }));
}

export function customLabels(pkg: PackageSource): Finding[] {
  const findings: Finding[] = [];
  const names = new Set(pkg.labels.map((l) => l.name));
  for (const label of pkg.labels) {
    const where = { file: shown(label.file) };
    if (!label.value) findings.push({ ...where, message: `label ${label.name} has no value` });
    if ((label.value?.length ?? 0) > 1000)
      findings.push({ ...where, message: `label ${label.name} value exceeds 1000 characters` });
    if (!label.shortDescription) findings.push({ ...where, message: `label ${label.name} has no short description` });
    if ((label.shortDescription?.length ?? 0) > 80) {
      findings.push({ ...where, message: `label ${label.name} short description exceeds 80 characters` });
    }
  }
  for (const apex of pkg.apexClasses) {
    const code = apex.source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    for (const match of code.matchAll(/\b(?:System\.)?Label\.([A-Za-z][A-Za-z0-9_]*)/g)) {
      const name = match[1] ?? '';
      if (!names.has(name)) {
        findings.push({
          file: shown(apex.file),
          line: code.slice(0, match.index).split('\n').length,
          message: `uses custom label ${name}, which is not in any labels file`
        });
      }
    }
  }
  return findings;
}

export function credentials(pkg: PackageSource): Finding[] {
  const findings: Finding[] = [];
  const granted = new Set(pkg.permissionSets.flatMap((ps) => ps.externalCredentialPrincipals));
  for (const nc of pkg.namedCredentials) {
    if (!nc.url?.startsWith('https://')) {
      findings.push({
        file: shown(nc.file),
        message: `named credential ${nc.name} must call an https:// URL, has ${nc.url ?? 'none'}`
      });
    }
    if (!nc.externalCredential || !pkg.externalCredentials.some((ec) => ec.name === nc.externalCredential)) {
      findings.push({
        file: shown(nc.file),
        message: `named credential ${nc.name} must authenticate through a packaged external credential, names ${nc.externalCredential ?? 'none'}`
      });
    }
  }
  for (const ec of pkg.externalCredentials) {
    for (const principal of ec.principals) {
      if (!granted.has(`${ec.name}-${principal}`)) {
        findings.push({
          file: shown(ec.file),
          message: `principal ${principal} of ${ec.name} is granted by no permission set`
        });
      }
    }
    for (const value of ec.parameterValues) {
      if (/bearer\s+[A-Za-z0-9._-]{8,}/i.test(value) || (!value.includes('$Credential') && SECRET_NAME.test(value))) {
        findings.push({
          file: shown(ec.file),
          message: `external credential ${ec.name} seems to hold a literal secret; secrets are entered after install`
        });
      }
    }
  }
  return findings;
}

export function protectedSecrets(pkg: PackageSource): Finding[] {
  const findings: Finding[] = [];
  for (const object of pkg.objects) {
    if (!object.name.endsWith('__mdt') || object.visibility === 'Protected' || object.visibility === 'PackageProtected')
      continue;
    for (const f of pkg.fields.filter((field) => field.object === object.name && SECRET_NAME.test(field.name))) {
      findings.push({
        ...at(f.file, f.source, '<fullName>'),
        message: `${qualified(f)} looks like a secret in the public custom metadata type ${object.name}; use a Named/External Credential or a protected type`
      });
    }
  }
  return findings;
}
