// The `Name` object: what a polymorphic relationship (Who, What, Owner on Lead/Case/Task …) can reach. Salesforce
// resolves `Who.Name`, `What.Type`, `Owner.Email` against this object, whatever the related record's type is; a
// field the related type doesn't have comes back null (Object Reference, "Name").
import type { FieldDef, FieldType, StoredRecord, Schema } from '../../model/types.ts';

interface NameField {
  type: FieldType;
  /** Types whose records fill the field; undefined = every type. */
  from?: readonly string[];
}

const PEOPLE = ['User', 'Contact', 'Lead'];

const NAME_FIELDS: Record<string, NameField> = {
  Id: { type: 'id' },
  Name: { type: 'string' },
  Type: { type: 'picklist' },
  Alias: { type: 'string', from: ['User'] },
  CommunityNickname: { type: 'string', from: ['User'] },
  Email: { type: 'email', from: ['User', 'Group'] },
  FirstName: { type: 'string', from: PEOPLE },
  LastName: { type: 'string', from: PEOPLE },
  MiddleName: { type: 'string', from: PEOPLE },
  Suffix: { type: 'string', from: PEOPLE },
  IsActive: { type: 'boolean', from: ['User'] },
  Phone: { type: 'phone', from: ['User'] },
  Title: { type: 'string', from: ['User'] },
  Username: { type: 'string', from: ['User'] },
  ProfileId: { type: 'reference', from: ['User'] },
  UserRoleId: { type: 'reference', from: ['User'] },
  RecordTypeId: { type: 'reference' },
  LastReferencedDate: { type: 'datetime' },
  LastViewedDate: { type: 'datetime' }
};

export const NAME_ENTITY = 'Name';

/** The Name object's field, as a FieldDef (case-insensitive lookup). */
export function nameEntityField(name: string): FieldDef | undefined {
  const canonical = Object.keys(NAME_FIELDS).find((key) => key.toLowerCase() === name.toLowerCase());
  if (canonical === undefined) return undefined;
  const spec = NAME_FIELDS[canonical] as NameField;
  return syntheticField(canonical, spec.type);
}

/** The value a Name-object field shows for a related record. */
export function nameEntityValue(schema: Schema, record: StoredRecord, field: string): string | number | boolean | null {
  const spec = NAME_FIELDS[field];
  if (spec === undefined) return null;
  if (field === 'Id') return record.id;
  if (field === 'Type') return record.type;
  if (field === 'Name') {
    const nameField = schema.object(record.type)?.fields.find((candidate) => candidate.nameField);
    return (nameField ? record.values[nameField.name] : record.values['Name']) ?? null;
  }
  if (spec.from !== undefined && !spec.from.includes(record.type)) return null;
  return record.values[field] ?? null;
}

const SOAP_TYPES: Partial<Record<FieldType, string>> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  boolean: 'xsd:boolean',
  datetime: 'xsd:dateTime'
};

function syntheticField(name: string, type: FieldType): FieldDef {
  const text = type === 'string' || type === 'picklist' || type === 'email' || type === 'phone';
  return {
    name,
    label: name,
    type,
    length: text ? 255 : 0,
    precision: 0,
    scale: 0,
    digits: 0,
    nillable: true,
    createable: false,
    updateable: false,
    defaultedOnCreate: false,
    defaultValue: null,
    unique: false,
    caseSensitive: false,
    externalId: false,
    idLookup: false,
    nameField: name === 'Name',
    calculated: false,
    custom: false,
    filterable: true,
    sortable: true,
    groupable: true,
    htmlFormatted: false,
    picklistValues: [],
    restrictedPicklist: false,
    referenceTo: [],
    relationshipName: null,
    polymorphicForeignKey: false,
    inlineHelpText: null,
    searchGroup: null,
    soapType: SOAP_TYPES[type] ?? 'xsd:string'
  };
}
