// Reads the package's source-format metadata into plain records the project rules check. Files are found by suffix
// anywhere under the package directory, as Salesforce's tooling does.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from './files.ts';
import { flag, nodes, parseRoot, text, texts } from './xml.ts';
import type { XmlNode } from './xml.ts';

export interface FieldSource {
  /** Object folder name: Lead, Activity, Engagement_Event__c, Field_Mapping__mdt … */
  object: string;
  name: string;
  file: string;
  source: string;
  type?: string;
  label?: string;
  description?: string;
  inlineHelpText?: string;
  required: boolean;
  formula: boolean;
  externalId: boolean;
  unique: boolean;
  restricted: boolean;
  usesGlobalValueSet: boolean;
  picklistValues: string[];
  referenceTo?: string;
  securityClassification?: string;
  complianceGroup?: string;
}

export interface ObjectSource {
  name: string;
  file: string;
  visibility?: string;
}

export interface ObjectPermission {
  object: string;
  allowCreate: boolean;
  allowDelete: boolean;
  allowEdit: boolean;
  allowRead: boolean;
  viewAllRecords: boolean;
  modifyAllRecords: boolean;
}

export interface FieldPermission {
  field: string;
  editable: boolean;
  readable: boolean;
}

export interface PermissionSetSource {
  name: string;
  file: string;
  source: string;
  label?: string;
  description?: string;
  objectPermissions: ObjectPermission[];
  fieldPermissions: FieldPermission[];
  classAccesses: string[];
  userPermissions: string[];
  customMetadataTypes: string[];
  externalCredentialPrincipals: string[];
  tabs: string[];
  /** Other granting sections present (applications, pages, flows, custom permissions …) with their names. */
  otherGrants: string[];
}

export interface ApexSource {
  name: string;
  file: string;
  source: string;
  hasMeta: boolean;
}

export interface LabelSource {
  name: string;
  value?: string;
  shortDescription?: string;
  file: string;
}

export interface ExternalCredentialSource {
  name: string;
  file: string;
  principals: string[];
  parameterValues: string[];
}

export interface NamedCredentialSource {
  name: string;
  file: string;
  url?: string;
  externalCredential?: string;
}

export interface CustomMetadataRecordSource {
  /** The type's name without __mdt (the file name's first part: Field_Mapping.Lead_Email → Field_Mapping). */
  type: string;
  /** `Type.Record`, as the file is named. */
  name: string;
  file: string;
  label?: string;
  protected: boolean;
  /** Field API name → value as written (xsi:nil values are absent). */
  values: Map<string, string>;
}

export interface MetaApiVersion {
  file: string;
  version: string;
  line?: number;
}

export interface PackageSource {
  dir: string;
  objects: ObjectSource[];
  fields: FieldSource[];
  permissionSets: PermissionSetSource[];
  apexClasses: ApexSource[];
  /** `.cls-meta.xml` files without a `.cls`. */
  orphanApexMeta: string[];
  labels: LabelSource[];
  customMetadataRecords: CustomMetadataRecordSource[];
  externalCredentials: ExternalCredentialSource[];
  namedCredentials: NamedCredentialSource[];
  apiVersions: MetaApiVersion[];
  /** Files that could not be parsed as the metadata type their suffix names. */
  unreadable: { file: string; message: string }[];
}

const stripSuffix = (file: string, suffix: string): string => path.basename(file).slice(0, -suffix.length);
const bool = (node: XmlNode, key: string): boolean => flag(node, key);

export function loadPackage(dir: string): PackageSource {
  const files = listFiles(dir);
  const pkg: PackageSource = {
    dir,
    objects: [],
    fields: [],
    permissionSets: [],
    apexClasses: [],
    orphanApexMeta: [],
    labels: [],
    customMetadataRecords: [],
    externalCredentials: [],
    namedCredentials: [],
    apiVersions: [],
    unreadable: []
  };

  const read = (file: string, root: string): { source: string; node?: XmlNode } => {
    const source = readFileSync(file, 'utf8');
    try {
      const node = parseRoot(source, root);
      if (!node) pkg.unreadable.push({ file, message: `expected a <${root}> root element` });
      return { source, node };
    } catch (e) {
      pkg.unreadable.push({ file, message: (e as Error).message });
      return { source };
    }
  };

  for (const file of files) {
    if (file.endsWith('-meta.xml')) {
      const source = readFileSync(file, 'utf8');
      const match = /<apiVersion>\s*([^<\s]+)\s*<\/apiVersion>/.exec(source);
      if (match?.[1]) {
        pkg.apiVersions.push({ file, version: match[1], line: source.slice(0, match.index).split('\n').length });
      }
    }

    if (file.endsWith('.field-meta.xml')) {
      const { source, node } = read(file, 'CustomField');
      if (!node) continue;
      const valueSet = nodes(node, 'valueSet')[0];
      const definition = nodes(valueSet, 'valueSetDefinition')[0];
      pkg.fields.push({
        object: path.basename(path.dirname(path.dirname(file))),
        name: stripSuffix(file, '.field-meta.xml'),
        file,
        source,
        type: text(node, 'type'),
        label: text(node, 'label'),
        description: text(node, 'description'),
        inlineHelpText: text(node, 'inlineHelpText'),
        required: bool(node, 'required'),
        formula: text(node, 'formula') !== undefined,
        externalId: bool(node, 'externalId'),
        unique: bool(node, 'unique'),
        restricted: valueSet !== undefined && flag(valueSet, 'restricted'),
        usesGlobalValueSet: text(valueSet, 'valueSetName') !== undefined,
        picklistValues: nodes(definition, 'value').map((v) => text(v, 'fullName') ?? ''),
        referenceTo: text(node, 'referenceTo'),
        securityClassification: text(node, 'securityClassification'),
        complianceGroup: text(node, 'complianceGroup')
      });
    } else if (file.endsWith('.object-meta.xml')) {
      const { node } = read(file, 'CustomObject');
      if (!node) continue;
      pkg.objects.push({ name: stripSuffix(file, '.object-meta.xml'), file, visibility: text(node, 'visibility') });
    } else if (file.endsWith('.permissionset-meta.xml')) {
      const { source, node } = read(file, 'PermissionSet');
      if (!node) continue;
      const enabledNames = (section: string, key: string): string[] =>
        nodes(node, section)
          .filter((n) => text(n, 'enabled') !== 'false')
          .map((n) => text(n, key) ?? '');
      const otherSections: [string, string][] = [
        ['applicationVisibilities', 'application'],
        ['pageAccesses', 'apexPage'],
        ['flowAccesses', 'flow'],
        ['customPermissions', 'name'],
        ['customSettingAccesses', 'name'],
        ['recordTypeVisibilities', 'recordType']
      ];
      pkg.permissionSets.push({
        name: stripSuffix(file, '.permissionset-meta.xml'),
        file,
        source,
        label: text(node, 'label'),
        description: text(node, 'description'),
        objectPermissions: nodes(node, 'objectPermissions').map((p) => ({
          object: text(p, 'object') ?? '',
          allowCreate: flag(p, 'allowCreate'),
          allowDelete: flag(p, 'allowDelete'),
          allowEdit: flag(p, 'allowEdit'),
          allowRead: flag(p, 'allowRead'),
          viewAllRecords: flag(p, 'viewAllRecords'),
          modifyAllRecords: flag(p, 'modifyAllRecords')
        })),
        fieldPermissions: nodes(node, 'fieldPermissions').map((p) => ({
          field: text(p, 'field') ?? '',
          editable: flag(p, 'editable'),
          readable: flag(p, 'readable')
        })),
        classAccesses: enabledNames('classAccesses', 'apexClass'),
        userPermissions: enabledNames('userPermissions', 'name'),
        customMetadataTypes: enabledNames('customMetadataTypeAccesses', 'name'),
        externalCredentialPrincipals: enabledNames(
          'externalCredentialPrincipalAccesses',
          'externalCredentialPrincipal'
        ),
        tabs: nodes(node, 'tabSettings')
          .filter((n) => text(n, 'visibility') !== 'None')
          .map((n) => text(n, 'tab') ?? ''),
        otherGrants: otherSections.flatMap(([section, key]) =>
          nodes(node, section).map((n) => `${section}: ${text(n, key) ?? '?'}`)
        )
      });
    } else if (file.endsWith('.cls') || file.endsWith('.trigger')) {
      pkg.apexClasses.push({
        name: path.basename(file).replace(/\.(cls|trigger)$/, ''),
        file,
        source: readFileSync(file, 'utf8'),
        hasMeta: existsSync(`${file}-meta.xml`)
      });
    } else if (file.endsWith('.cls-meta.xml') || file.endsWith('.trigger-meta.xml')) {
      if (!existsSync(file.slice(0, -'-meta.xml'.length))) pkg.orphanApexMeta.push(file);
    } else if (file.endsWith('.labels-meta.xml')) {
      const { node } = read(file, 'CustomLabels');
      for (const label of nodes(node, 'labels')) {
        pkg.labels.push({
          name: text(label, 'fullName') ?? '',
          // <value> repeats in picklists, so the parser always yields a list; a label has one.
          value: texts(label, 'value')[0],
          shortDescription: text(label, 'shortDescription'),
          file
        });
      }
    } else if (file.endsWith('.md-meta.xml')) {
      const { node } = read(file, 'CustomMetadata');
      if (!node) continue;
      const name = stripSuffix(file, '.md-meta.xml');
      const values = new Map<string, string>();
      for (const entry of nodes(node, 'values')) {
        // <value xsi:type="xsd:string">x</value> parses to 'x' (attributes ignored); an xsi:nil value has no text.
        const field = text(entry, 'field');
        const value = texts(entry, 'value')[0];
        if (field && value) values.set(field, value);
      }
      pkg.customMetadataRecords.push({
        type: name.split('.')[0] ?? '',
        name,
        file,
        label: text(node, 'label'),
        protected: flag(node, 'protected'),
        values
      });
    } else if (file.endsWith('.externalCredential-meta.xml')) {
      const { node } = read(file, 'ExternalCredential');
      if (!node) continue;
      const parameters = nodes(node, 'externalCredentialParameters');
      pkg.externalCredentials.push({
        name: stripSuffix(file, '.externalCredential-meta.xml'),
        file,
        principals: parameters
          .filter(
            (p) => text(p, 'parameterType') === 'NamedPrincipal' || text(p, 'parameterType') === 'PerUserPrincipal'
          )
          .map((p) => text(p, 'parameterName') ?? ''),
        parameterValues: parameters.map((p) => text(p, 'parameterValue') ?? '').filter(Boolean)
      });
    } else if (file.endsWith('.namedCredential-meta.xml')) {
      const { node } = read(file, 'NamedCredential');
      if (!node) continue;
      const parameters = nodes(node, 'namedCredentialParameters');
      pkg.namedCredentials.push({
        name: stripSuffix(file, '.namedCredential-meta.xml'),
        file,
        url: parameters.find((p) => text(p, 'parameterType') === 'Url')?.['parameterValue'] as string | undefined,
        externalCredential: parameters.find((p) => text(p, 'parameterType') === 'Authentication')?.[
          'externalCredential'
        ] as string | undefined
      });
    }
  }
  return pkg;
}

/** The object a permission set's `Object.Field` names is stored under: activity fields live in objects/Activity. */
export function fieldsNamed(pkg: PackageSource, qualified: string): FieldSource[] {
  const [object, field] = qualified.split('.');
  const folders = object === 'Task' || object === 'Event' ? [object, 'Activity'] : [object];
  return pkg.fields.filter((f) => folders.includes(f.object) && f.name === field);
}
