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
      const ids = recordIdSet(node.args);
      if (ids) return (ctx) => ids.has(ctx.id);
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
      case 'binary':
        return binary(node.op, compile(node.left), compile(node.right));
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
 * `OR(RECORD_ID()='rec1', RECORD_ID()='rec2', …)` is how clients fetch records by ID (wire-apis §A8);
 * hundreds of terms become one Set lookup. Returns undefined when the OR has any other shape.
 */
function recordIdSet(args: readonly Node[]): Set<string> | undefined {
  const ids = new Set<string>();
  for (const a of args) {
    if (a.kind !== 'binary' || a.op !== '=') return undefined;
    const isRecordId = (n: Node): boolean => n.kind === 'call' && n.name === 'RECORD_ID' && n.args.length === 0;
    const lit = isRecordId(a.left) ? a.right : isRecordId(a.right) ? a.left : undefined;
    if (!lit || lit.kind !== 'literal' || typeof lit.value !== 'string') return undefined;
    ids.add(lit.value);
  }
  return ids;
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
