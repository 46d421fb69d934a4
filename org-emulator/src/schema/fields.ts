// Builders for field definitions. Each fills in what describe reports for a field of that type in a real org
// (filterable/sortable/groupable, soapType, nillable booleans …) so the object files only state what differs.
import type { FieldDef, FieldType, PicklistEntry } from '../model/types.ts';

export type FieldOptions = Partial<FieldDef>;

const SOAP_TYPES: Record<FieldType, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  picklist: 'xsd:string',
  multipicklist: 'xsd:string',
  combobox: 'xsd:string',
  email: 'xsd:string',
  phone: 'xsd:string',
  url: 'xsd:string',
  encryptedstring: 'xsd:string',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
  time: 'xsd:time',
  base64: 'xsd:base64Binary',
  address: 'urn:address',
  location: 'urn:location',
  anyType: 'xsd:anyType'
};

/** Text types whose length counts characters (describe's byteLength is 3 × length for these). */
export const TEXT_TYPES: ReadonlySet<FieldType> = new Set<FieldType>([
  'string',
  'textarea',
  'picklist',
  'multipicklist',
  'combobox',
  'email',
  'phone',
  'url',
  'encryptedstring',
  'id',
  'reference'
]);

/** "AnnualRevenue" → "Annual Revenue", "IsConverted" → "Converted", "AccountId" → "Account ID". */
export function labelFor(name: string): string {
  const words = name
    .replace(/__c$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim();
  const withoutIs = words.startsWith('Is ') ? words.slice(3) : words;
  return withoutIs.endsWith(' Id') ? `${withoutIs.slice(0, -3)} ID` : withoutIs;
}

function isLongText(type: FieldType, length: number): boolean {
  return type === 'textarea' && length > 255;
}

/** A field with every describe property set: type-driven defaults, then the given options. */
export function field(name: string, type: FieldType, options: FieldOptions = {}): FieldDef {
  const length = options.length ?? defaultLength(type);
  const longText = isLongText(type, length);
  const notFilterable = longText || type === 'base64' || type === 'encryptedstring';
  const notSortable = notFilterable || type === 'multipicklist' || type === 'address' || type === 'location';
  const notGroupable =
    notSortable ||
    type === 'double' ||
    type === 'currency' ||
    type === 'percent' ||
    type === 'datetime' ||
    type === 'time';
  const isBoolean = type === 'boolean';
  const compound = type === 'address' || type === 'location';
  const base: FieldDef = {
    name,
    label: labelFor(name),
    type,
    length,
    precision: 0,
    scale: 0,
    digits: 0,
    // Checkboxes are never null: describe reports them not nillable and defaulted on create.
    nillable: !isBoolean,
    createable: !compound,
    updateable: !compound,
    defaultedOnCreate: isBoolean,
    defaultValue: isBoolean ? false : null,
    unique: false,
    caseSensitive: false,
    externalId: false,
    idLookup: false,
    nameField: false,
    calculated: false,
    custom: false,
    filterable: !notFilterable,
    sortable: !notSortable,
    groupable: !notGroupable,
    htmlFormatted: false,
    picklistValues: [],
    restrictedPicklist: false,
    referenceTo: [],
    relationshipName: null,
    polymorphicForeignKey: false,
    inlineHelpText: null,
    searchGroup: defaultSearchGroup(type),
    soapType: SOAP_TYPES[type]
  };
  return { ...base, ...options, length };
}

function defaultLength(type: FieldType): number {
  switch (type) {
    case 'id':
    case 'reference':
      return 18;
    case 'string':
    case 'combobox':
    case 'url':
      return 255;
    case 'picklist':
      return 40;
    case 'multipicklist':
      return 4099;
    case 'email':
      return 80;
    case 'phone':
      return 40;
    case 'textarea':
      return 255;
    default:
      return 0;
  }
}

function defaultSearchGroup(type: FieldType): FieldDef['searchGroup'] {
  switch (type) {
    case 'email':
      return 'email';
    case 'phone':
      return 'phone';
    case 'string':
    case 'textarea':
    case 'combobox':
    case 'url':
      return 'text';
    default:
      return null;
  }
}

/** Picklist entries with labels equal to values (true of every fresh-org standard value set we model). */
export function values(list: readonly string[], defaultValue?: string): PicklistEntry[] {
  return list.map((value) => ({ value, label: value, active: true, defaultValue: value === defaultValue }));
}

// Shorthands for the common shapes. Each takes the options of `field` last.
export const text = (name: string, length: number, options: FieldOptions = {}): FieldDef =>
  field(name, 'string', { length, ...options });

export const textArea = (name: string, length: number, options: FieldOptions = {}): FieldDef =>
  field(name, 'textarea', { length, ...options });

export const email = (name: string, options: FieldOptions = {}): FieldDef => field(name, 'email', options);
export const phone = (name: string, options: FieldOptions = {}): FieldDef => field(name, 'phone', options);
export const url = (name: string, length = 255, options: FieldOptions = {}): FieldDef =>
  field(name, 'url', { length, ...options });
export const date = (name: string, options: FieldOptions = {}): FieldDef => field(name, 'date', options);
export const datetime = (name: string, options: FieldOptions = {}): FieldDef => field(name, 'datetime', options);

export const checkbox = (name: string, defaultValue = false, options: FieldOptions = {}): FieldDef =>
  field(name, 'boolean', { defaultValue, ...options });

export const int = (name: string, digits: number, options: FieldOptions = {}): FieldDef =>
  field(name, 'int', { digits, ...options });

export const double = (name: string, precision: number, scale: number, options: FieldOptions = {}): FieldDef =>
  field(name, 'double', { precision, scale, ...options });

export const currency = (name: string, precision = 18, scale = 2, options: FieldOptions = {}): FieldDef =>
  field(name, 'currency', { precision, scale, ...options });

export const percent = (name: string, precision = 3, scale = 0, options: FieldOptions = {}): FieldDef =>
  field(name, 'percent', { precision, scale, ...options });

export function picklist(
  name: string,
  list: readonly string[],
  options: FieldOptions & { default?: string } = {}
): FieldDef {
  const { default: defaultValue, ...rest } = options;
  return field(name, 'picklist', {
    picklistValues: values(list, defaultValue),
    ...(defaultValue !== undefined ? { defaultedOnCreate: true } : {}),
    ...rest
  });
}

/** A lookup. `targets` in describe order; several targets make it polymorphic. */
export function reference(
  name: string,
  targets: readonly string[],
  relationshipName: string,
  options: FieldOptions = {}
): FieldDef {
  return field(name, 'reference', {
    referenceTo: [...targets],
    relationshipName,
    polymorphicForeignKey: targets.length > 1,
    ...options
  });
}

/** Not writable through the API (formula, system-maintained or derived). */
export const READ_ONLY: FieldOptions = { createable: false, updateable: false };
/** Writable on create only. */
export const CREATE_ONLY: FieldOptions = { updateable: false };
/** Required on create: not nillable and no default. */
export const REQUIRED: FieldOptions = { nillable: false };

export function idField(label: string): FieldDef {
  return field('Id', 'id', {
    label,
    nillable: false,
    createable: false,
    updateable: false,
    defaultedOnCreate: true,
    idLookup: true,
    searchGroup: null
  });
}

export function isDeletedField(): FieldDef {
  return checkbox('IsDeleted', false, { label: 'Deleted', ...READ_ONLY });
}

export const createdDate = (): FieldDef =>
  datetime('CreatedDate', { label: 'Created Date', nillable: false, defaultedOnCreate: true, ...READ_ONLY });
export const createdById = (): FieldDef =>
  reference('CreatedById', ['User'], 'CreatedBy', {
    label: 'Created By ID',
    nillable: false,
    defaultedOnCreate: true,
    ...READ_ONLY
  });
export const lastModifiedDate = (): FieldDef =>
  datetime('LastModifiedDate', { label: 'Last Modified Date', nillable: false, defaultedOnCreate: true, ...READ_ONLY });
export const lastModifiedById = (): FieldDef =>
  reference('LastModifiedById', ['User'], 'LastModifiedBy', {
    label: 'Last Modified By ID',
    nillable: false,
    defaultedOnCreate: true,
    ...READ_ONLY
  });
export const systemModstamp = (): FieldDef =>
  datetime('SystemModstamp', { label: 'System Modstamp', nillable: false, defaultedOnCreate: true, ...READ_ONLY });

/** CreatedDate … SystemModstamp in the order most standard objects describe them. */
export function auditFields(options: { systemModstamp?: boolean } = {}): FieldDef[] {
  const fields = [createdDate(), createdById(), lastModifiedDate(), lastModifiedById()];
  if (options.systemModstamp !== false) fields.push(systemModstamp());
  return fields;
}

export function ownerField(targets: readonly string[], label = 'Owner ID', options: FieldOptions = {}): FieldDef {
  return reference('OwnerId', targets, 'Owner', {
    label,
    nillable: false,
    defaultedOnCreate: true,
    namePointing: targets.length > 1,
    ...options
  });
}

export const lastActivityDate = (): FieldDef => date('LastActivityDate', { label: 'Last Activity', ...READ_ONLY });
export const lastViewedDate = (): FieldDef => datetime('LastViewedDate', { label: 'Last Viewed Date', ...READ_ONLY });
export const lastReferencedDate = (): FieldDef =>
  datetime('LastReferencedDate', { label: 'Last Referenced Date', ...READ_ONLY });

export const GEOCODE_ACCURACY = [
  'Address',
  'NearAddress',
  'Block',
  'Street',
  'ExtendedZip',
  'Zip',
  'Neighborhood',
  'City',
  'County',
  'State',
  'Unknown'
];

/**
 * The components of a compound address (`Billing` → BillingStreet … BillingAddress), as describe lists them.
 * `prefix` '' gives Street, City, …, Address (Lead, User, Organization).
 */
export function addressFields(prefix: string, labelPrefix: string, options: { readOnly?: boolean } = {}): FieldDef[] {
  const compoundFieldName = `${prefix}Address`;
  const access = options.readOnly ? READ_ONLY : {};
  const part = (suffix: string, make: (name: string) => FieldDef): FieldDef => {
    const f = make(`${prefix}${suffix}`);
    return { ...f, compoundFieldName, ...access };
  };
  const label = (s: string): string => (labelPrefix ? `${labelPrefix} ${s}` : s);
  return [
    part('Street', (n) => textArea(n, 255, { label: label('Street') })),
    part('City', (n) => text(n, 40, { label: label('City') })),
    part('State', (n) => text(n, 80, { label: label('State/Province') })),
    part('PostalCode', (n) => text(n, 20, { label: label('Zip/Postal Code') })),
    part('Country', (n) => text(n, 80, { label: label('Country') })),
    part('Latitude', (n) => double(n, 18, 15, { label: label('Latitude') })),
    part('Longitude', (n) => double(n, 18, 15, { label: label('Longitude') })),
    part('GeocodeAccuracy', (n) =>
      picklist(n, GEOCODE_ACCURACY, { label: label('Geocode Accuracy'), restrictedPicklist: true })
    ),
    field(compoundFieldName, 'address', { label: labelPrefix ? `${labelPrefix} Address` : 'Address' })
  ];
}
