// SOQL and SOSL text, built only from the schema module's names plus escaped values. Every value that reaches a
// query goes through one of the escapers below; nothing is concatenated raw.
//
// SOQL string literals (reference §2.3): single-quoted; `'` and `\` must be backslash-escaped, and the escapes
// \n \r \t \b \f \" \' \\ \uXXXX are the only ones allowed. LIKE adds `%` and `_` as wildcards, escaped as \% \_.
// SOSL search terms (reference §2.4): the reserved characters ? & | ! { } [ ] ( ) ^ ~ * : \ " ' + - must be
// escaped with a backslash; AND, OR and NOT as words must be quoted; a FIND over 4,000 characters loses its
// operators (its terms are ORed) and one over 10,000 finds nothing, so long searches are split.
import type { SalesforceSchema } from './schema.ts';

const SOQL_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f'
};

function escapeSoqlChar(char: string): string {
  const mapped = SOQL_ESCAPES[char];
  if (mapped !== undefined) return mapped;
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** The body of a SOQL string literal (without the quotes). Control characters become \uXXXX. */
export function escapeSoqlString(value: string): string {
  return value.replace(/[\\'"\n\r\t\b\f\u0000-\u001f\u007f]/g, escapeSoqlChar);
}

/** A quoted SOQL string literal. */
export function soqlString(value: string): string {
  return `'${escapeSoqlString(value)}'`;
}

/** A quoted literal for LIKE that matches `value` literally (its % and _ are not wildcards). */
export function soqlLikeLiteral(value: string, options: { prefix?: boolean; suffix?: boolean } = {}): string {
  const body = escapeSoqlString(value).replace(/[%_]/g, (c) => `\\${c}`);
  return `'${options.prefix ? '%' : ''}${body}${options.suffix ? '%' : ''}'`;
}

/** `(lit1, lit2, …)` for IN; at least one value. */
export function soqlInList(values: readonly string[]): string {
  if (values.length === 0) throw new Error('an IN list needs at least one value');
  return `(${values.map(soqlString).join(', ')})`;
}

const SOSL_RESERVED = /[?&|!{}[\]()^~*:\\"'+-]/g;
const SOSL_OPERATOR_WORDS = /^(?:and|or|not)$/i;

/** A SOSL search term that matches `value` as typed: reserved characters escaped, operator words quoted. */
export function soslTerm(value: string): string {
  const collapsed = value.replace(/\s+/g, ' ').trim();
  if (collapsed === '') throw new Error('a SOSL search term must not be empty');
  const escaped = collapsed.replace(SOSL_RESERVED, (c) => `\\${c}`);
  return /\s/.test(escaped) || SOSL_OPERATOR_WORDS.test(escaped) ? `"${escaped}"` : escaped;
}

/** Under the 4,000 characters beyond which Salesforce drops a search's logical operators. */
export const MAX_SOSL_FIND_CHARS = 3_800;

/** Splits terms into groups whose `a OR b OR …` stays under `max` characters. */
export function orGroups(terms: readonly string[], max = MAX_SOSL_FIND_CHARS): string[] {
  const groups: string[] = [];
  let current = '';
  for (const term of terms) {
    if (term.length > max) throw new Error(`a search term is longer than ${max} characters`);
    const next = current === '' ? term : `${current} OR ${term}`;
    if (next.length > max) {
      groups.push(current);
      current = term;
    } else {
      current = next;
    }
  }
  if (current !== '') groups.push(current);
  return groups;
}

/**
 * SOSL searches for Contacts and unconverted Leads whose Phone or MobilePhone matches any of the given terms
 * (already built with soslTerm). One search per group of terms that fits the FIND limit.
 */
export function phoneSearches(schema: SalesforceSchema, terms: readonly string[]): string[] {
  const contact = schema.contact;
  const lead = schema.lead;
  const returning =
    `RETURNING ${contact.object}(${contact.fields.id}, ${contact.fields.name}, ${contact.fields.phone}, ` +
    `${contact.fields.mobilePhone} ORDER BY ${contact.fields.id}), ` +
    `${lead.object}(${lead.fields.id}, ${lead.fields.name}, ${lead.fields.phone}, ${lead.fields.mobilePhone} ` +
    `WHERE ${lead.fields.isConverted} = false ORDER BY ${lead.fields.id})`;
  return orGroups([...new Set(terms)]).map((group) => `FIND {${group}} IN PHONE FIELDS ${returning}`);
}

/** SOQL for the Tasks with these external activity ids (used to read back what was logged). */
export function tasksByExternalIds(
  schema: SalesforceSchema,
  externalIds: readonly string[],
  fields: ReadonlyArray<keyof SalesforceSchema['task']['fields'] | 'Who.Name'>
): string {
  const task = schema.task;
  const columns = fields.map((f) => (f === 'Who.Name' ? f : task.fields[f]));
  return (
    `SELECT ${columns.join(', ')} FROM ${task.object} ` +
    `WHERE ${task.fields.externalActivityId} IN ${soqlInList(externalIds)} ORDER BY ${task.fields.externalActivityId}`
  );
}
