// Reading Salesforce source-format XML: parse (refusing malformed files, which the converter would silently
// "repair"), then typed accessors over the parsed tree so the mappers never touch `unknown` directly.
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element's children by tag name, as fast-xml-parser returns them (text-only elements are strings). */
export type XmlNode = Record<string, unknown>;

export class MetadataError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'MetadataError';
  }
}

// Elements that may repeat: always arrays, so a single occurrence reads the same as several.
const REPEATED = new Set(['value', 'values', 'fields', 'customValue', 'valueSettings', 'controllingFieldValue']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (tagName) => REPEATED.has(tagName)
});

/** The root element of a metadata file (e.g. the `CustomField` element). */
export function readMetadataFile(file: string, rootElement: string): XmlNode {
  const xml = readFileSync(file, 'utf8');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new MetadataError(file, `not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  }
  const doc = parser.parse(xml) as XmlNode;
  const root = doc[rootElement];
  if (root === undefined) throw new MetadataError(file, `expected a <${rootElement}> root element`);
  // An element with no children (e.g. `<CustomObject/>`) parses as an empty string.
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return {};
  return root as XmlNode;
}

/** Whitespace-normalised text of a child element (labels and help text are wrapped by the XML formatter). */
export function text(node: XmlNode, key: string): string | undefined {
  const v = node[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.replace(/\s+/g, ' ').trim();
  if (typeof v === 'object' && !Array.isArray(v) && '#text' in (v as XmlNode)) {
    return String((v as XmlNode)['#text'])
      .replace(/\s+/g, ' ')
      .trim();
  }
  return undefined;
}

export function flag(node: XmlNode, key: string): boolean | undefined {
  const v = text(node, key);
  if (v === undefined) return undefined;
  return v.toLowerCase() === 'true';
}

export function integer(node: XmlNode, key: string, file: string): number | undefined {
  const v = text(node, key);
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new MetadataError(file, `<${key}> must be a non-negative integer: ${v}`);
  return n;
}

export function child(node: XmlNode, key: string): XmlNode | undefined {
  const v = node[key];
  if (Array.isArray(v)) return v[0] as XmlNode | undefined;
  return typeof v === 'object' && v !== null ? (v as XmlNode) : undefined;
}

export function children(node: XmlNode, key: string): XmlNode[] {
  const v = node[key];
  if (v === undefined || v === null || v === '') return [];
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x): x is XmlNode => typeof x === 'object' && x !== null);
}

/** `xsi:type` of an element (custom metadata values), with the namespace removed by the parser. */
export function attribute(node: XmlNode, name: string): string | undefined {
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
}
