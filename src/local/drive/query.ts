/**
 * The subset of Drive's search grammar the sync uses (https://developers.google.com/drive/api/guides/ref-search-terms),
 * compiled to a SQL condition on `drive_files f`:
 *   name = | != | contains 'x'        mimeType = | != | contains 'x'      '<id>' in parents ('root' allowed)
 *   trashed = | != true|false        starred = | != true|false           createdTime / modifiedTime < <= = != > >= '<RFC 3339>'
 *   appProperties has { key='k' and value='v' }     properties has { key='k' and value='v' }
 * joined with and / or / not and parentheses; strings in single quotes with \' and \\ escapes.
 * Anything else is answered 400 "Invalid Value" (location q), the way Drive rejects a query it cannot parse,
 * so an unsupported term never returns a wrong list.
 *
 * `name contains` follows Drive's documented prefix matching: the value must start the name or one of its words
 * (case-insensitive); "HelloWorld" contains 'Hello' but not 'World'.
 */
import { invalidParameter } from './google-error.ts';

type Token =
  | { kind: 'string'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'op'; value: string }
  | { kind: 'punct'; value: '(' | ')' | '{' | '}' };

export interface CompiledQuery {
  sql: string;
  params: unknown[];
}

export function compileQuery(q: string, rootId: string): CompiledQuery {
  const tokens = tokenize(q);
  const parser = new Parser(tokens, rootId);
  const compiled = parser.expression();
  if (!parser.done()) throw invalid();
  return compiled;
}

function invalid(): Error {
  return invalidParameter('q');
}

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i] as string;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === "'") {
      let value = '';
      i += 1;
      for (;;) {
        const d = q[i];
        if (d === undefined) throw invalid();
        if (d === '\\') {
          const next = q[i + 1];
          if (next !== "'" && next !== '\\') throw invalid();
          value += next;
          i += 2;
        } else if (d === "'") {
          i += 1;
          break;
        } else {
          value += d;
          i += 1;
        }
      }
      tokens.push({ kind: 'string', value });
    } else if (c === '(' || c === ')' || c === '{' || c === '}') {
      tokens.push({ kind: 'punct', value: c });
      i += 1;
    } else if ('=!<>'.includes(c)) {
      const two = q.slice(i, i + 2);
      const op = ['!=', '<=', '>='].includes(two) ? two : c;
      if (op === '!') throw invalid();
      tokens.push({ kind: 'op', value: op });
      i += op.length;
    } else {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(q.slice(i));
      if (!match) throw invalid();
      tokens.push({ kind: 'word', value: match[0] });
      i += match[0].length;
    }
  }
  return tokens;
}

const TIME_FIELDS: Record<string, string> = { createdTime: 'f.created_ms', modifiedTime: 'f.modified_ms' };
const STRING_FIELDS: Record<string, string> = { name: 'f.name', mimeType: 'f.mime_type' };
const BOOLEAN_FIELDS: Record<string, string> = { trashed: 'f.trashed', starred: 'f.starred' };
const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=']);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?$/;

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly rootId: string,
  ) {}

  done(): boolean {
    return this.pos === this.tokens.length;
  }

  expression(): CompiledQuery {
    let left = this.conjunction();
    while (this.peekWord('or')) {
      this.pos += 1;
      const right = this.conjunction();
      left = { sql: `(${left.sql} OR ${right.sql})`, params: [...left.params, ...right.params] };
    }
    return left;
  }

  private conjunction(): CompiledQuery {
    let left = this.unary();
    while (this.peekWord('and')) {
      this.pos += 1;
      const right = this.unary();
      left = { sql: `(${left.sql} AND ${right.sql})`, params: [...left.params, ...right.params] };
    }
    return left;
  }

  private unary(): CompiledQuery {
    if (this.peekWord('not')) {
      this.pos += 1;
      const inner = this.unary();
      return { sql: `(NOT ${inner.sql})`, params: inner.params };
    }
    if (this.peekPunct('(')) {
      this.pos += 1;
      const inner = this.expression();
      this.expectPunct(')');
      return inner;
    }
    return this.term();
  }

  private term(): CompiledQuery {
    const first = this.next();
    if (first.kind === 'string') {
      // '<id>' in parents
      this.expectWord('in');
      this.expectWord('parents');
      const id = first.value === 'root' ? this.rootId : first.value;
      return { sql: 'f.parent_id = ?', params: [id] };
    }
    if (first.kind !== 'word') throw invalid();
    const field = first.value;
    if (field === 'appProperties' || field === 'properties') return this.has(field === 'appProperties' ? 'app' : 'public');
    const op = this.next();
    const opName = op.kind === 'op' ? op.value : op.kind === 'word' ? op.value.toLowerCase() : '';
    const column = STRING_FIELDS[field];
    if (column !== undefined) {
      const value = this.stringValue();
      if (opName === '=' || opName === '!=') return { sql: `${column} ${opName === '=' ? '=' : '<>'} ?`, params: [value] };
      if (opName === 'contains' && field === 'name') return { sql: 'drive_name_contains(f.name, ?)', params: [value] };
      if (opName === 'contains') return { sql: 'instr(f.mime_type, ?) > 0', params: [value] };
      throw invalid();
    }
    const booleanColumn = BOOLEAN_FIELDS[field];
    if (booleanColumn !== undefined) {
      const value = this.next();
      if ((opName !== '=' && opName !== '!=') || value.kind !== 'word') throw invalid();
      const literal = value.value.toLowerCase();
      if (literal !== 'true' && literal !== 'false') throw invalid();
      const wanted = (literal === 'true') === (opName === '=') ? 1 : 0;
      return { sql: `${booleanColumn} = ?`, params: [wanted] };
    }
    const timeColumn = TIME_FIELDS[field];
    if (timeColumn !== undefined && COMPARISONS.has(opName)) {
      const value = this.stringValue();
      if (!RFC3339.test(value)) throw invalid();
      // Drive reads a time without an offset as UTC.
      const ms = Date.parse(/Z|[+-]\d{2}:\d{2}$/.test(value) ? value : `${value}Z`);
      if (Number.isNaN(ms)) throw invalid();
      return { sql: `${timeColumn} ${opName === '!=' ? '<>' : opName} ?`, params: [ms] };
    }
    throw invalid();
  }

  /** `has { key='k' and value='v' }` */
  private has(visibility: 'app' | 'public'): CompiledQuery {
    this.expectWord('has');
    this.expectPunct('{');
    this.expectWord('key');
    this.expectOp('=');
    const key = this.stringValue();
    this.expectWord('and');
    this.expectWord('value');
    this.expectOp('=');
    const value = this.stringValue();
    this.expectPunct('}');
    return {
      sql: `EXISTS (SELECT 1 FROM drive_properties p WHERE p.file_id = f.id AND p.visibility = ? AND p.key = ? AND p.value = ?)`,
      params: [visibility, key, value],
    };
  }

  private next(): Token {
    const token = this.tokens[this.pos];
    if (!token) throw invalid();
    this.pos += 1;
    return token;
  }

  private stringValue(): string {
    const token = this.next();
    if (token.kind !== 'string') throw invalid();
    return token.value;
  }

  private peekWord(word: string): boolean {
    const token = this.tokens[this.pos];
    return token?.kind === 'word' && token.value.toLowerCase() === word;
  }

  private peekPunct(p: string): boolean {
    const token = this.tokens[this.pos];
    return token?.kind === 'punct' && token.value === p;
  }

  private expectWord(word: string): void {
    if (!this.peekWord(word)) throw invalid();
    this.pos += 1;
  }

  private expectPunct(p: string): void {
    if (!this.peekPunct(p)) throw invalid();
    this.pos += 1;
  }

  private expectOp(op: string): void {
    const token = this.next();
    if (token.kind !== 'op' || token.value !== op) throw invalid();
  }
}

/** Drive's prefix matching for `name contains`: the value starts the name or one of its words. */
export function nameContains(name: string, value: string): boolean {
  const haystack = name.toLocaleLowerCase();
  const needle = value.toLocaleLowerCase();
  for (let i = 0; i <= haystack.length - needle.length; i += 1) {
    const wordStart = i === 0 || !/[\p{L}\p{N}]/u.test(haystack[i - 1] as string);
    if (wordStart && haystack.startsWith(needle, i)) return true;
  }
  return false;
}
