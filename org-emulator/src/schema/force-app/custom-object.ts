// CustomObject metadata (`<Obj>.object-meta.xml`) plus its custom fields → the object describe reports: the
// platform's standard fields (Id, OwnerId unless master-detail, Name as text or auto number, audit fields …)
// followed by the custom fields in name order.
import type { FieldDef, SObjectDef } from '../../model/types.ts';
import {
  auditFields,
  idField,
  isDeletedField,
  lastActivityDate,
  lastReferencedDate,
  lastViewedDate,
  ownerField,
  picklist,
  READ_ONLY,
  reference,
  text
} from '../fields.ts';
import { sobject } from '../objects.ts';
import { LANGUAGES } from '../standard/picklists.ts';
import { child, flag, integer, MetadataError, text as xmlText, type XmlNode } from './xml.ts';

export type CustomObjectKind = 'object' | 'setting' | 'metadata' | 'event';

export interface CustomObjectInput {
  /** API name as the org sees it (namespaced). */
  name: string;
  /** Name in force-app, without the namespace. */
  sourceName: string;
  /** Parsed `<Obj>.object-meta.xml`; empty when the folder has fields only. */
  xml: XmlNode;
  file: string;
  keyPrefix: string;
  customFields: FieldDef[];
  /** A master-detail field makes the record owned by its master: no OwnerId. */
  hasMasterDetail: boolean;
}

export function kindOf(sourceName: string, xml: XmlNode): CustomObjectKind | undefined {
  if (sourceName.endsWith('__mdt')) return 'metadata';
  if (sourceName.endsWith('__e')) return 'event';
  if (!sourceName.endsWith('__c')) return undefined;
  return xmlText(xml, 'customSettingsType') ? 'setting' : 'object';
}

export function buildCustomObject(input: CustomObjectInput): SObjectDef {
  const kind = kindOf(input.sourceName, input.xml);
  if (!kind) throw new MetadataError(input.file, `not a custom object name: ${input.sourceName}`);
  const label = xmlText(input.xml, 'label') ?? input.sourceName.replace(/__(c|mdt|e)$/, '').replace(/_/g, ' ');
  const labelPlural = xmlText(input.xml, 'pluralLabel') ?? label;
  const custom = [...input.customFields].sort((a, b) => a.name.localeCompare(b.name));
  switch (kind) {
    case 'object':
      return customObject(input, label, labelPlural, custom);
    case 'metadata':
      return customMetadataType(input, label, labelPlural, custom);
    case 'setting':
      return customSetting(input, label, labelPlural, custom);
    case 'event':
      return platformEvent(input, label, labelPlural, custom);
  }
}

function customObject(input: CustomObjectInput, label: string, labelPlural: string, custom: FieldDef[]): SObjectDef {
  const enableActivities = flag(input.xml, 'enableActivities') === true;
  const fields: FieldDef[] = [
    idField('Record ID'),
    ...(input.hasMasterDetail ? [] : [ownerField(['Group', 'User'], 'Owner ID', { namePointing: true })]),
    isDeletedField(),
    nameField(input),
    ...auditFields(),
    ...(enableActivities ? [lastActivityDate()] : []),
    lastViewedDate(),
    lastReferencedDate(),
    ...custom
  ];
  return sobject(input.name, label, labelPlural, input.keyPrefix, fields, {
    custom: true,
    searchable: flag(input.xml, 'enableSearch') !== false,
    feedEnabled: flag(input.xml, 'enableFeeds') === true,
    enableActivities,
    mergeable: false
  });
}

/** The Name field: free text (80) or an auto number, per `<nameField>`. */
function nameField(input: CustomObjectInput): FieldDef {
  const spec = child(input.xml, 'nameField');
  const label = (spec && xmlText(spec, 'label')) ?? `${xmlText(input.xml, 'label') ?? 'Record'} Name`;
  if (spec && xmlText(spec, 'type') === 'AutoNumber') {
    return text('Name', 30, {
      label,
      ...READ_ONLY,
      nillable: false,
      defaultedOnCreate: true,
      autoNumber: true,
      nameField: true,
      idLookup: true,
      searchGroup: 'name',
      displayFormat: xmlText(spec, 'displayFormat') ?? '{0}',
      startingNumber: integer(spec, 'startingNumber', input.file) ?? 1
    });
  }
  // A record saved without a Name gets its Id as Name; describe says nillable and defaulted on create.
  return text('Name', 80, { label, defaultedOnCreate: true, nameField: true, idLookup: true, searchGroup: 'name' });
}

function customMetadataType(
  input: CustomObjectInput,
  label: string,
  labelPlural: string,
  custom: FieldDef[]
): SObjectDef {
  const readOnly = (f: FieldDef): FieldDef => ({ ...f, ...READ_ONLY });
  const fields: FieldDef[] = [
    idField('Custom Metadata Record ID'),
    text('DeveloperName', 40, { label: 'Custom Metadata Record Name', nillable: false, idLookup: true }),
    text('MasterLabel', 40, { label: 'Label', nillable: false, nameField: true, searchGroup: 'name' }),
    picklist('Language', LANGUAGES, { label: 'Master Language', nillable: false, restrictedPicklist: true }),
    text('NamespacePrefix', 15, { label: 'Namespace Prefix' }),
    text('Label', 40, { label: 'Label', nillable: false }),
    text('QualifiedApiName', 70, { label: 'Qualified API Name', nillable: false, idLookup: true }),
    ...custom
  ].map(readOnly);
  return sobject(input.name, label, labelPlural, input.keyPrefix, fields, {
    custom: true,
    customMetadata: true,
    // Records are deployed as metadata; the data API can only read them.
    createable: false,
    updateable: false,
    deletable: false,
    undeletable: false,
    searchable: false,
    mruEnabled: false,
    layoutable: false,
    triggerable: false,
    replicateable: false
  });
}

function customSetting(input: CustomObjectInput, label: string, labelPlural: string, custom: FieldDef[]): SObjectDef {
  const hierarchy = xmlText(input.xml, 'customSettingsType') === 'Hierarchy';
  const fields: FieldDef[] = [
    idField('Record ID'),
    text('Name', 38, { nillable: !hierarchy ? false : true, nameField: true, idLookup: true, searchGroup: null }),
    ...(hierarchy
      ? [
          reference('SetupOwnerId', ['Organization', 'Profile', 'User'], 'SetupOwner', {
            label: 'Location ID',
            namePointing: true,
            defaultedOnCreate: true,
            nillable: false
          })
        ]
      : []),
    isDeletedField(),
    ...auditFields(),
    ...custom
  ];
  return sobject(input.name, label, labelPlural, input.keyPrefix, fields, {
    custom: true,
    customSetting: true,
    searchable: false,
    mruEnabled: false,
    layoutable: false,
    feedEnabled: false
  });
}

function platformEvent(input: CustomObjectInput, label: string, labelPlural: string, custom: FieldDef[]): SObjectDef {
  const fields: FieldDef[] = [
    text('ReplayId', 255, { label: 'Replay ID', ...READ_ONLY, searchGroup: null }),
    ...auditFields().slice(0, 2),
    text('EventUuid', 36, { label: 'Event UUID', ...READ_ONLY, searchGroup: null }),
    ...custom
  ];
  return sobject(input.name, label, labelPlural, input.keyPrefix, fields, {
    custom: true,
    // Platform events are published, not stored: they can't be queried, updated or deleted.
    queryable: false,
    updateable: false,
    deletable: false,
    undeletable: false,
    searchable: false,
    retrieveable: false,
    layoutable: false,
    mruEnabled: false,
    replicateable: false
  });
}
