// Apex syntax check with @apexdevtools/apex-parser and the static security rules the parse tree makes cheap
// (security-review.md A1–A5, A7, S8, L6), plus the rule that every message a user reads comes from a custom
// label (LABEL). Test classes (@IsTest) are held only to syntax and to A4: they build data as the running admin and
// never serve users.
import {
  ApexErrorListener,
  ApexParserFactory,
  ArgumentsContext,
  Arth2ExpressionContext,
  ClassDeclarationContext,
  CreatorContext,
  DeleteStatementContext,
  DotExpressionContext,
  DotMethodCallContext,
  IdPrimaryContext,
  InsertStatementContext,
  LiteralContext,
  MergeStatementContext,
  MethodCallContext,
  MethodDeclarationContext,
  SoqlLiteralContext,
  SoslLiteralAltContext,
  SoslLiteralContext,
  TypeDeclarationContext,
  UndeleteStatementContext,
  UpdateStatementContext,
  UpsertStatementContext
} from '@apexdevtools/apex-parser';
import type {
  AccessLevelContext,
  ApexParserRuleContext as ParserRuleContext,
  ApexParseTree as ParseTree,
  ClassBodyDeclarationContext,
  SoslClausesContext,
  AnnotationContext,
  ModifierContext
} from '@apexdevtools/apex-parser';
import type { Finding } from './report.ts';

export interface ApexAnalysis {
  isTest: boolean;
  syntaxErrors: Finding[];
  findings: Finding[];
}

const BYPASS = 'SECURITY-BYPASS:';
const DATABASE_DML = new Set(['insert', 'update', 'upsert', 'delete', 'undelete', 'merge', 'convertlead']);
const DATABASE_QUERY = new Set([
  'query',
  'querywithbinds',
  'countquery',
  'countquerywithbinds',
  'getquerylocator',
  'getquerylocatorwithbinds'
]);
const ACCESS_LEVEL = /^AccessLevel\.(USER_MODE|SYSTEM_MODE)$/i;
// The exception whose message Lightning shows the user, and the calls that set a message a user reads.
const USER_MESSAGE_EXCEPTION = /^(System\.)?AuraHandledException$/i;
const USER_MESSAGE_METHODS = new Set(['setmessage', 'adderror']);
const LABEL_HINT = 'use a custom label (System.Label.X, with String.format for values) (LABEL)';

class CollectingListener extends ApexErrorListener {
  readonly errors: { line: number; column: number; message: string }[] = [];
  apexSyntaxError(line: number, column: number, message: string): void {
    this.errors.push({ line, column, message });
  }
}

function* walk(tree: ParseTree): Generator<ParserRuleContext> {
  const ctx = tree as ParserRuleContext;
  if (!('children' in ctx)) return;
  yield ctx;
  for (const child of ctx.children ?? []) yield* walk(child);
}

function ancestor<T>(ctx: ParserRuleContext, type: abstract new (...args: never[]) => T): T | undefined {
  let current: ParserRuleContext | null | undefined = ctx.parentCtx;
  while (current) {
    if (current instanceof type) return current as T;
    current = current.parentCtx;
  }
  return undefined;
}

const annotationName = (annotation: AnnotationContext | null | undefined): string =>
  annotation?.id()?.getText().toLowerCase() ?? '';

function modifiersOf(ctx: ParserRuleContext): ModifierContext[] {
  if (ctx instanceof TypeDeclarationContext) return ctx.modifier_list();
  const member = ctx.parentCtx?.parentCtx as ClassBodyDeclarationContext | undefined;
  return member && 'modifier_list' in member ? member.modifier_list() : [];
}

export function analyseApex(file: string, source: string): ApexAnalysis {
  const listener = new CollectingListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  const tree = file.endsWith('.trigger') ? parser.triggerUnit() : parser.compilationUnit();
  const syntaxErrors = listener.errors.map((e) => ({
    file,
    line: e.line,
    message: `syntax error at column ${e.column}: ${e.message}`
  }));

  const lines = source.split('\n');
  const findings: Finding[] = [];
  const report = (ctx: ParserRuleContext, message: string): void => {
    findings.push({ file, line: ctx.start.line, message });
  };
  const justified = (ctx: ParserRuleContext): boolean => {
    const line = ctx.start.line;
    return [lines[line - 1], lines[line - 2]].some((l) => l?.includes(BYPASS));
  };

  // A4 applies everywhere, tests included: the clause no longer compiles from API 67.0.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/\/\/.*$/gm, '');
  code.split('\n').forEach((text, i) => {
    if (/SECURITY_ENFORCED/i.test(text)) {
      findings.push({ file, line: i + 1, message: 'uses WITH SECURITY_ENFORCED; use WITH USER_MODE (A4)' });
    }
  });

  const topLevel = [...walk(tree)].find((c) => c instanceof TypeDeclarationContext) as
    TypeDeclarationContext | undefined;
  const isTest = topLevel?.modifier_list().some((m) => annotationName(m.annotation()) === 'istest') ?? false;
  if (syntaxErrors.length > 0 || isTest) return { isTest, syntaxErrors, findings };

  const messageSinks = userMessageSinks(tree);
  for (const ctx of walk(tree)) {
    if (ctx instanceof ClassDeclarationContext && ctx.parentCtx instanceof TypeDeclarationContext) {
      const modifiers = ctx.parentCtx.modifier_list();
      const sharing = modifiers.find((m) => m.SHARING());
      const name = ctx.id().getText();
      if (!sharing) {
        report(ctx, `class ${name} declares no sharing (with, inherited or without sharing) (A5)`);
      } else if (sharing.WITHOUT() && !justified(sharing)) {
        report(sharing, `class ${name} is without sharing with no "// ${BYPASS} <reason>" comment (A3/A5)`);
      } else if (!sharing.WITH() && servesClients(ctx)) {
        report(
          sharing,
          `class ${name} has @AuraEnabled or global methods, so it must be "with sharing", not inherited (A5)`
        );
      }
    } else if (ctx instanceof CreatorContext && USER_MESSAGE_EXCEPTION.test(ctx.createdName()?.getText() ?? '')) {
      const args = ctx.classCreatorRest()?.arguments()?.expressionList()?.expression_list() ?? [];
      for (const literal of args.flatMap((a) => messageLiterals(a))) {
        report(literal, `AuraHandledException message ${literal.getText()} is literal text; ${LABEL_HINT}`);
      }
    } else if (ctx instanceof DotMethodCallContext && USER_MESSAGE_METHODS.has(ctx.anyId().getText().toLowerCase())) {
      const first = ctx.expressionList()?.expression_list()[0];
      for (const literal of first ? messageLiterals(first) : []) {
        report(literal, `${ctx.anyId().getText()}(${literal.getText()}) shows literal text; ${LABEL_HINT}`);
      }
    } else if (ctx instanceof MethodCallContext && messageSinks.has(ctx.id()?.getText().toLowerCase() ?? '')) {
      const args = ctx.expressionList()?.expression_list() ?? [];
      for (const index of messageSinks.get(ctx.id().getText().toLowerCase()) ?? []) {
        const arg = args[index];
        for (const literal of arg ? messageLiterals(arg) : []) {
          report(
            literal,
            `${ctx.id().getText()}() turns ${literal.getText()} into an AuraHandledException message; ${LABEL_HINT}`
          );
        }
      }
    } else if (ctx instanceof SoqlLiteralContext) {
      const withClause = ctx.query().withClause();
      if (!withClause?.USER_MODE() && !withClause?.SYSTEM_MODE()) {
        report(ctx, 'SOQL query states no access mode; add WITH USER_MODE (A1)');
      } else if (withClause.SYSTEM_MODE() && !justified(withClause)) {
        report(ctx, `SOQL query runs WITH SYSTEM_MODE with no "// ${BYPASS} <reason>" comment (A3)`);
      }
    } else if (ctx instanceof SoslLiteralContext || ctx instanceof SoslLiteralAltContext) {
      const clauses: SoslClausesContext = ctx.soslClauses();
      const modes = clauses.soslWithClause_list();
      if (!modes.some((w) => w.USER_MODE() || w.SYSTEM_MODE()))
        report(ctx, 'SOSL search states no access mode; add WITH USER_MODE (A1)');
      else if (modes.some((w) => w.SYSTEM_MODE()) && !justified(ctx)) {
        report(ctx, `SOSL search runs WITH SYSTEM_MODE with no "// ${BYPASS} <reason>" comment (A3)`);
      }
    } else if (
      ctx instanceof InsertStatementContext ||
      ctx instanceof UpdateStatementContext ||
      ctx instanceof DeleteStatementContext ||
      ctx instanceof UndeleteStatementContext ||
      ctx instanceof UpsertStatementContext ||
      ctx instanceof MergeStatementContext
    ) {
      const verb = ctx.start.text.toLowerCase();
      const access: AccessLevelContext | null = ctx.accessLevel();
      if (!access) report(ctx, `${verb} states no access mode; write "${verb} as user" (A2)`);
      else if (access.SYSTEM() && !justified(ctx))
        report(ctx, `${verb} as system with no "// ${BYPASS} <reason>" comment (A3)`);
      const method = ancestor(ctx, MethodDeclarationContext);
      if (method && isCacheableAuraMethod(method)) report(ctx, `${verb} inside a cacheable @AuraEnabled method (L6)`);
    } else if (ctx instanceof DotExpressionContext) {
      checkCall(ctx, report, justified);
    }
  }
  return { isTest, syntaxErrors, findings };
}

/** Whether a class (or one of its inner classes) has @AuraEnabled or global methods: code Lightning clients reach. */
function servesClients(cls: ClassDeclarationContext): boolean {
  return [...walk(cls)].some(
    (c) =>
      c instanceof MethodDeclarationContext &&
      modifiersOf(c).some((m) => m.GLOBAL() || annotationName(m.annotation()) === 'auraenabled')
  );
}

/**
 * String literals that are (part of) the message itself: the argument, or text concatenated into it. Literals
 * passed as values to another call (String.format(System.Label.X, new List<Object>{ 'value' })) are not.
 */
function messageLiterals(expression: ParserRuleContext): LiteralContext[] {
  const found: LiteralContext[] = [];
  const visit = (ctx: ParserRuleContext): void => {
    if (ctx instanceof LiteralContext && ctx.StringLiteral() && ctx.getText() !== "''") found.push(ctx);
    if (ctx instanceof ArgumentsContext || ctx instanceof DotMethodCallContext || ctx instanceof MethodCallContext)
      return;
    if (ctx instanceof CreatorContext) return;
    for (const child of ctx.children ?? []) if ('children' in child) visit(child as ParserRuleContext);
  };
  visit(expression);
  return found;
}

/**
 * Methods of the file that build an AuraHandledException from one of their parameters (a `userError(message)`
 * helper), by lower-cased name, with the positions of those parameters: a literal passed there is a literal message.
 */
function userMessageSinks(tree: ParseTree): Map<string, number[]> {
  const sinks = new Map<string, number[]>();
  for (const method of walk(tree)) {
    if (!(method instanceof MethodDeclarationContext)) continue;
    const params = method.formalParameters()?.formalParameterList()?.formalParameter_list() ?? [];
    const names = params.map((p) => p.id().getText().toLowerCase());
    const used = new Set<number>();
    for (const creator of walk(method)) {
      if (!(creator instanceof CreatorContext) || !USER_MESSAGE_EXCEPTION.test(creator.createdName()?.getText() ?? ''))
        continue;
      for (const id of walk(creator)) {
        if (id instanceof IdPrimaryContext) {
          const index = names.indexOf(id.getText().toLowerCase());
          if (index >= 0) used.add(index);
        }
      }
    }
    if (used.size > 0) sinks.set(method.id().getText().toLowerCase(), [...used]);
  }
  return sinks;
}

function isCacheableAuraMethod(method: MethodDeclarationContext): boolean {
  return modifiersOf(method).some((m) => {
    const annotation = m.annotation();
    return annotationName(annotation) === 'auraenabled' && /cacheable\s*=\s*true/i.test(annotation?.getText() ?? '');
  });
}

function checkCall(
  ctx: DotExpressionContext,
  report: (ctx: ParserRuleContext, message: string) => void,
  justified: (ctx: ParserRuleContext) => boolean
): void {
  const call = ctx.dotMethodCall();
  if (!call) return;
  const target = ctx.expression().getText().toLowerCase();
  const method = call.anyId().getText().toLowerCase();
  const args = call.expressionList()?.expression_list() ?? [];
  const name = `${ctx.expression().getText()}.${call.anyId().getText()}`;

  if (target === 'system' && method === 'debug') {
    report(ctx, 'System.debug outside tests; debug logs are readable by people who must not see data (S8)');
    return;
  }
  const isQuery = (target === 'database' && DATABASE_QUERY.has(method)) || (target === 'search' && method === 'query');
  const isDml = target === 'database' && DATABASE_DML.has(method);
  if (!isQuery && !isDml) return;

  const access = args.find((a) => ACCESS_LEVEL.test(a.getText()));
  if (!access) report(ctx, `${name} passes no AccessLevel; add AccessLevel.USER_MODE (${isQuery ? 'A1' : 'A2'})`);
  else if (/SYSTEM_MODE/i.test(access.getText()) && !justified(ctx)) {
    report(ctx, `${name} with AccessLevel.SYSTEM_MODE and no "// ${BYPASS} <reason>" comment (A3)`);
  }
  if (isDml) {
    const method_ = ancestor(ctx, MethodDeclarationContext);
    if (method_ && isCacheableAuraMethod(method_)) report(ctx, `${name} inside a cacheable @AuraEnabled method (L6)`);
  }
  const queryText = args[0];
  if (isQuery && queryText instanceof Arth2ExpressionContext) {
    const variables = [...walk(queryText)].filter(
      (c) => c instanceof IdPrimaryContext && !/^[A-Z][A-Z0-9_]*$/.test(c.getText())
    );
    if (variables.length > 0) {
      report(
        ctx,
        `${name} builds its query by concatenating ${variables.map((v) => v.getText()).join(', ')}; use bind variables (A7)`
      );
    }
  }
}
