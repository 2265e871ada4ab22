/**
 * Nothing a function answers or logs may carry a secret or a stack trace. Every outgoing string goes through
 * `redactor(env)`: configured secret values (by variable name, see SECRET_NAME) and anything shaped like a token
 * (bearer headers, Airtable PATs, Notion and Google tokens, private keys) become `***`. Errors are reduced to their
 * message; stacks stay out (Cloud Logging already records which function failed).
 */
import { secretValues } from '../src/config/functions-config.ts';

const TOKEN_SHAPES: RegExp[] = [
  /Bearer\s+[\w.~+/=-]+/gi,
  /\bpat[A-Za-z0-9]{14}\.[a-f0-9]{64}\b/g, // Airtable personal access token
  /\b(?:secret|ntn)_[A-Za-z0-9]{20,}\b/g, // Notion integration token
  /\bya29\.[\w.-]+/g, // Google OAuth access token
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
];

export type Redact = (text: string) => string;

export function redactor(env: Record<string, string | undefined>): Redact {
  const secrets = secretValues(env);
  return (text) => {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join('***');
    for (const shape of TOKEN_SHAPES) out = out.replace(shape, '***');
    return out;
  };
}

/** Deeply redacts every string of a JSON-like value. */
export function redactValue<T>(value: T, redact: Redact): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, redact)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactValue(v, redact)])) as T;
  }
  return value;
}

/** What may be said about a thrown value: its message, redacted, on one line. Never the stack. */
export function errorMessage(error: unknown, redact: Redact): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';
  return redact(raw.replace(/\s*\n\s*/g, ' ').slice(0, 1000));
}

export type Severity = 'INFO' | 'WARNING' | 'ERROR';

/**
 * One structured log line (Cloud Logging reads `severity` and `message` from JSON on stdout/stderr). The entry
 * is redacted as a whole, so a field added later cannot leak a secret either.
 */
export function logLine(severity: Severity, message: string, fields: Record<string, unknown>, redact: Redact): void {
  const line = JSON.stringify(redactValue({ severity, message, ...fields }, redact));
  if (severity === 'ERROR') console.error(line);
  else console.log(line);
}
