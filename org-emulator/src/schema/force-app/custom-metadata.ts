// Custom metadata records (`customMetadata/<Type>.<Record>.md-meta.xml`): read-only rows of their __mdt type.
import type { FieldDef, FieldValues, SObjectDef } from '../../model/types.ts';
import { qualify } from './namespace.ts';
import { attribute, children, MetadataError, readMetadataFile, text, type XmlNode } from './xml.ts';

export interface CustomMetadataRecord {
  /** The __mdt object's API name (namespaced). */
  type: string;
  values: FieldValues;
}

/**
 * Reads one record file. `objectFor` resolves the (namespaced) type name to its definition so values are typed
 * by their fields, not only by the file's xsi:type.
 */
export function readCustomMetadataRecord(
  file: string,
  namespace: string | null,
  objectFor: (name: string) => SObjectDef | undefined
): CustomMetadataRecord {
  const base = (file.split(/[\\/]/).pop() ?? file).replace(/\.md-meta\.xml$/, '');
  const dot = base.indexOf('.');
  if (dot <= 0 || dot === base.length - 1) {
    throw new MetadataError(file, 'custom metadata file names are <Type>.<Record>.md-meta.xml');
  }
  const typeName = qualify(`${base.slice(0, dot)}__mdt`, namespace);
  const developerName = base.slice(dot + 1);
  const object = objectFor(typeName);
  if (!object) throw new MetadataError(file, `custom metadata type ${typeName} is not defined in objects/`);
  const xml = readMetadataFile(file, 'CustomMetadata');
  const label = text(xml, 'label') ?? developerName;
  const values: FieldValues = {
    DeveloperName: developerName,
    MasterLabel: label,
    Language: 'en_US',
    NamespacePrefix: namespace,
    Label: label,
    QualifiedApiName: namespace ? `${namespace}__${developerName}` : developerName
  };
  for (const entry of children(xml, 'values')) {
    const fieldName = text(entry, 'field');
    if (!fieldName) throw new MetadataError(file, 'a <values> entry has no <field>');
    const qualified = qualify(fieldName, namespace);
    const def = object.fields.find((f) => f.name.toLowerCase() === qualified.toLowerCase());
    if (!def) throw new MetadataError(file, `${typeName} has no field ${qualified}`);
    values[def.name] = typedValue(entry, def, file);
  }
  return { type: object.name, values };
}

function typedValue(entry: XmlNode, def: FieldDef, file: string): string | number | boolean | null {
  const raw = entry['value'];
  const node = Array.isArray(raw) ? (raw[0] as XmlNode | string | undefined) : (raw as XmlNode | string | undefined);
  if (node === undefined || node === null || node === '') return def.type === 'boolean' ? false : null;
  if (typeof node === 'object' && attribute(node, 'nil') === 'true') return def.type === 'boolean' ? false : null;
  const value = typeof node === 'string' ? node : String(node['#text'] ?? '');
  switch (def.type) {
    case 'boolean':
      return value.toLowerCase() === 'true';
    case 'double':
    case 'currency':
    case 'percent':
    case 'int': {
      const n = Number(value);
      if (value === '' || !Number.isFinite(n)) throw new MetadataError(file, `${def.name} is not a number: ${value}`);
      return n;
    }
    default:
      return value;
  }
}
