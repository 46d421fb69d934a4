// Validation rules tests can install: a SOQL WHERE condition over the record as it would be saved. The SOQL
// engine compiles the condition (src/query compileCondition); a match fails the save with
// FIELD_CUSTOM_VALIDATION_EXCEPTION and the rule's message.
import { SalesforceError } from '../errors.ts';
import { customValidation, invalidType } from './dml-errors.ts';
import type { ValidationRule } from './org-api.ts';
import type { QueryContext, Schema, SObjectDef, StoredRecord } from './types.ts';

type Predicate = (record: StoredRecord, ctx: QueryContext) => boolean;
type CompileCondition = (schema: Schema, objectName: string, where: string) => Predicate;

// Loaded by path so the data model builds and runs while the query engine is absent or broken; installing a
// rule then fails with a clear message instead.
const QUERY_ENGINE = '../query/index.ts';
let compileCondition: CompileCondition | undefined;
let engineProblem = 'the SOQL engine (src/query/index.ts) does not export compileCondition';
try {
  const engine = (await import(QUERY_ENGINE)) as { compileCondition?: unknown };
  if (typeof engine.compileCondition === 'function') compileCondition = engine.compileCondition as CompileCondition;
} catch (error) {
  engineProblem = `the SOQL engine (src/query/index.ts) could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
}

interface InstalledRule {
  rule: ValidationRule;
  objectKey: string;
  predicate: Predicate;
}

export class ValidationRules {
  private readonly installed: InstalledRule[] = [];
  private readonly schema: Schema;

  constructor(schema: Schema) {
    this.schema = schema;
  }

  install(input: ValidationRule): void {
    const rule = this.normalise(input);
    if (!compileCondition) throw new Error(`validation rules are unavailable: ${engineProblem}`);
    // The condition is compiled now so a bad one is refused at install time (MALFORMED_QUERY, INVALID_FIELD …).
    const predicate = compileCondition(this.schema, rule.object, rule.condition);
    this.remove(rule.name);
    this.installed.push({ rule, objectKey: rule.object.toLowerCase(), predicate });
  }

  remove(name: string): boolean {
    const i = this.installed.findIndex((r) => r.rule.name.toLowerCase() === String(name).toLowerCase());
    if (i < 0) return false;
    this.installed.splice(i, 1);
    return true;
  }

  list(): ValidationRule[] {
    return this.installed.map((r) => ({ ...r.rule }));
  }

  clear(): void {
    this.installed.length = 0;
  }

  /** Throws FIELD_CUSTOM_VALIDATION_EXCEPTION for the first active rule of the object the record matches. */
  check(def: SObjectDef, record: StoredRecord, ctx: QueryContext): void {
    const key = def.name.toLowerCase();
    for (const { rule, objectKey, predicate } of this.installed) {
      if (objectKey !== key || rule.active === false) continue;
      if (predicate(record, ctx)) throw customValidation(rule.errorMessage, rule.errorField);
    }
  }

  private normalise(input: ValidationRule): ValidationRule {
    const bad = (what: string): SalesforceError => new SalesforceError('INVALID_FIELD', `validation rule: ${what}`);
    if (typeof input !== 'object' || input === null) throw bad('must be an object');
    const { name, object, condition, errorMessage, errorField, active } = input;
    if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(name)) {
      throw bad('name must be 1–40 letters, digits or underscores, starting with a letter');
    }
    if (typeof object !== 'string') throw bad('object is required');
    const def = this.schema.object(object);
    if (!def) throw invalidType(object);
    if (typeof condition !== 'string' || condition.trim() === '') throw bad('condition is required');
    if (typeof errorMessage !== 'string' || errorMessage.trim() === '') throw bad('errorMessage is required');
    if (active !== undefined && typeof active !== 'boolean') throw bad('active must be true or false');
    let field: string | undefined;
    if (errorField !== undefined && errorField !== null) {
      const f = typeof errorField === 'string' ? this.schema.field(def.name, errorField) : undefined;
      if (!f) throw bad(`errorField ${String(errorField)} is not a field of ${def.name}`);
      field = f.name;
    }
    return {
      name,
      object: def.name,
      condition,
      errorMessage,
      ...(field ? { errorField: field } : {}),
      active: active ?? true
    };
  }
}
