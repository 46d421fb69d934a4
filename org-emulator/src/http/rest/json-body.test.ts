import { SalesforceError } from '../../errors.ts';
import { parseJsonBody } from './json-body.ts';

const messageFor = (raw: string): string => {
  try {
    parseJsonBody(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(SalesforceError);
    expect((error as SalesforceError).errorCode).toBe('JSON_PARSER_ERROR');
    return (error as SalesforceError).message;
  }
  throw new Error(`parsed: ${raw}`);
};

describe('request body parsing', () => {
  it('parses JSON and treats an empty body as absent', () => {
    expect(parseJsonBody('{"Name":"Acme","N":[1,2.5e3,true,null]}')).toEqual({
      Name: 'Acme',
      N: [1, 2500, true, null]
    });
    expect(parseJsonBody('  ')).toBeUndefined();
  });

  it.each([
    ['{"Name": }', "Unexpected character ('}' (code 125)): expected a valid value", 'line:1, column:10'],
    [
      '{Name: 1}',
      "Unexpected character ('N' (code 78)): expected double-quote to start field name",
      'line:1, column:2'
    ],
    ['{"a":1,\n "b" 2}', "Unexpected character ('2' (code 50)): expected a colon", 'line:2, column:6'],
    ['{"a":1', 'Unexpected end-of-input: expected close marker for OBJECT', 'line:1, column:7'],
    ['[1,2] x', "Unexpected character ('x' (code 120)): expected end of input", 'line:1, column:7'],
    ['{"a":"\\x"}', "Unexpected character ('x' (code 120)): expected a valid escape sequence", 'line:1, column:8'],
    ['{"a":"unterminated', 'Unexpected end-of-input: expected a closing quote', 'line:1, column:19']
  ])('reports %j as JSON_PARSER_ERROR with the character and its position', (raw, text, where) => {
    const message = messageFor(raw);
    expect(message).toContain(text);
    expect(message).toContain(`[${where}]`);
  });

  it('refuses a document nested deeper than 1,000 levels (Jackson’s limit), even when it is unterminated', () => {
    expect(messageFor('['.repeat(1001) + ']'.repeat(1001))).toContain(
      'Document nesting depth (1001) exceeds the maximum allowed (1000'
    );
    expect(messageFor('{"a":'.repeat(50_000))).toContain('exceeds the maximum allowed (1000');
    expect(parseJsonBody('['.repeat(1000) + ']'.repeat(1000))).toBeInstanceOf(Array);
    expect(parseJsonBody('{"a":"[[[[[[\\"[[["}')).toEqual({ a: '[[[[[["[[[' });
  });
});
