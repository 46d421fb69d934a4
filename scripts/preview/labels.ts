// Reads the package's custom labels (force-app/main/default/labels/CustomLabels.labels-meta.xml), so the preview
// shows the text a rep will read instead of the "c.Label_Name" placeholders of the jest mocks.
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

interface LabelEntry {
  fullName?: unknown;
  value?: unknown;
}

/** Parses a CustomLabels file into name → value; throws, naming the file, when it is not one. */
export function parseCustomLabels(xml: string, source = 'custom labels'): Map<string, string> {
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => name === 'labels'
  });
  let document: { CustomLabels?: { labels?: LabelEntry[] } | string };
  try {
    document = parser.parse(xml, true) as typeof document;
  } catch (error) {
    throw new Error(`${source} is not well-formed XML: ${(error as Error).message}`, { cause: error });
  }
  const root = document.CustomLabels;
  if (root === undefined) {
    throw new Error(`${source} has no <CustomLabels> root element`);
  }
  const labels = new Map<string, string>();
  const entries = typeof root === 'object' ? (root.labels ?? []) : [];
  for (const [index, entry] of entries.entries()) {
    const name = entry.fullName;
    if (typeof name !== 'string' || name === '') {
      throw new Error(`${source}: label #${index + 1} has no <fullName>`);
    }
    if (typeof entry.value !== 'string') {
      throw new Error(`${source}: label ${name} has no <value>`);
    }
    labels.set(name, entry.value);
  }
  return labels;
}

export function readCustomLabels(file: string): Map<string, string> {
  return parseCustomLabels(readFileSync(file, 'utf8'), file);
}
