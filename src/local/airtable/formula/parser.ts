/**
 * Tokenizer and recursive-descent parser for Airtable formula text
 * (https://support.airtable.com/docs/formula-field-reference).
 *
 * Precedence, loosest first (as in spreadsheets): comparisons `= != < > <= >=`, then `&`, then `+ -`,
 * then `* /`, then unary `-`/`+`. All binary operators are left-associative.
 */
import { FormulaError } from './errors.ts';

export type BinaryOp = '=' | '!=' | '<' | '>' | '<=' | '>=' | '&' | '+' | '-' | '*' | '/';

export type Node =
  | { kind: 'literal'; value: string | number; pos: number }
  /** `{Name}`, `{fldXXXX}` or a bare one-word name; `braced` tells which. */
  | { kind: 'field'; name: string; braced: boolean; pos: number }
  | { kind: 'call'; name: string; args: Node[]; pos: number }
  | { kind: 'unary'; op: '-' | '+'; arg: Node; pos: number }
  | { kind: 'binary'; op: BinaryOp; left: Node; right: Node; pos: number };

type Token =
  | { type: 'number'; value: number; pos: number }
  | { type: 'string'; value: string; pos: number }
  | { type: 'field'; value: string; pos: number }
  | { type: 'ident'; value: string; pos: number }
  | { type: 'op'; value: BinaryOp; pos: number }
  | { type: '(' | ')' | ',' | 'end'; pos: number };

const OPERATORS: readonly BinaryOp[] = ['!=', '<=', '>=', '=', '<', '>', '&', '+', '-', '*', '/'];
const IDENT_START = /[\p{L}_$]/u;
const IDENT_PART = /[\p{L}\p{N}_$]/u;
const NUMBER = /\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?/y;

/** Inside quotes, a backslash escapes the next character; \n and \t stand for newline and tab. */
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r' };

function syntaxError(what: string, index: number): FormulaError {
  return new FormulaError(`Invalid formula: ${what}`, index + 1);
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'" || c === '{') {
      const close = c === '{' ? '}' : c;
      let text = '';
      i++;
      for (;;) {
        if (i >= src.length) {
          throw syntaxError(c === '{' ? 'unclosed field reference "{"' : `unterminated string (missing ${c})`, start);
        }
        const d = src[i] as string;
        if (d === '\\' && i + 1 < src.length) {
          const e = src[i + 1] as string;
          text += c === '{' ? e : (ESCAPES[e] ?? e);
          i += 2;
          continue;
        }
        i++;
        if (d === close) break;
        text += d;
      }
      tokens.push(c === '{' ? { type: 'field', value: text, pos: start } : { type: 'string', value: text, pos: start });
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(src);
    if (num) {
      tokens.push({ type: 'number', value: Number(num[0]), pos: start });
      i += num[0].length;
      continue;
    }
    if (IDENT_START.test(c)) {
      while (i < src.length && IDENT_PART.test(src[i] as string)) i++;
      tokens.push({ type: 'ident', value: src.slice(start, i), pos: start });
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ type: c, pos: start });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (op) {
      tokens.push({ type: 'op', value: op, pos: start });
      i += op.length;
      continue;
    }
    throw syntaxError(`unexpected character ${JSON.stringify(c)}`, start);
  }
  tokens.push({ type: 'end', pos: src.length });
  return tokens;
}

const LEVELS: readonly (readonly BinaryOp[])[] = [['=', '!=', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/']];

/** Parses a whole formula; an empty formula is a syntax error. */
export function parse(src: string): Node {
  const tokens = tokenize(src);
  let at = 0;
  const peek = (): Token => tokens[at] as Token;
  const next = (): Token => tokens[at++] as Token;

  const describe = (t: Token): string => {
    switch (t.type) {
      case 'end':
        return 'end of formula';
      case 'string':
        return `text ${JSON.stringify(t.value)}`;
      case 'field':
        return `field {${t.value}}`;
      case 'number':
      case 'ident':
      case 'op':
        return JSON.stringify(String(t.value));
      default:
        return JSON.stringify(t.type);
    }
  };
  const unexpected = (t: Token): FormulaError => syntaxError(`unexpected ${describe(t)}`, t.pos);

  const binary = (level: number): Node => {
    const ops = LEVELS[level];
    if (!ops) return unary();
    let left = binary(level + 1);
    for (;;) {
      const t = peek();
      if (t.type !== 'op' || !ops.includes(t.value)) return left;
      next();
      const right = binary(level + 1);
      left = { kind: 'binary', op: t.value, left, right, pos: t.pos };
    }
  };

  const unary = (): Node => {
    const t = peek();
    if (t.type === 'op' && (t.value === '-' || t.value === '+')) {
      next();
      return { kind: 'unary', op: t.value, arg: unary(), pos: t.pos };
    }
    return primary();
  };

  const primary = (): Node => {
    const t = next();
    switch (t.type) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: t.value, pos: t.pos };
      case 'field':
        return { kind: 'field', name: t.value, braced: true, pos: t.pos };
      case '(': {
        const inner = binary(0);
        const close = next();
        if (close.type !== ')') throw close.type === 'end' ? syntaxError('missing ")"', close.pos) : unexpected(close);
        return inner;
      }
      case 'ident': {
        if (peek().type !== '(') return { kind: 'field', name: t.value, braced: false, pos: t.pos };
        next();
        const args: Node[] = [];
        if (peek().type === ')') {
          next();
        } else {
          for (;;) {
            args.push(binary(0));
            const sep = next();
            if (sep.type === ')') break;
            if (sep.type !== ',') throw sep.type === 'end' ? syntaxError('missing ")"', sep.pos) : unexpected(sep);
          }
        }
        return { kind: 'call', name: t.value.toUpperCase(), args, pos: t.pos };
      }
      default:
        throw unexpected(t);
    }
  };

  const root = binary(0);
  const rest = peek();
  if (rest.type !== 'end') throw unexpected(rest);
  return root;
}
