// CustomField metadata (`fields/*.field-meta.xml`) → the field(s) describe reports for it in a subscriber org.
// Type mapping follows what describe returns for each CustomField type, e.g. every Number is `double` (even with
// scale 0: the REST API returns 5.0), Checkbox is a non-nillable boolean defaulted on create, Lookup is a
// `reference` whose relationshipName is `<Name>__r`, and a Geolocation adds `__Latitude__s`/`__Longitude__s`.
import type { FieldDef, FieldType, PicklistEntry } from '../../model/types.ts';
import { field, type FieldOptions } from '../fields.ts';
import { qualify, relationshipNameOf } from './namespace.ts';
import { child, children, flag, integer, MetadataError, text, type XmlNode } from './xml.ts';

export interface CustomFieldContext {
  file: string;
  /** The host object's API name as the org sees it (namespaced when custom). */
  objectName: string;
  namespace: string | null;
}

/** The XML of a field plus what the object loader needs to know about it. */
export interface MappedField {
  fields: FieldDef[];
  masterDetail: boolean;
}

export function mapCustomField(xml: XmlNode, ctx: CustomFieldContext): MappedField {
  const fullName = text(xml, 'fullName') ?? fileFieldName(ctx.file);
  if (!/^[A-Za-z][A-Za-z0-9_]*__c$/.test(fullName)) {
    throw new MetadataError(ctx.file, `field name must be a custom field API name ending in __c: ${fullName}`);
  }
  const type = text(xml, 'type');
  const name = qualify(fullName, ctx.namespace);
  const formula = text(xml, 'formula');
  const common: FieldOptions = {
    label: text(xml, 'label') ?? fullName.replace(/__c$/, '').replace(/_/g, ' '),
    custom: true,
    inlineHelpText: text(xml, 'inlineHelpText') ?? null,
    nillable: flag(xml, 'required') !== true
  };
  if (formula !== undefined)
    return { fields: [formulaField(name, type, formula, xml, common, ctx)], masterDetail: false };
  if (type === undefined) throw new MetadataError(ctx.file, 'missing <type>');

  switch (type) {
    case 'Text':
      return plain(textField(name, 'string', requiredLength(xml, ctx), xml, common));
    case 'TextArea':
      return plain(field(name, 'textarea', { ...common, length: 255, extraTypeInfo: 'plaintextarea' }));
    case 'LongTextArea':
      return plain(
        field(name, 'textarea', { ...common, length: requiredLength(xml, ctx), extraTypeInfo: 'plaintextarea' })
      );
    case 'Html':
      return plain(
        field(name, 'textarea', {
          ...common,
          length: requiredLength(xml, ctx),
          htmlFormatted: true,
          extraTypeInfo: 'richtextarea'
        })
      );
    case 'EncryptedText':
      return plain(
        field(name, 'encryptedstring', {
          ...common,
          length: requiredLength(xml, ctx),
          encrypted: true,
          mask: text(xml, 'maskChar') ?? 'asterisk',
          maskType: text(xml, 'maskType') ?? 'all',
          searchGroup: null
        })
      );
    case 'Email':
      return plain(textField(name, 'email', 80, xml, common));
    case 'Phone':
      return plain(field(name, 'phone', { ...common, length: 40 }));
    case 'Url':
      return plain(field(name, 'url', { ...common, length: 255 }));
    case 'Picklist':
      return plain(picklistField(name, 'picklist', 255, xml, common, ctx));
    case 'MultiselectPicklist':
      return plain(picklistField(name, 'multipicklist', 4099, xml, common, ctx));
    case 'Checkbox': {
      const defaultValue = (text(xml, 'defaultValue') ?? 'false').toLowerCase() === 'true';
      return plain(field(name, 'boolean', { ...common, nillable: false, defaultedOnCreate: true, defaultValue }));
    }
    case 'Number':
      return plain(numberField(name, 'double', xml, common, ctx));
    case 'Currency':
      return plain(numberField(name, 'currency', xml, common, ctx));
    case 'Percent':
      return plain(numberField(name, 'percent', xml, common, ctx));
    case 'Date':
      return plain(withDefault(field(name, 'date', common), xml));
    case 'DateTime':
      return plain(withDefault(field(name, 'datetime', common), xml));
    case 'Time':
      return plain(withDefault(field(name, 'time', common), xml));
    case 'Lookup':
    case 'Hierarchy':
    case 'MasterDetail':
    case 'ExternalLookup':
    case 'IndirectLookup':
    case 'MetadataRelationship':
      return relationshipField(name, fullName, type, xml, common, ctx);
    case 'AutoNumber':
      return plain(
        field(name, 'string', {
          ...common,
          length: 30,
          nillable: false,
          createable: false,
          updateable: false,
          defaultedOnCreate: true,
          autoNumber: true,
          idLookup: true,
          displayFormat: text(xml, 'displayFormat') ?? '{0}',
          startingNumber: integer(xml, 'startingNumber', ctx.file) ?? 1
        })
      );
    case 'Summary':
      // Roll-up summaries are computed by the platform; the emulator reports them and leaves them null.
      // The describe type follows the summarized field; double covers COUNT and numeric SUM/MIN/MAX.
      return plain(
        field(name, 'double', {
          ...common,
          precision: 18,
          scale: integer(xml, 'scale', ctx.file) ?? 0,
          calculated: true,
          createable: false,
          updateable: false,
          nillable: true
        })
      );
    case 'Location':
      return plain(...locationFields(name, xml, common, ctx));
    default:
      throw new MetadataError(ctx.file, `unsupported field type ${type}`);
  }
}

function plain(...fields: FieldDef[]): MappedField {
  return { fields, masterDetail: false };
}

function fileFieldName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.field-meta\.xml$/, '');
}

function requiredLength(xml: XmlNode, ctx: CustomFieldContext): number {
  const length = integer(xml, 'length', ctx.file);
  if (length === undefined || length === 0) throw new MetadataError(ctx.file, 'missing <length>');
  return length;
}

/** Text-like fields: uniqueness, external id, case sensitivity and a literal default. */
function textField(name: string, type: FieldType, length: number, xml: XmlNode, common: FieldOptions): FieldDef {
  const externalId = flag(xml, 'externalId') === true;
  const unique = flag(xml, 'unique') === true;
  return withDefault(
    field(name, type, {
      ...common,
      length,
      externalId,
      unique,
      // Case sensitivity only means something for a unique field.
      caseSensitive: unique && flag(xml, 'caseSensitive') === true,
      idLookup: externalId || unique
    }),
    xml
  );
}

/** A default given as a literal (`"Web"`, `42`) is applied; anything else is a formula describe shows as such. */
function withDefault(f: FieldDef, xml: XmlNode): FieldDef {
  const raw = text(xml, 'defaultValue');
  if (raw === undefined || raw === '') return f;
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(raw) ?? /^'((?:[^'\\]|\\.)*)'$/.exec(raw);
  // Describe shows every custom default as its formula; a literal one is also applied on create.
  if (quoted && quoted[1] !== undefined) {
    return { ...f, defaultValue: quoted[1].replace(/\\(.)/g, '$1'), defaultValueFormula: raw, defaultedOnCreate: true };
  }
  if (/^-?\d+(\.\d+)?$/.test(raw) && ['double', 'currency', 'percent', 'int'].includes(f.type)) {
    return { ...f, defaultValue: Number(raw), defaultValueFormula: raw, defaultedOnCreate: true };
  }
  return { ...f, defaultValueFormula: raw, defaultedOnCreate: true };
}

function numberField(
  name: string,
  type: FieldType,
  xml: XmlNode,
  common: FieldOptions,
  ctx: CustomFieldContext
): FieldDef {
  const precision = integer(xml, 'precision', ctx.file) ?? 18;
  const scale = integer(xml, 'scale', ctx.file) ?? 0;
  if (scale > precision) throw new MetadataError(ctx.file, `<scale> ${scale} exceeds <precision> ${precision}`);
  const externalId = flag(xml, 'externalId') === true;
  const unique = flag(xml, 'unique') === true;
  return withDefault(field(name, type, { ...common, precision, scale, externalId, unique, idLookup: externalId }), xml);
}

function picklistField(
  name: string,
  type: FieldType,
  length: number,
  xml: XmlNode,
  common: FieldOptions,
  ctx: CustomFieldContext
): FieldDef {
  const valueSet = child(xml, 'valueSet');
  const definition = valueSet ? child(valueSet, 'valueSetDefinition') : undefined;
  // A global value set's values live in another file; the field is then restricted to them.
  const globalSet = valueSet ? text(valueSet, 'valueSetName') : undefined;
  const entries: PicklistEntry[] = definition
    ? children(definition, 'value').map((v) => {
        const value = text(v, 'fullName');
        if (value === undefined) throw new MetadataError(ctx.file, 'a picklist <value> has no <fullName>');
        return {
          value,
          label: text(v, 'label') ?? value,
          active: flag(v, 'isActive') !== false,
          defaultValue: flag(v, 'default') === true
        };
      })
    : [];
  const defaultEntry = entries.find((e) => e.defaultValue);
  const controllerName = valueSet ? text(valueSet, 'controllingField') : undefined;
  return field(name, type, {
    ...common,
    length,
    picklistValues: entries,
    restrictedPicklist: globalSet !== undefined || (valueSet ? flag(valueSet, 'restricted') === true : false),
    defaultValue: defaultEntry?.value ?? null,
    defaultedOnCreate: defaultEntry !== undefined,
    ...(controllerName ? { controllerName: qualify(controllerName, ctx.namespace), dependentPicklist: true } : {})
  });
}

function relationshipField(
  name: string,
  fullName: string,
  type: string,
  xml: XmlNode,
  common: FieldOptions,
  ctx: CustomFieldContext
): MappedField {
  const target = type === 'Hierarchy' ? 'User' : text(xml, 'referenceTo');
  if (!target) throw new MetadataError(ctx.file, `${type} field has no <referenceTo>`);
  const childName = text(xml, 'relationshipName');
  const masterDetail = type === 'MasterDetail';
  const deleteConstraint = text(xml, 'deleteConstraint') ?? 'SetNull';
  const relationshipOrder = masterDetail ? (integer(xml, 'relationshipOrder', ctx.file) ?? 0) : null;
  const options: FieldOptions = {
    ...common,
    referenceTo: [qualify(target, ctx.namespace)],
    relationshipName: qualify(relationshipNameOf(fullName), ctx.namespace),
    childRelationshipName: childName ? qualify(`${childName}__r`, ctx.namespace) : null,
    cascadeDelete: masterDetail || deleteConstraint === 'Cascade',
    restrictedDelete: deleteConstraint === 'Restrict',
    relationshipOrder,
    writeRequiresMasterRead: masterDetail && flag(xml, 'writeRequiresMasterRead') === true,
    // Master-detail fields are always required and can only be re-parented when the metadata allows it.
    ...(masterDetail ? { nillable: false, updateable: flag(xml, 'reparentableMasterDetail') === true } : {}),
    ...(type === 'ExternalLookup' || type === 'IndirectLookup' ? { extraTypeInfo: 'externallookup' } : {}),
    externalId: false
  };
  return { fields: [field(name, 'reference', options)], masterDetail };
}

function formulaField(
  name: string,
  type: string | undefined,
  formula: string,
  xml: XmlNode,
  common: FieldOptions,
  ctx: CustomFieldContext
): FieldDef {
  const describeType: Record<string, FieldType> = {
    Text: 'string',
    Number: 'double',
    Currency: 'currency',
    Percent: 'percent',
    Checkbox: 'boolean',
    Date: 'date',
    DateTime: 'datetime',
    Time: 'time'
  };
  const t = type ? describeType[type] : undefined;
  if (!t) throw new MetadataError(ctx.file, `unsupported formula return type ${type ?? '(none)'}`);
  return field(name, t, {
    ...common,
    ...(t === 'string' ? { length: 1300 } : {}),
    ...(t === 'double' || t === 'currency' || t === 'percent'
      ? { precision: integer(xml, 'precision', ctx.file) ?? 18, scale: integer(xml, 'scale', ctx.file) ?? 0 }
      : {}),
    // Formulas are evaluated by the platform; the emulator reports them and stores no value.
    calculated: true,
    calculatedFormula: formula,
    createable: false,
    updateable: false,
    nillable: t !== 'boolean',
    defaultedOnCreate: false,
    ...(t === 'boolean' ? { defaultValue: false } : {})
  });
}

/** A Geolocation field: the compound `location` plus its two `__s` components, as describe lists them. */
function locationFields(name: string, xml: XmlNode, common: FieldOptions, ctx: CustomFieldContext): FieldDef[] {
  const scale = integer(xml, 'scale', ctx.file) ?? 6;
  const base = name.replace(/__c$/, '');
  const label = common.label ?? base;
  const component = (suffix: 'Latitude' | 'Longitude'): FieldDef =>
    field(`${base}__${suffix}__s`, 'double', {
      ...common,
      label: `${label} (${suffix})`,
      precision: scale + 3,
      scale,
      compoundFieldName: name
    });
  return [
    field(name, 'location', {
      ...common,
      displayLocationInDecimal: flag(xml, 'displayLocationInDecimal') === true,
      createable: false,
      updateable: false
    }),
    component('Latitude'),
    component('Longitude')
  ];
}
