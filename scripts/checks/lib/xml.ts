import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Finding } from './report.ts';

// Elements that may repeat in the metadata types we read; everything else is parsed as a single value.
const REPEATED = new Set([
  'applicationVisibilities',
  'classAccesses',
  'customMetadataTypeAccesses',
  'customPermissions',
  'customSettingAccesses',
  'externalCredentialParameters',
  'externalCredentialPrincipalAccesses',
  'fieldPermissions',
  'flowAccesses',
  'labels',
  'namedCredentialParameters',
  'objectPermissions',
  'pageAccesses',
  'recordTypeVisibilities',
  'tabSettings',
  'userPermissions',
  'value',
  'values'
]);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name)
});

export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

/** Well-formedness as an XML parser sees it; Salesforce's converter silently "repairs" broken XML instead. */
export function wellFormedness(file: string, text: string): Finding | null {
  const result = XMLValidator.validate(text);
  if (result === true) return null;
  return { file, line: result.err.line, message: `XML is not well-formed: ${result.err.msg}` };
}

/** The document's root element content, e.g. the inside of <CustomField>. */
export function parseRoot(text: string, rootName: string): XmlNode | undefined {
  const doc = parser.parse(text) as XmlNode;
  const root = doc[rootName];
  if (root === '') return {};
  return isNode(root) ? root : undefined;
}

export function isNode(value: XmlValue | undefined): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function text(node: XmlNode | undefined, key: string): string | undefined {
  const value = node?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** All text values of a possibly repeated element. */
export function texts(node: XmlNode | undefined, key: string): string[] {
  const value = node?.[key];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

export function flag(node: XmlNode | undefined, key: string): boolean {
  return text(node, key) === 'true';
}

export function nodes(node: XmlNode | undefined, key: string): XmlNode[] {
  const value = node?.[key];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter(isNode);
}

/** 1-based line of the first occurrence of `needle` in `source`, for pointing at an element. */
export function lineOf(source: string, needle: string): number | undefined {
  const index = source.indexOf(needle);
  return index < 0 ? undefined : source.slice(0, index).split('\n').length;
}
