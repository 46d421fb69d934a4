// Salesforce's own source-to-metadata conversion (@salesforce/source-deploy-retrieve, the library behind
// `sf project convert source`), run into a temporary directory. It fails on files it cannot type; it does NOT fail
// on files it silently leaves out (an Apex class without its -meta.xml), so every source file not claimed by a
// component and not ignored by .forceignore is reported as well.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sdr from '@salesforce/source-deploy-retrieve';
import type { SourceComponent } from '@salesforce/source-deploy-retrieve';
import { listFiles, shown } from './files.ts';
import type { Finding } from './report.ts';

const { ComponentSet, ForceIgnore, MetadataConverter } = sdr;

export interface ConversionResult {
  findings: Finding[];
  componentsByType: Map<string, number>;
}

export async function convertSource(dir: string, expectedTypes: string[]): Promise<ConversionResult> {
  const findings: Finding[] = [];
  const componentsByType = new Map<string, number>();
  const claimed = new Set<string>();
  const visit = (component: SourceComponent): void => {
    componentsByType.set(component.type.name, (componentsByType.get(component.type.name) ?? 0) + 1);
    if (component.xml) claimed.add(path.resolve(component.xml));
    if (component.content) for (const file of component.walkContent()) claimed.add(path.resolve(file));
    for (const child of component.getChildren()) visit(child);
  };

  const output = mkdtempSync(path.join(os.tmpdir(), 'switchboard-mdapi-'));
  try {
    const set = ComponentSet.fromSource(path.resolve(dir));
    for (const component of set.getSourceComponents().toArray()) visit(component);
    await new MetadataConverter().convert(set, 'metadata', {
      type: 'directory',
      outputDirectory: output,
      genUniqueDir: false
    });
  } catch (e) {
    const error = e as Error;
    findings.push({ message: `conversion to metadata format failed: ${error.name}: ${error.message}` });
    return { findings, componentsByType };
  } finally {
    rmSync(output, { recursive: true, force: true });
  }

  const ignore = ForceIgnore.findAndCreate(path.resolve(dir));
  for (const file of listFiles(dir)) {
    const absolute = path.resolve(file);
    if (!claimed.has(absolute) && ignore.accepts(absolute)) {
      findings.push({
        file: shown(file),
        message: 'is not part of any metadata component; the converter silently leaves it out'
      });
    }
  }
  for (const type of expectedTypes) {
    if (!componentsByType.has(type)) findings.push({ message: `no ${type} component; the package must ship one` });
  }
  return { findings, componentsByType };
}
