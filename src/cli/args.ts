/**
 * The command line's words and what happens when one is mistyped: "did you mean …" and a one-line usage
 * instead of Node's parser text or the whole help.
 */
import { parseArgs } from 'node:util';

export const COMMANDS = ['start', 'workspace', 'provision', 'calendar', 'plan', 'check', 'sync', 'remind', 'chat', 'reviews', 'weekly', 'docs', 'close', 'supplier-links', 'serve', 'status', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

const OPTIONS = {
  json: { type: 'boolean', default: false },
  once: { type: 'boolean', default: false },
  sample: { type: 'boolean', default: false },
  verbose: { type: 'boolean', short: 'v', default: false },
  port: { type: 'string' },
  dir: { type: 'string' },
  po: { type: 'string', multiple: true },
  project: { type: 'string', multiple: true },
  supplier: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  now: { type: 'string' },
} as const;

const VALUE_EXAMPLES: Record<string, string> = {
  port: '--port 4010',
  dir: '--dir .workspace',
  po: '--po PO-2406',
  project: '--project "Garden chairs 2027"',
  supplier: '--supplier "Ningbo Homeware"',
  now: '--now 2027-01-20T09:00+08:00',
};

export const USAGE = 'Usage: sourcing <command> [--json] [--now <ISO date-time>]; `sourcing help` lists the commands and options.';

export type ParsedArgs = ReturnType<typeof parse>;

function parse(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
}

export class UsageError extends Error {}

/** Parses argv, or throws a UsageError whose message says what was wrong and what was probably meant. */
export function parseCommandLine(argv: string[]): { command: string; values: ParsedArgs['values']; positionals: string[] } {
  let parsed: ParsedArgs;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(explain(error as Error & { code?: string }, argv));
  }
  const command = parsed.positionals[0] ?? 'help';
  if (!(COMMANDS as readonly string[]).includes(command)) {
    const guess = closest(command, COMMANDS);
    throw new UsageError(`Unknown command "${command}".${guess ? ` Did you mean \`sourcing ${guess}\`?` : ''}\n${USAGE}`);
  }
  return { command, values: parsed.values, positionals: parsed.positionals };
}

function explain(error: Error & { code?: string }, argv: string[]): string {
  const names = Object.keys(OPTIONS);
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const typed = argv.find((a) => a.startsWith('-') && !isKnown(a)) ?? '';
    const bare = typed.replace(/^-+/, '').replace(/=.*$/, '');
    const guess = closest(bare, names);
    return `Unknown option "${typed}".${guess ? ` Did you mean --${guess}?` : ''}\n${USAGE}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = names.find((n) => error.message.includes(`--${n}`));
    if (name && OPTIONS[name as keyof typeof OPTIONS].type === 'string') return `--${name} needs a value, e.g. ${VALUE_EXAMPLES[name] ?? `--${name} <value>`}.\n${USAGE}`;
    if (name) return `--${name} takes no value.\n${USAGE}`;
  }
  return `${error.message.replace(/\s*To specify a positional argument.*$/s, '')}\n${USAGE}`;
}

function isKnown(arg: string): boolean {
  const bare = arg.replace(/^-+/, '').replace(/=.*$/, '');
  if (arg.startsWith('--')) return bare in OPTIONS;
  return Object.values(OPTIONS).some((o) => 'short' in o && o.short === bare);
}

/** The candidate within two edits of `word` (or sharing its start), if there is one clear best. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const scored = candidates
    .map((c) => ({ c, d: distance(word.toLowerCase(), c) }))
    .filter(({ c, d }) => d <= Math.max(1, Math.min(2, Math.floor(c.length / 3))) || (word.length >= 3 && c.startsWith(word.toLowerCase())))
    .sort((a, b) => a.d - b.d);
  return scored[0]?.c;
}

/** Optimal string alignment distance: a swap of two letters ("stauts") counts as one edit. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
