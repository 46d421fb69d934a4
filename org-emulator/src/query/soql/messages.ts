// Salesforce's positioned query errors. A query error names the place it happened:
//   "\n<excerpt of the line>\n<spaces>^\nERROR at Row:<row>:Column:<column>\n<detail>"
// Observed messages (reference §2.2 [ISS-INVFIELD]; forcedotcom/cli#1356; apex-rollup#273) show a window of the
// offending line, not always the whole statement: every whitespace-delimited chunk that reaches within 30
// characters of the error column is shown. That rule reproduces all the captured examples; it is inferred.
import { SalesforceError } from '../../errors.ts';

/** A statement being compiled, and where its characters sit in the text the caller sent. */
export interface QuerySource {
  /** The text the lexer reads. */
  readonly text: string;
  /** The statement the caller sent (differs from `text` when SOSL compiles a RETURNING clause as SOQL). */
  readonly original: string;
  /** Maps an offset in `text` to an offset in `original`. */
  toOriginal(offset: number): number;
  /** 1-based row and column of an offset of `text`, counted in `original`. */
  positionOf(offset: number): { row: number; column: number };
  /** MALFORMED_QUERY for SOQL, MALFORMED_SEARCH for SOSL. */
  readonly syntaxErrorCode: string;
}

export function soqlSource(text: string): QuerySource {
  return mappedSource(text, text, (offset) => offset, 'MALFORMED_QUERY');
}

export function mappedSource(
  text: string,
  original: string,
  toOriginal: (offset: number) => number,
  syntaxErrorCode: string
): QuerySource {
  return {
    text,
    original,
    toOriginal,
    syntaxErrorCode,
    positionOf(offset: number) {
      return rowAndColumn(original, toOriginal(offset));
    }
  };
}

function rowAndColumn(text: string, offset: number): { row: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { row: before.split('\n').length, column: offset - lineStart + 1 };
}

const WINDOW = 30;

/** The message text for an error at `offset` of `source.text`. */
export function positioned(source: QuerySource, offset: number, detail: string): string {
  const original = source.original;
  const at = source.toOriginal(offset);
  const lineStart = original.lastIndexOf('\n', at - 1) + 1;
  const newline = original.indexOf('\n', at);
  const line = original.slice(lineStart, newline === -1 ? original.length : newline);
  const column = at - lineStart;
  let from = column;
  let to = column;
  for (const chunk of line.matchAll(/\s+|\S+/g)) {
    const start = chunk.index;
    const end = start + chunk[0].length;
    if (start < column + WINDOW && end > column - WINDOW) {
      from = Math.min(from, start);
      to = Math.max(to, end);
    }
  }
  const { row } = rowAndColumn(original, at);
  return `\n${line.slice(from, to)}\n${' '.repeat(column - from)}^\nERROR at Row:${row}:Column:${column + 1}\n${detail}`;
}

export function errorAt(source: QuerySource, offset: number, errorCode: string, detail: string): SalesforceError {
  return new SalesforceError(errorCode, positioned(source, offset, detail));
}

/** A syntax error (MALFORMED_QUERY, or MALFORMED_SEARCH inside SOSL) at `offset`. */
export function malformedAt(source: QuerySource, offset: number, detail: string): SalesforceError {
  return errorAt(source, offset, source.syntaxErrorCode, detail);
}

/** Salesforce's parser message for a token it did not expect (`<EOF>` past the end). */
export function unexpectedToken(source: QuerySource, offset: number, text: string | undefined): SalesforceError {
  return malformedAt(source, offset, `unexpected token: '${text ?? '<EOF>'}'`);
}

export const CUSTOM_FIELD_HINT =
  "If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. " +
  'Please reference your WSDL or the describe call for the appropriate names.';

export const CUSTOM_RELATIONSHIP_HINT =
  "If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship " +
  'name. Please reference your WSDL or the describe call for the appropriate names.';

export const CUSTOM_OBJECT_HINT =
  "If you are attempting to use a custom object, be sure to append the '__c' after the entity name. " +
  'Please reference your WSDL or the describe call for the appropriate names.';

export function noSuchColumn(source: QuerySource, offset: number, field: string, entity: string): SalesforceError {
  return errorAt(
    source,
    offset,
    'INVALID_FIELD',
    `No such column '${field}' on entity '${entity}'. ${CUSTOM_FIELD_HINT}`
  );
}

export function unknownRelationship(source: QuerySource, offset: number, relationship: string): SalesforceError {
  return errorAt(
    source,
    offset,
    'INVALID_FIELD',
    `Didn't understand relationship '${relationship}' in field path. ${CUSTOM_RELATIONSHIP_HINT}`
  );
}

export function unsupportedType(source: QuerySource, offset: number, name: string): SalesforceError {
  return errorAt(source, offset, 'INVALID_TYPE', `sObject type '${name}' is not supported. ${CUSTOM_OBJECT_HINT}`);
}

/** A construct Salesforce accepts but the emulator does not model: refused rather than answered wrongly. */
export function notSupported(source: QuerySource, offset: number, what: string): SalesforceError {
  return malformedAt(source, offset, `${what} is not supported by the org emulator`);
}
