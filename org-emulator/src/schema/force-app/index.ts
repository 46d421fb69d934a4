// Loads the package's objects and fields from a source-format force-app tree
// (`<forceAppDir>/main/default/objects/<Obj>/<Obj>.object-meta.xml`, `<Obj>/fields/*.field-meta.xml`) and its custom
// metadata records (`customMetadata/*.md-meta.xml`), applying the namespace prefix as a subscriber org shows it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FieldDef, SObjectDef } from '../../model/types.ts';
import { buildCustomObject, kindOf } from './custom-object.ts';
import { mapCustomField } from './custom-field.ts';
import { readCustomMetadataRecord, type CustomMetadataRecord } from './custom-metadata.ts';
import { isCustomName, qualify } from './namespace.ts';
import { MetadataError, readMetadataFile } from './xml.ts';

export { MetadataError } from './xml.ts';
export type { CustomMetadataRecord } from './custom-metadata.ts';

export interface ForceAppContents {
  /** New objects: custom objects, custom settings, custom metadata types, platform events. */
  objects: SObjectDef[];
  /** Custom fields to add to standard objects, by standard object name (`Activity` means Task and Event). */
  standardObjectFields: Map<string, FieldDef[]>;
  customMetadataRecords: CustomMetadataRecord[];
  /** Things present in force-app that the emulator does not model (reported, not fatal). */
  warnings: string[];
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `a00`, `a01`, … `a09`, `a0A`, … : the n-th key prefix of a family, as new orgs hand them out. */
export function nthKeyPrefix(first: string, n: number): string {
  if (n >= 62 * 62) throw new Error(`more than ${62 * 62} objects with key prefix ${first}..`);
  return `${first}${BASE62[Math.floor(n / 62)]}${BASE62[n % 62]}`;
}

const PREFIX_FAMILY: Record<string, string> = { object: 'a', setting: 'a', metadata: 'm', event: 'e' };

function listDir(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort();
}

export function loadForceApp(forceAppDir: string, namespace: string | null): ForceAppContents {
  assertForceAppDir(forceAppDir);
  const root = path.join(forceAppDir, 'main', 'default');
  const objectsDir = path.join(root, 'objects');
  const contents: ForceAppContents = {
    objects: [],
    standardObjectFields: new Map(),
    customMetadataRecords: [],
    warnings: []
  };
  const customFolders: Array<{ sourceName: string; dir: string }> = [];

  for (const entry of listDir(objectsDir)) {
    const dir = path.join(objectsDir, entry);
    if (!statSync(dir).isDirectory()) continue;
    if (isCustomName(entry)) {
      customFolders.push({ sourceName: entry, dir });
    } else {
      // A standard object: only its custom fields matter here.
      const fields = readFields(dir, entry, namespace).flatMap((m) => m.fields);
      if (fields.length) contents.standardObjectFields.set(entry, fields);
    }
  }

  // Key prefixes are handed out per family in name order, so they are stable for a given force-app.
  const counters = new Map<string, number>();
  for (const { sourceName, dir } of customFolders.sort((a, b) => (a.sourceName < b.sourceName ? -1 : 1))) {
    const objectFile = path.join(dir, `${sourceName}.object-meta.xml`);
    const xml = existsSync(objectFile) ? readMetadataFile(objectFile, 'CustomObject') : {};
    const kind = kindOf(sourceName, xml);
    if (!kind) {
      contents.warnings.push(`objects/${sourceName}: ${sourceName.slice(-3)} objects are not modelled; skipped`);
      continue;
    }
    const family = PREFIX_FAMILY[kind] ?? 'a';
    const n = counters.get(family) ?? 0;
    counters.set(family, n + 1);
    const name = qualify(sourceName, namespace);
    const mapped = readFields(dir, name, namespace);
    contents.objects.push(
      buildCustomObject({
        name,
        sourceName,
        xml,
        file: objectFile,
        keyPrefix: nthKeyPrefix(family, n),
        customFields: mapped.flatMap((m) => m.fields),
        hasMasterDetail: mapped.some((m) => m.masterDetail)
      })
    );
  }

  const byName = new Map(contents.objects.map((o) => [o.name.toLowerCase(), o]));
  for (const file of listDir(path.join(root, 'customMetadata'))) {
    if (!file.endsWith('.md-meta.xml')) continue;
    contents.customMetadataRecords.push(
      readCustomMetadataRecord(path.join(root, 'customMetadata', file), namespace, (n) => byName.get(n.toLowerCase()))
    );
  }
  return contents;
}

function readFields(objectDir: string, objectName: string, namespace: string | null) {
  const fieldsDir = path.join(objectDir, 'fields');
  return listDir(fieldsDir)
    .filter((f) => f.endsWith('.field-meta.xml'))
    .map((f) => {
      const file = path.join(fieldsDir, f);
      return mapCustomField(readMetadataFile(file, 'CustomField'), { file, objectName, namespace });
    });
}

/** Throws a MetadataError if the directory does not look like a force-app package directory. */
export function assertForceAppDir(forceAppDir: string): void {
  if (!existsSync(forceAppDir) || !statSync(forceAppDir).isDirectory()) {
    throw new MetadataError(forceAppDir, 'force-app directory does not exist');
  }
}
