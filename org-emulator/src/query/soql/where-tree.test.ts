// The boolean tree rebuilt from soql-parser-js's flat condition list must mean what the parentheses say.
// Random expressions (fixed seed) are written out as SOQL and their answers compared with a direct evaluation.
import { runSoql } from '../index.ts';
import type { FieldValues } from '../../model/types.ts';
import { SalesforceError } from '../../errors.ts';
import { fixtureContext, fixtureSchema, MemoryRecords } from '../testing/fixture-schema.ts';

type Expr = { kind: 'atom'; index: number } | { kind: 'not'; operand: Expr } | { kind: 'and' | 'or'; operands: Expr[] };

const ATOMS: Array<{ soql: string; test: (values: FieldValues) => boolean }> = [
  { soql: "Status = 'Open'", test: (v) => v['Status'] === 'Open' },
  { soql: 'IsConverted = true', test: (v) => v['IsConverted'] === true },
  { soql: 'AnnualRevenue > 100', test: (v) => typeof v['AnnualRevenue'] === 'number' && v['AnnualRevenue'] > 100 },
  { soql: "LeadSource IN ('Web', 'Other')", test: (v) => v['LeadSource'] === 'Web' || v['LeadSource'] === 'Other' },
  { soql: "Name LIKE 'a%'", test: (v) => typeof v['Name'] === 'string' && v['Name'].toLowerCase().startsWith('a') },
  { soql: 'Email = null', test: (v) => v['Email'] == null },
  { soql: "Company NOT IN ('Acme')", test: (v) => v['Company'] !== 'Acme' }
];

let seed = 20240315;
const random = (n: number): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};

function generate(depth: number): Expr {
  const choice = depth === 0 ? 0 : random(4);
  if (choice === 0) return { kind: 'atom', index: random(ATOMS.length) };
  if (choice === 1) return { kind: 'not', operand: generate(depth - 1) };
  const operands = Array.from({ length: 2 + random(2) }, () => generate(depth - 1));
  return { kind: random(2) === 0 ? 'and' : 'or', operands };
}

function render(expr: Expr): string {
  const wrapped = (text: string) => (random(4) === 0 ? `(${text})` : text);
  switch (expr.kind) {
    case 'atom':
      return wrapped((ATOMS[expr.index] as (typeof ATOMS)[number]).soql);
    case 'not':
      return wrapped(
        expr.operand.kind === 'atom' && random(2) === 0
          ? `NOT ${render(expr.operand)}`
          : `NOT (${render(expr.operand)})`
      );
    default: {
      const operator = expr.kind === 'and' ? ' AND ' : ' OR ';
      // Nested AND/OR always gets parentheses (SOQL requires them when the operator changes).
      return wrapped(
        expr.operands
          .map((operand) =>
            operand.kind === 'and' || operand.kind === 'or' ? `(${render(operand)})` : render(operand)
          )
          .join(operator)
      );
    }
  }
}

function evaluate(expr: Expr, values: FieldValues): boolean {
  switch (expr.kind) {
    case 'atom':
      return (ATOMS[expr.index] as (typeof ATOMS)[number]).test(values);
    case 'not':
      return !evaluate(expr.operand, values);
    case 'and':
      return expr.operands.every((operand) => evaluate(operand, values));
    case 'or':
      return expr.operands.some((operand) => evaluate(operand, values));
  }
}

describe('WHERE clauses rebuilt from the parser’s flat list', () => {
  const schema = fixtureSchema();
  const data = new MemoryRecords(schema);
  const leads: FieldValues[] = [];
  const statuses = ['Open', 'Working', null];
  const sources = ['Web', 'Other', 'Phone Inquiry', null];
  for (let i = 0; i < 48; i++) {
    const values: FieldValues = {
      Name: `${i % 2 === 0 ? 'a' : 'b'}-lead-${i}`,
      Status: statuses[i % 3] ?? null,
      IsConverted: i % 5 === 0,
      AnnualRevenue: i % 4 === 0 ? null : i * 10,
      LeadSource: sources[i % 4] ?? null,
      Email: i % 6 === 0 ? null : `lead${i}@example.test`,
      Company: i % 7 === 0 ? 'Acme' : null
    };
    leads.push(values);
    data.add('Lead', values);
  }
  const ctx = fixtureContext(schema, data);

  it('answer exactly what the parenthesised expression means, for 400 random expressions', () => {
    for (let i = 0; i < 400; i++) {
      const expr = generate(1 + random(4));
      const where = render(expr);
      const expected = leads.filter((values) => evaluate(expr, values)).map((values) => values['Name']);
      let answered: unknown[];
      try {
        answered = runSoql(`SELECT Name FROM Lead WHERE ${where}`, ctx).records.map((record) => record['Name']);
      } catch (error) {
        throw new Error(`${where}: ${error instanceof SalesforceError ? error.message : String(error)}`);
      }
      expect({ where, names: answered }).toEqual({ where, names: expected });
    }
  });
});
