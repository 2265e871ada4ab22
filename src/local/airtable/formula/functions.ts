/**
 * The supported subset of Airtable's formula functions
 * (https://support.airtable.com/docs/formula-field-reference). Each entry checks its arity and turns its
 * compiled arguments into one closure; work that depends only on literals (formats, regexes, units) is
 * done here, once, so evaluation per record stays cheap.
 */
import { addUnits, compileDateFormat, compileDateParser, parseUnit, startOf, type Unit } from './dates.ts';
import { FormulaError } from './errors.ts';
import {
  errorValue,
  FormulaDate,
  FormulaErrorValue,
  FormulaList,
  parseIsoDate,
  toDate,
  toNumber,
  toText,
  truthy,
  type Value,
} from './values.ts';

export interface EvalContext {
  readonly id: string;
  readonly createdTime: string;
  readonly cells: Record<string, unknown>;
  /** Current time in ms, read when TODAY()/NOW() runs. */
  readonly now: () => number;
}

export type Thunk = (ctx: EvalContext) => Value;

/** A compiled argument; `literal` is set when the argument is a constant known at compile time. */
export interface Arg {
  readonly run: Thunk;
  readonly literal?: string | number;
}

interface FunctionSpec {
  readonly min: number;
  readonly max: number;
  readonly build: (args: readonly Arg[], name: string) => Thunk;
}

const MANY = Number.POSITIVE_INFINITY;

/** Evaluates every argument; returns the first error an argument yields, else `fn` of the values. */
function strict(args: readonly Arg[], fn: (values: Value[], ctx: EvalContext) => Value): Thunk {
  if (args.length === 1) {
    const a = (args[0] as Arg).run;
    return (ctx) => {
      const v = a(ctx);
      return v instanceof FormulaErrorValue ? v : fn([v], ctx);
    };
  }
  return (ctx) => {
    const values: Value[] = [];
    for (const a of args) {
      const v = a.run(ctx);
      if (v instanceof FormulaErrorValue) return v;
      values.push(v);
    }
    return fn(values, ctx);
  };
}

const text = (values: Value[], i: number): string => toText(values[i] ?? null);

function unitArg(arg: Arg | undefined, fn: string): (ctx: EvalContext) => Unit | FormulaErrorValue {
  if (!arg) return () => 'millisecond';
  if (arg.literal !== undefined) {
    const unit = parseUnit(String(arg.literal));
    if (!unit) throw new FormulaError(`${fn}: unknown unit "${arg.literal}"`);
    return () => unit;
  }
  return (ctx) => {
    const v = arg.run(ctx);
    if (v instanceof FormulaErrorValue) return v;
    return parseUnit(toText(v)) ?? errorValue(`unknown unit "${toText(v)}"`);
  };
}

/** Per-format caches for formats that are only known per record. */
function memo<T>(make: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let hit = cache.get(key);
    if (hit === undefined) {
      if (cache.size > 100) cache.clear();
      hit = make(key);
      cache.set(key, hit);
    }
    return hit;
  };
}

/**
 * Airtable runs RE2; JavaScript RegExp accepts the common subset. RE2's leading inline flags such as
 * `(?i)` become RegExp flags. An invalid literal pattern is a compile error.
 */
function toRegExp(pattern: string): RegExp {
  const m = /^\(\?([imsU]+)\)/.exec(pattern);
  const flags = m ? [...new Set((m[1] ?? '').replace('U', ''))].join('') : '';
  return new RegExp(m ? pattern.slice(m[0].length) : pattern, flags);
}

function findIn(values: Value[]): number {
  const needle = text(values, 0);
  const hay = text(values, 1);
  const start = values[2] === undefined ? 0 : Math.max(0, Math.trunc(Number(toNumber(values[2]))) || 0);
  return hay.indexOf(needle, start) + 1;
}

export const FUNCTIONS: Record<string, FunctionSpec> = {
  TRUE: { min: 0, max: 0, build: () => () => true },
  FALSE: { min: 0, max: 0, build: () => () => false },
  BLANK: { min: 0, max: 0, build: () => () => null },
  AND: {
    min: 1,
    max: MANY,
    build: (args) => (ctx) => {
      for (const a of args) {
        const v = a.run(ctx);
        if (v instanceof FormulaErrorValue) return v;
        if (!truthy(v)) return false;
      }
      return true;
    },
  },
  OR: {
    min: 1,
    max: MANY,
    build: (args) => (ctx) => {
      for (const a of args) {
        const v = a.run(ctx);
        if (v instanceof FormulaErrorValue) return v;
        if (truthy(v)) return true;
      }
      return false;
    },
  },
  NOT: { min: 1, max: 1, build: (args) => strict(args, ([v]) => !truthy(v ?? null)) },
  IF: {
    min: 2,
    max: 3,
    build: ([cond, then, otherwise]) => (ctx) => {
      const c = (cond as Arg).run(ctx);
      if (c instanceof FormulaErrorValue) return c;
      if (truthy(c)) return (then as Arg).run(ctx);
      return otherwise ? otherwise.run(ctx) : null;
    },
  },
  ISERROR: { min: 1, max: 1, build: ([a]) => (ctx) => (a as Arg).run(ctx) instanceof FormulaErrorValue },
  RECORD_ID: { min: 0, max: 0, build: () => (ctx) => ctx.id },
  CREATED_TIME: {
    min: 0,
    max: 0,
    build: () => (ctx) => parseIsoDate(ctx.createdTime) ?? errorValue(`bad createdTime ${ctx.createdTime}`),
  },
  TODAY: { min: 0, max: 0, build: () => (ctx) => new FormulaDate(startOf(ctx.now(), 'day'), true) },
  NOW: { min: 0, max: 0, build: () => (ctx) => new FormulaDate(ctx.now(), false) },

  FIND: { min: 2, max: 3, build: (args) => strict(args, (v) => findIn(v)) },
  SEARCH: { min: 2, max: 3, build: (args) => strict(args, (v) => findIn(v) || null) },
  LOWER: { min: 1, max: 1, build: (args) => strict(args, (v) => text(v, 0).toLowerCase()) },
  UPPER: { min: 1, max: 1, build: (args) => strict(args, (v) => text(v, 0).toUpperCase()) },
  TRIM: { min: 1, max: 1, build: (args) => strict(args, (v) => text(v, 0).trim()) },
  LEN: { min: 1, max: 1, build: (args) => strict(args, (v) => text(v, 0).length) },
  CONCATENATE: { min: 1, max: MANY, build: (args) => strict(args, (v) => v.map(toText).join('')) },
  ARRAYJOIN: {
    min: 1,
    max: 2,
    build: (args) =>
      strict(args, (v) => {
        const sep = v.length > 1 ? text(v, 1) : ', ';
        const list = v[0] ?? null;
        return list instanceof FormulaList ? list.items.map(toText).join(sep) : toText(list);
      }),
  },
  VALUE: {
    min: 1,
    max: 1,
    build: (args) =>
      strict(args, (v) => {
        const raw = text(v, 0).trim();
        const percent = raw.endsWith('%');
        const cleaned = raw.replace(/%$/, '').replace(/[\s,$€£¥]/g, '');
        const n = cleaned === '' ? Number.NaN : Number(cleaned);
        if (Number.isNaN(n)) return errorValue(`VALUE: "${raw}" is not a number`);
        return percent ? n / 100 : n;
      }),
  },
  REGEX_MATCH: {
    min: 2,
    max: 2,
    build: ([subject, pattern]) => {
      if (pattern?.literal !== undefined) {
        let re: RegExp;
        try {
          re = toRegExp(String(pattern.literal));
        } catch (e) {
          throw new FormulaError(`REGEX_MATCH: invalid regular expression ${JSON.stringify(pattern.literal)}: ${(e as Error).message}`);
        }
        return strict([subject as Arg], ([s]) => re.test(toText(s ?? null)));
      }
      const compile = memo((p) => {
        try {
          return toRegExp(p);
        } catch {
          return errorValue(`invalid regular expression ${p}`);
        }
      });
      return strict([subject as Arg, pattern as Arg], (v) => {
        const re = compile(text(v, 1));
        return re instanceof FormulaErrorValue ? re : re.test(text(v, 0));
      });
    },
  },

  IS_BEFORE: { min: 2, max: 2, build: (args) => dateCompare(args, (a, b) => a < b) },
  IS_AFTER: { min: 2, max: 2, build: (args) => dateCompare(args, (a, b) => a > b) },
  IS_SAME: {
    min: 2,
    max: 3,
    build: (args, name) => {
      const unit = unitArg(args[2], name);
      return dateCompare(args.slice(0, 2), (a, b, ctx) => {
        const u = unit(ctx);
        if (u instanceof FormulaErrorValue) return u;
        return startOf(a, u) === startOf(b, u);
      });
    },
  },
  DATEADD: {
    min: 3,
    max: 3,
    build: (args, name) => {
      const unit = unitArg(args[2], name);
      return strict(args.slice(0, 2), ([date, count], ctx) => {
        const d = toDate(date ?? null);
        if (d instanceof FormulaErrorValue) return d;
        const n = toNumber(count ?? null);
        if (n instanceof FormulaErrorValue) return n;
        const u = unit(ctx);
        if (u instanceof FormulaErrorValue) return u;
        return new FormulaDate(addUnits(d.ms, n, u), false);
      });
    },
  },
  DATETIME_FORMAT: {
    min: 1,
    max: 2,
    build: ([date, format]) => {
      const iso = (ms: number): string => new Date(ms).toISOString();
      let fixed: ((ms: number) => string) | undefined;
      if (!format) fixed = iso;
      else if (format.literal !== undefined) fixed = compileDateFormat(String(format.literal));
      const dynamic = memo((f) => {
        try {
          return compileDateFormat(f);
        } catch (e) {
          return errorValue((e as Error).message);
        }
      });
      return strict(format ? [date as Arg, format] : [date as Arg], (v) => {
        const d = toDate(v[0] ?? null);
        if (d instanceof FormulaErrorValue) return d;
        const fmt = fixed ?? dynamic(text(v, 1));
        return fmt instanceof FormulaErrorValue ? fmt : fmt(d.ms);
      });
    },
  },
  DATETIME_PARSE: {
    min: 1,
    max: 3,
    build: ([date, format, locale]) => {
      if (locale && (locale.literal === undefined || !/^en(-|$)/i.test(String(locale.literal)))) {
        throw new FormulaError('DATETIME_PARSE: only the "en" locale is supported');
      }
      let parser: ((t: string) => number | undefined) | undefined;
      if (format) {
        if (format.literal === undefined) throw new FormulaError('DATETIME_PARSE: the input format must be a text literal');
        parser = compileDateParser(String(format.literal));
      }
      return strict([date as Arg], ([v]) => {
        if (v instanceof FormulaDate) return v;
        const t = toText(v ?? null);
        const ms = parser ? parser(t) : parseIsoDate(t)?.ms;
        return ms === undefined ? errorValue(`DATETIME_PARSE: cannot read "${t}" as a date`) : new FormulaDate(ms, false);
      });
    },
  },
};

function dateCompare(
  args: readonly Arg[],
  test: (a: number, b: number, ctx: EvalContext) => boolean | FormulaErrorValue,
): Thunk {
  return strict(args, ([x, y], ctx) => {
    const a = toDate(x ?? null);
    if (a instanceof FormulaErrorValue) return a;
    const b = toDate(y ?? null);
    if (b instanceof FormulaErrorValue) return b;
    return test(a.ms, b.ms, ctx);
  });
}

/** Real Airtable functions the local engine does not implement: named distinctly in the error. */
export const KNOWN_UNSUPPORTED = new Set(
  (
    'ABS AVERAGE CEILING COUNT COUNTA COUNTALL EVEN EXP FLOOR INT LOG MAX MIN MOD ODD POWER ROUND ROUNDDOWN ROUNDUP ' +
    'SQRT SUM ARRAYCOMPACT ARRAYFLATTEN ARRAYUNIQUE ARRAYSLICE ENCODE_URL_COMPONENT LEFT MID REPLACE REPT RIGHT ' +
    'SUBSTITUTE T XOR SWITCH ERROR DATESTR DATETIME_DIFF DAY HOUR LAST_MODIFIED_TIME MINUTE MONTH SECOND ' +
    'SET_LOCALE SET_TIMEZONE TIMESTR TONOW FROMNOW WEEKDAY WEEKNUM WORKDAY WORKDAY_DIFF YEAR REGEX_EXTRACT ' +
    'REGEX_REPLACE ISBLANK'
  ).split(' '),
);
