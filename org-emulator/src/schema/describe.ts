// Describe bodies as the REST API returns them: `GET /sobjects` (global describe) and
// `GET /sobjects/{Type}/describe` (DescribeSObjectResult, with every key of the WSDL Field type).
import { notFound } from '../errors.ts';
import type { FieldDef, Schema, SObjectDef } from '../model/types.ts';
import { TEXT_TYPES } from './fields.ts';

/** The id of the Master record type: the same in every org. */
export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

function versionPath(apiVersion: string): string {
  const v = apiVersion.replace(/^v/i, '');
  if (!/^\d+\.\d$/.test(v)) throw new Error(`API version must look like 62.0: ${apiVersion}`);
  return `/services/data/v${v}`;
}

function objectUrls(o: SObjectDef, base: string, detailed: boolean): Record<string, string> {
  const sobject = `${base}/sobjects/${o.name}`;
  const urls: Record<string, string> = {
    sobject,
    describe: `${sobject}/describe`,
    rowTemplate: `${sobject}/{ID}`
  };
  if (o.layoutable) {
    urls.compactLayouts = `${sobject}/describe/compactLayouts`;
    urls.approvalLayouts = `${sobject}/describe/approvalLayouts`;
    urls.listviews = `${sobject}/listviews`;
    urls.quickActions = `${sobject}/quickActions`;
    urls.layouts = `${sobject}/describe/layouts`;
  }
  if (detailed && o.createable) urls.defaultValues = `${sobject}/defaultValues?recordTypeId&fields`;
  return urls;
}

/** The flags shared by the global entry and the full describe of an object. */
function objectFlags(o: SObjectDef): Record<string, unknown> {
  return {
    activateable: o.activateable ?? false,
    associateEntityType: null,
    associateParentEntity: null,
    createable: o.createable,
    custom: o.custom,
    customSetting: o.customSetting,
    deepCloneable: o.deepCloneable ?? false,
    deletable: o.deletable,
    deprecatedAndHidden: false,
    feedEnabled: o.feedEnabled ?? false,
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: o.keyPrefix || null,
    label: o.label,
    labelPlural: o.labelPlural,
    layoutable: o.layoutable ?? false,
    mergeable: o.mergeable ?? false,
    mruEnabled: o.mruEnabled ?? false,
    name: o.name,
    queryable: o.queryable,
    replicateable: o.replicateable ?? false,
    retrieveable: o.retrieveable,
    searchable: o.searchable,
    triggerable: o.triggerable ?? false,
    undeletable: o.undeletable ?? false,
    updateable: o.updateable
  };
}

/** `GET /services/data/vXX.X/sobjects`. */
export function describeGlobal(schema: Schema, apiVersion: string): Record<string, unknown> {
  const base = versionPath(apiVersion);
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: schema.objects().map((o) => ({ ...objectFlags(o), urls: objectUrls(o, base, false) }))
  };
}

/** `GET /services/data/vXX.X/sobjects/{Type}/describe`; NOT_FOUND (404) for an unknown object. */
export function describeSObject(schema: Schema, name: string, apiVersion: string): Record<string, unknown> {
  const o = schema.object(name);
  if (!o) throw notFound();
  const base = versionPath(apiVersion);
  const owned = o.fields.some((f) => f.name === 'OwnerId');
  return {
    actionOverrides: [],
    ...objectFlags(o),
    childRelationships: o.childRelationships.map((r) => ({
      cascadeDelete: r.cascadeDelete,
      childSObject: r.childSObject,
      deprecatedAndHidden: false,
      field: r.field,
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: r.relationshipName,
      restrictedDelete: r.restrictedDelete
    })),
    compactLayoutable: o.layoutable ?? false,
    defaultImplementation: null,
    extendedBy: null,
    extendsInterfaces: null,
    fields: o.fields.map(describeField),
    implementedBy: null,
    implementsInterfaces: null,
    listviewable: null,
    lookupLayoutable: null,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: o.layoutable
      ? [
          {
            active: true,
            available: true,
            defaultRecordTypeMapping: true,
            developerName: 'Master',
            master: true,
            name: 'Master',
            recordTypeId: MASTER_RECORD_TYPE_ID,
            urls: { layout: `${base}/sobjects/${o.name}/describe/layouts/${MASTER_RECORD_TYPE_ID}` }
          }
        ]
      : [],
    searchLayoutable: o.searchable,
    sobjectDescribeOption: 'FULL',
    supportedScopes: owned
      ? [
          { label: `All ${o.labelPlural.toLowerCase()}`, name: 'everything' },
          { label: `My ${o.labelPlural.toLowerCase()}`, name: 'mine' }
        ]
      : [{ label: `All ${o.labelPlural.toLowerCase()}`, name: 'everything' }],
    urls: objectUrls(o, base, true)
  };
}

/** One entry of `fields[]`: every key of the WSDL Field type, with the values describe reports. */
export function describeField(f: FieldDef): Record<string, unknown> {
  const isText = TEXT_TYPES.has(f.type) && f.type !== 'id' && f.type !== 'reference';
  const length = isText || f.type === 'id' || f.type === 'reference' ? f.length : 0;
  return {
    aggregatable: isAggregatable(f),
    aiPredictionField: false,
    autoNumber: f.autoNumber ?? false,
    byteLength: isText ? f.length * 3 : f.type === 'id' || f.type === 'reference' ? 18 : 0,
    calculated: f.calculated,
    calculatedFormula: f.calculatedFormula ?? null,
    cascadeDelete: f.cascadeDelete ?? false,
    caseSensitive: f.caseSensitive,
    compoundFieldName: f.compoundFieldName ?? null,
    controllerName: f.controllerName ?? null,
    createable: f.createable,
    custom: f.custom,
    defaultValue: f.type === 'boolean' ? f.defaultValue : null,
    defaultValueFormula: f.defaultValueFormula ?? null,
    defaultedOnCreate: f.defaultedOnCreate,
    dependentPicklist: f.dependentPicklist ?? false,
    deprecatedAndHidden: false,
    digits: f.digits,
    displayLocationInDecimal: f.displayLocationInDecimal ?? false,
    encrypted: f.encrypted ?? false,
    externalId: f.externalId,
    extraTypeInfo: f.extraTypeInfo ?? null,
    filterable: f.filterable,
    filteredLookupInfo: null,
    formulaTreatNullNumberAsZero: false,
    groupable: f.groupable,
    highScaleNumber: false,
    htmlFormatted: f.htmlFormatted,
    idLookup: f.idLookup,
    inlineHelpText: f.inlineHelpText,
    label: f.label,
    length,
    mask: f.mask ?? null,
    maskType: f.maskType ?? null,
    name: f.name,
    nameField: f.nameField,
    namePointing: f.namePointing ?? false,
    nillable: f.nillable,
    permissionable: f.nillable && !f.calculated && (f.custom || f.createable || f.updateable),
    picklistValues: f.picklistValues.map((p) => ({
      active: p.active,
      defaultValue: p.defaultValue,
      label: p.label,
      validFor: null,
      value: p.value
    })),
    polymorphicForeignKey: f.polymorphicForeignKey,
    precision: f.precision,
    queryByDistance: f.type === 'location',
    referenceTargetField: null,
    referenceTo: f.referenceTo,
    relationshipName: f.relationshipName,
    relationshipOrder: f.relationshipOrder ?? null,
    restrictedDelete: f.restrictedDelete ?? false,
    restrictedPicklist: f.restrictedPicklist,
    scale: f.scale,
    searchPrefilterable: f.type === 'reference',
    soapType: f.soapType,
    sortable: f.sortable,
    type: f.type,
    unique: f.unique,
    updateable: f.updateable,
    writeRequiresMasterRead: f.writeRequiresMasterRead ?? false
  };
}

function isAggregatable(f: FieldDef): boolean {
  if (!f.filterable) return false;
  return !['address', 'location', 'multipicklist', 'base64'].includes(f.type);
}
