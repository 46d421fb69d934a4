// Which fields a search group covers, and whether a record matches a search query. The index splits field
// values into case-insensitive tokens on anything that is not a letter or digit ("FIND {SearchQuery}"); a phone
// field matches a term whose digits equal its digits, whatever either's formatting (reference §2.4: the
// emulator's model; country-code and suffix matching are unverified and deliberately absent).
import type { FieldDef, SObjectDef, StoredRecord } from '../../model/types.ts';
import type { SearchExpr, SearchTerm } from './search-query.ts';
import type { PatternChar } from '../shared/wildcard.ts';
import { wildcardMatch } from '../shared/wildcard.ts';

export type SearchGroup = 'ALL' | 'NAME' | 'EMAIL' | 'PHONE' | 'SIDEBAR';

export const SEARCH_GROUPS: readonly SearchGroup[] = ['ALL', 'NAME', 'EMAIL', 'PHONE', 'SIDEBAR'];

/** Fields IN NAME FIELDS searches besides name fields ("IN SearchGroup", SOQL and SOSL Reference). */
const NAME_GROUP_EXTRAS: Record<string, readonly string[]> = {
  Account: ['Website', 'Site', 'NameLocal'],
  Asset: ['SerialNumber'],
  Case: ['SuppliedName', 'SuppliedCompany', 'Subject'],
  Contact: ['AssistantName', 'FirstNameLocal', 'LastNameLocal'],
  Event: ['Subject'],
  Lead: ['Company', 'CompanyLocal', 'FirstNameLocal', 'LastNameLocal'],
  Note: ['Title'],
  Task: ['Subject'],
  User: ['CommunityNickname']
};

function isPhone(field: FieldDef): boolean {
  return field.type === 'phone' || field.searchGroup === 'phone';
}

function isEmail(field: FieldDef): boolean {
  return field.type === 'email' || field.searchGroup === 'email';
}

export function searchedFields(object: SObjectDef, group: SearchGroup): FieldDef[] {
  const extras = NAME_GROUP_EXTRAS[object.name] ?? [];
  return object.fields.filter((field) => {
    switch (group) {
      case 'NAME':
        return field.nameField || field.searchGroup === 'name' || extras.includes(field.name);
      case 'EMAIL':
        return isEmail(field);
      case 'PHONE':
        return isPhone(field);
      default:
        return field.searchGroup !== null || field.nameField;
    }
  });
}

function indexTokens(value: string): string[] {
  return value.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function tokenMatches(pattern: string | PatternChar[], token: string): boolean {
  return typeof pattern === 'string' ? pattern === token : wildcardMatch(pattern, token);
}

function termMatchesField(term: SearchTerm, field: FieldDef, value: string): boolean {
  if (isPhone(field)) return term.digits !== '' && term.digits === value.replace(/\D/g, '');
  const tokens = indexTokens(value);
  const wanted = term.tokens;
  if (wanted.length === 0) return false;
  for (let start = 0; start + wanted.length <= tokens.length; start++) {
    if (wanted.every((pattern, offset) => tokenMatches(pattern, tokens[start + offset] as string))) return true;
  }
  return false;
}

export function recordMatches(expr: SearchExpr, record: StoredRecord, fields: readonly FieldDef[]): boolean {
  switch (expr.kind) {
    case 'term':
      return fields.some((field) => {
        const value = record.values[field.name];
        return typeof value === 'string' && termMatchesField(expr.term, field, value);
      });
    case 'and':
      return recordMatches(expr.left, record, fields) && recordMatches(expr.right, record, fields);
    case 'or':
      return recordMatches(expr.left, record, fields) || recordMatches(expr.right, record, fields);
    case 'andNot':
      return recordMatches(expr.left, record, fields) && !recordMatches(expr.right, record, fields);
  }
}
