/**
 * Turns a parsed formula into one closure per node, resolving field references and function names once,
 * so a filter over 10,000+ records only runs closures.
 */
import { equals, order } from './compare.ts';
import { cellReader, type LinkNames } from './cells.ts';
import { FormulaError } from './errors.ts';
import { FUNCTIONS, KNOWN_UNSUPPORTED, type Arg, type Thunk } from './functions.ts';
import type { BinaryOp, Node } from './parser.ts';
import { FormulaErrorValue, toNumber, toText, type Value } from './values.ts';

export interface FieldInfo {
  readonly id: string;
  readonly name: string;
  readonly type: string;
}

export interface CompileScope {
  readonly fields: readonly FieldInfo[];
  readonly linkNames: LinkNames | undefined;
}

export function compileNode(root: Node, scope: CompileScope): Thunk {
  const byName = new Map<string, FieldInfo>();
  const byId = new Map<string, FieldInfo>();
  for (const f of scope.fields) {
    byName.set(f.name, f);
    byId.set(f.id, f);
  }
  const unknown: string[] = [];

  const field = (node: Extract<Node, { kind: 'field' }>): Thunk => {
    // Names win over IDs, as a field may be named like an ID; a bare word may also be TRUE/FALSE.
    const f = byName.get(node.name) ?? byId.get(node.name);
    if (!f) {
      if (!node.braced && /^(true|false)$/i.test(node.name)) {
        const value = node.name.toLowerCase() === 'true';
        return () => value;
      }
      if (!unknown.includes(node.name)) unknown.push(node.name);
      return () => null;
    }
    const read = cellReader(f, scope.linkNames);
    const id = f.id;
    return (ctx) => read(ctx.cells[id]);
  };

  const call = (node: Extract<Node, { kind: 'call' }>): Thunk => {
    const spec = FUNCTIONS[node.name];
    if (!spec) {
      throw new FormulaError(
        KNOWN_UNSUPPORTED.has(node.name)
          ? `Function ${node.name}() is not supported by the local Airtable workspace (see src/local/airtable/formula/README.md)`
          : `Unknown function ${node.name}()`,
        node.pos + 1,
      );
    }
    const n = node.args.length;
    if (n < spec.min || n > spec.max) {
      const expected =
        spec.min === spec.max ? `${spec.min}` : spec.max === Number.POSITIVE_INFINITY ? `at least ${spec.min}` : `${spec.min} to ${spec.max}`;
      throw new FormulaError(`${node.name}() takes ${expected} argument${expected === '1' ? '' : 's'}, got ${n}`, node.pos + 1);
    }
    if (node.name === 'OR') {
      const lookup = equalityLookup(node.args, compile);
      if (lookup) return lookup;
    }
    const args: Arg[] = node.args.map((a) =>
      a.kind === 'literal' ? { run: constant(a.value), literal: a.value } : { run: compile(a) },
    );
    try {
      return spec.build(args, node.name);
    } catch (e) {
      if (e instanceof FormulaError && e.position === undefined) throw new FormulaError(e.message, node.pos + 1);
      throw e;
    }
  };

  const compile = (node: Node): Thunk => {
    switch (node.kind) {
      case 'literal':
        return constant(node.value);
      case 'field':
        return field(node);
      case 'call':
        return call(node);
      case 'unary': {
        const arg = compile(node.arg);
        const negate = node.op === '-';
        return (ctx) => {
          const n = toNumber(arg(ctx));
          return n instanceof FormulaErrorValue || !negate ? n : -n;
        };
      }
      case 'binary': {
        if (node.op === '=' && node.right.kind === 'literal' && typeof node.right.value === 'string') {
          return equalsLiteral(compile(node.left), node.right.value);
        }
        if (node.op === '=' && node.left.kind === 'literal' && typeof node.left.value === 'string') {
          return equalsLiteral(compile(node.right), node.left.value);
        }
        return binary(node.op, compile(node.left), compile(node.right));
      }
    }
  };

  const thunk = compile(root);
  if (unknown.length > 0) throw new FormulaError(`Unknown field names: ${unknown.join(', ')}`);
  return thunk;
}

function constant(value: Value): Thunk {
  return () => value;
}

/**
 * `OR(RECORD_ID()='rec1', RECORD_ID()='rec2', …)` and `OR({Sync key}='a', {Sync key}='b', …)` are how
 * clients fetch records by key (wire-apis §A8); hundreds of terms become one Set lookup. Text against text
 * is plain `===`, so the Set answers exactly; any other value (blank, number, date, list) takes the general
 * comparison. Returns undefined when the OR has any other shape.
 */
function equalityLookup(args: readonly Node[], compile: (n: Node) => Thunk): Thunk | undefined {
  let key: Node | undefined;
  const literals: string[] = [];
  for (const a of args) {
    if (a.kind !== 'binary' || a.op !== '=') return undefined;
    const [subject, lit] = a.right.kind === 'literal' ? [a.left, a.right] : [a.right, a.left];
    if (lit.kind !== 'literal' || typeof lit.value !== 'string' || !isKey(subject)) return undefined;
    if (key && !sameKey(key, subject)) return undefined;
    key = subject;
    literals.push(lit.value);
  }
  if (!key) return undefined;
  const read = compile(key);
  const set = new Set(literals);
  return (ctx) => {
    const v = read(ctx);
    if (typeof v === 'string') return set.has(v);
    for (const lit of literals) {
      const eq = equals(v, lit);
      if (eq !== false) return eq;
    }
    return false;
  };
}

function isKey(n: Node): boolean {
  return n.kind === 'field' || (n.kind === 'call' && n.name === 'RECORD_ID' && n.args.length === 0);
}

function sameKey(a: Node, b: Node): boolean {
  if (a.kind === 'field' && b.kind === 'field') return a.name === b.name && a.braced === b.braced;
  return a.kind === 'call' && b.kind === 'call';
}

/** `x = 'text'` is the commonest comparison; text against text skips the general coercion rules. */
function equalsLiteral(subject: Thunk, literal: string): Thunk {
  return (ctx) => {
    const v = subject(ctx);
    return typeof v === 'string' ? v === literal : equals(v, literal);
  };
}

function binary(op: BinaryOp, left: Thunk, right: Thunk): Thunk {
  switch (op) {
    case '=':
      return (ctx) => equals(left(ctx), right(ctx));
    case '!=':
      return (ctx) => {
        const eq = equals(left(ctx), right(ctx));
        return eq instanceof FormulaErrorValue ? eq : !eq;
      };
    case '<':
      return ordering(left, right, (s) => s < 0);
    case '>':
      return ordering(left, right, (s) => s > 0);
    case '<=':
      return ordering(left, right, (s) => s <= 0);
    case '>=':
      return ordering(left, right, (s) => s >= 0);
    case '&':
      return (ctx) => {
        const a = left(ctx);
        if (a instanceof FormulaErrorValue) return a;
        const b = right(ctx);
        if (b instanceof FormulaErrorValue) return b;
        return toText(a) + toText(b);
      };
    default:
      return arithmetic(op, left, right);
  }
}

function ordering(left: Thunk, right: Thunk, test: (sign: number) => boolean): Thunk {
  return (ctx) => {
    const s = order(left(ctx), right(ctx));
    if (s instanceof FormulaErrorValue) return s;
    return s === undefined ? false : test(s);
  };
}

function arithmetic(op: '+' | '-' | '*' | '/', left: Thunk, right: Thunk): Thunk {
  return (ctx) => {
    const a = toNumber(left(ctx));
    if (a instanceof FormulaErrorValue) return a;
    const b = toNumber(right(ctx));
    if (b instanceof FormulaErrorValue) return b;
    // Division by zero gives Infinity or NaN, which Airtable also shows (NaN is then falsy).
    return op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b;
  };
}
