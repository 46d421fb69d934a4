// `npm run check:metadata`: the package metadata gate. Checks that every XML file is well-formed, that Salesforce's
// converter turns the source into metadata format with no error and nothing silently dropped, and the project rules
// (field documentation and classification, personal data, restricted picklists, the package contract and its
// custom metadata records, permission-set references and least privilege, custom labels, credentials, API
// versions). Usage:
//   node scripts/checks/metadata.ts [--dir force-app] [--contract scripts/checks/package-contract.json]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, UsageError } from './lib/args.ts';
import { loadContract } from './lib/contract.ts';
import { listFiles, shown } from './lib/files.ts';
import * as rules from './lib/metadata-rules.ts';
import { loadPackage } from './lib/package-source.ts';
import { printResults } from './lib/report.ts';
import type { CheckResult } from './lib/report.ts';
import { convertSource } from './lib/sdr-convert.ts';
import { wellFormedness } from './lib/xml.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** sourceApiVersion of the sfdx-project.json at or above the package directory. */
function sourceApiVersion(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, 'sfdx-project.json');
    if (existsSync(candidate)) {
      return (JSON.parse(readFileSync(candidate, 'utf8')) as { sourceApiVersion?: string }).sourceApiVersion;
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export async function checkMetadata(dir: string, contractFile: string): Promise<CheckResult[]> {
  const contract = loadContract(contractFile);
  const results: CheckResult[] = [];

  const xmlFiles = listFiles(dir, (f) => f.endsWith('.xml'));
  results.push({
    name: 'xml-well-formed',
    checked: `${xmlFiles.length} XML files`,
    findings: xmlFiles.flatMap((f) => wellFormedness(shown(f), readFileSync(f, 'utf8')) ?? [])
  });

  const conversion = await convertSource(dir, contract.expectedComponentTypes);
  const counts = [...conversion.componentsByType].map(([type, n]) => `${n} ${type}`).join(', ');
  results.push({
    name: 'sdr-convert',
    checked: `converted to metadata format: ${counts || 'nothing'}`,
    findings: conversion.findings
  });

  const pkg = loadPackage(dir);
  const sets = `${pkg.permissionSets.length} permission sets`;
  results.push(
    {
      name: 'metadata-readable',
      checked: `${pkg.fields.length} fields, ${pkg.objects.length} objects, ${sets}`,
      findings: pkg.unreadable.map((u) => ({ file: shown(u.file), message: u.message }))
    },
    {
      name: 'field-docs',
      checked: `label, description and help text of ${pkg.fields.length} custom fields`,
      findings: rules.fieldDocumentation(pkg)
    },
    {
      name: 'data-classification',
      checked: 'classification of fields holding data',
      findings: rules.dataClassification(pkg)
    },
    {
      name: 'personal-data',
      checked: `${contract.personalDataFields.length} fields holding personal data are classified as such`,
      findings: rules.personalData(pkg, contract.personalDataFields)
    },
    { name: 'restricted-picklists', checked: 'every picklist is restricted', findings: rules.restrictedPicklists(pkg) },
    {
      name: 'package-contract',
      checked: `${contract.requiredFields.length} required fields of the contract`,
      findings: rules.requiredFields(pkg, contract.requiredFields)
    },
    {
      name: 'custom-metadata-records',
      checked: `${pkg.customMetadataRecords.length} custom metadata records, ${contract.customMetadataRecords.length} required by the contract`,
      findings: rules.customMetadataRecords(pkg, contract.customMetadataRecords)
    },
    {
      name: 'permission-set-references',
      checked: `objects, fields, classes, tabs and principals named by ${sets}`,
      findings: rules.permissionSetReferences(pkg)
    },
    {
      name: 'permission-set-sanity',
      checked: `${sets}: required/formula fields, Task/Event symmetry, no View/Modify All`,
      findings: rules.permissionSetSanity(pkg)
    },
    {
      name: 'fields-granted',
      checked: 'every custom field is granted by a permission set',
      findings: rules.fieldsGranted(pkg)
    },
    {
      name: 'integration-access-table',
      checked: `${contract.integrationPermissionSet.name} against the access table`,
      findings: rules.integrationAccess(pkg, contract.integrationPermissionSet)
    },
    {
      name: 'apex-class-files',
      checked: `${pkg.apexClasses.length} Apex classes have their -meta.xml`,
      findings: rules.apexClassFiles(pkg)
    },
    {
      name: 'api-versions',
      checked: `${pkg.apiVersions.length} apiVersion elements`,
      findings: rules.apiVersions(pkg, sourceApiVersion(dir))
    },
    {
      name: 'custom-labels',
      checked: `${pkg.labels.length} labels and the labels Apex uses`,
      findings: rules.customLabels(pkg)
    },
    {
      name: 'credentials',
      checked: `${pkg.namedCredentials.length} named and ${pkg.externalCredentials.length} external credentials`,
      findings: rules.credentials(pkg)
    },
    {
      name: 'protected-secrets',
      checked: 'no secret-like field in a public custom metadata type',
      findings: rules.protectedSecrets(pkg)
    }
  );
  return results;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['dir', 'contract'], {
    dir: 'force-app',
    contract: path.join(here, 'package-contract.json')
  });
  if (!existsSync(args.dir)) throw new UsageError(`--dir ${args.dir} does not exist`);
  console.log(`metadata: checking ${args.dir}`);
  return printResults('metadata', await checkMetadata(args.dir, args.contract ?? ''));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`metadata: ${e instanceof UsageError ? 'usage: ' : ''}${(e as Error).message}`);
      process.exit(2);
    }
  );
}
