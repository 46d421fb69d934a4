import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { salesforceSchema } from './schema.ts';

const serviceSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') && !full.endsWith('.test.ts') ? [full] : [];
  });
}

describe('the schema module', () => {
  it('maps logical names to the package fields, without a prefix when unpackaged', () => {
    const schema = salesforceSchema('');
    expect(schema.task.fields.externalActivityId).toBe('External_Activity_Id__c');
    expect(schema.task.fields.recordingUrl).toBe('Recording_Url__c');
    expect(schema.contact.fields.syncStatus).toBe('Sync_Status__c');
    expect(schema.task.fields.subject).toBe('Subject');
  });

  it('prefixes every package field with the namespace, and no standard one', () => {
    const schema = salesforceSchema('swb');
    for (const fields of [schema.task.fields, schema.contact.fields, schema.lead.fields]) {
      for (const name of Object.values(fields)) {
        expect(name.endsWith('__c') ? name.startsWith('swb__') : !name.includes('__')).toBe(true);
      }
    }
    expect(schema.lead.fields.externalId).toBe('swb__External_Id__c');
    expect(schema.task.fields.provider).toBe('swb__Provider__c');
  });

  it('refuses a namespace that is not one', () => {
    expect(() => salesforceSchema('bad__ns')).toThrow('not a namespace prefix');
  });

  it('is the only service module that spells a custom field or object name', () => {
    const offenders = sourceFiles(serviceSrc)
      .filter((file) => !file.endsWith(path.join('salesforce', 'schema.ts')))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${path.relative(serviceSrc, file)}:${i + 1}`, line }))
          .filter(({ line }) => /\b[A-Za-z][A-Za-z0-9_]*__(c|r|mdt)\b/.test(line))
          .map(({ where }) => where)
      );
    expect(offenders).toEqual([]);
  });
});
