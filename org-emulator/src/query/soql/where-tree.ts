// soql-parser-js returns a WHERE clause as a right-linked list of conditions and operators with counts of the
// parentheses opened before and closed after each condition. This rebuilds the boolean tree from that list and
// enforces the rule the library does not: AND and OR may not be mixed at one parenthesis level ("Parentheses are
// required whenever you mix the operators", reference §2.3). Salesforce names the first operator of the other
// kind: `unexpected token: 'OR'`.
import type { ConditionWithValueQuery, WhereClause } from '@jetstreamapp/soql-parser-js';

export type BoolTree<Leaf> =
  | { kind: 'leaf'; leaf: Leaf }
  | { kind: 'not'; operand: BoolTree<Leaf> }
  | { kind: 'and' | 'or'; operands: BoolTree<Leaf>[] };

/** A flat-list symbol; `operator` numbers the logical operators (AND/OR/NOT) in source order. */
type LogicalSymbol =
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'not'; operator: number }
  | { kind: 'and' | 'or'; operator: number }
  | { kind: 'condition'; index: number; condition: ConditionWithValueQuery };

export class MixedOperatorsError extends Error {
  /** Index of the offending operator among the clause's logical operators. */
  readonly operator: number;

  constructor(operator: number) {
    super('AND and OR mixed without parentheses');
    this.operator = operator;
  }
}

/** soql-parser-js accepts two conditions with no operator between them (`A = 'x' B = 'y'`); Salesforce doesn't. */
export class MissingOperatorError extends Error {
  constructor() {
    super('two conditions without an operator between them');
  }
}

export interface ConditionRef {
  /** Position of the condition among the clause's conditions (source order). */
  index: number;
  condition: ConditionWithValueQuery;
}

export function rebuildWhereTree(where: WhereClause): BoolTree<ConditionRef> {
  const symbols = flatten(where);
  let at = 0;
  const peek = () => symbols[at];

  const parseOperand = (): BoolTree<ConditionRef> => {
    const symbol = symbols[at++];
    if (symbol === undefined) throw new Error('WHERE clause ended early');
    if (symbol.kind === 'not') return { kind: 'not', operand: parseOperand() };
    if (symbol.kind === 'open') {
      const inner = parseExpression();
      if (symbols[at++]?.kind !== 'close') throw new Error('unbalanced parentheses in WHERE clause');
      return inner;
    }
    if (symbol.kind === 'condition')
      return { kind: 'leaf', leaf: { index: symbol.index, condition: symbol.condition } };
    throw new Error(`unexpected ${symbol.kind} in WHERE clause`);
  };

  const parseExpression = (): BoolTree<ConditionRef> => {
    const first = parseOperand();
    const operands = [first];
    let kind: 'and' | 'or' | undefined;
    for (let next = peek(); next !== undefined && (next.kind === 'and' || next.kind === 'or'); next = peek()) {
      if (kind !== undefined && next.kind !== kind) throw new MixedOperatorsError(next.operator);
      kind = next.kind;
      at++;
      operands.push(parseOperand());
    }
    return kind === undefined ? first : { kind, operands };
  };

  const tree = parseExpression();
  if (at !== symbols.length) throw new Error('unbalanced parentheses in WHERE clause');
  return tree;
}

function flatten(where: WhereClause): LogicalSymbol[] {
  const symbols: LogicalSymbol[] = [];
  let operator = 0;
  let conditionIndex = 0;
  let node: WhereClause | undefined = where;
  while (node !== undefined) {
    const operatorName = 'operator' in node ? node.operator : undefined;
    if (operatorName === 'NOT') {
      const negation = node.left as { openParen?: number } | null;
      repeat(symbols, { kind: 'open' }, negation?.openParen ?? 0);
      symbols.push({ kind: 'not', operator: operator++ });
    } else {
      const condition = node.left as ConditionWithValueQuery;
      const parens = condition as { openParen?: number; closeParen?: number };
      repeat(symbols, { kind: 'open' }, parens.openParen ?? 0);
      symbols.push({ kind: 'condition', index: conditionIndex++, condition });
      repeat(symbols, { kind: 'close' }, parens.closeParen ?? 0);
      if (operatorName === 'AND' || operatorName === 'OR') {
        symbols.push({ kind: operatorName === 'AND' ? 'and' : 'or', operator: operator++ });
      } else if ('right' in node && node.right !== undefined) {
        throw new MissingOperatorError();
      }
    }
    node = 'right' in node ? node.right : undefined;
  }
  return symbols;
}

function repeat(symbols: LogicalSymbol[], symbol: LogicalSymbol, count: number): void {
  for (let i = 0; i < count; i++) symbols.push(symbol);
}
