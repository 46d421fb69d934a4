// The `--data` file: the org's records in the export format (`{ "Account": [ {...}, … ], … }`). Loaded at start,
// written back atomically (temp file + rename) so a crash mid-write never leaves half a file.
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { OrgData } from '../model/org-api.ts';
import type { FieldValues } from '../model/types.ts';

export class DataFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFileError';
  }
}

/** Loads the file into the org when it exists; a missing file means "start from the seed and create it on save". */
export async function loadDataFile(org: OrgData, file: string): Promise<boolean> {
  if (!existsSync(file)) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new DataFileError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new DataFileError(`${file} must hold a JSON object of records by object name (the /__org/export format)`);
  }
  for (const [type, records] of Object.entries(parsed)) {
    if (!Array.isArray(records) || !records.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
      throw new DataFileError(`${file}: "${type}" must be a list of records`);
    }
  }
  try {
    org.importRecords(parsed as Record<string, FieldValues[]>);
  } catch (error) {
    throw new DataFileError(`${file} could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
  return true;
}

export async function saveDataFile(org: OrgData, file: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(org.exportRecords(), null, 1) + '\n', 'utf8');
  await rename(temp, file);
}
