/**
 * Query parameters of a Google API call. Every method accepts Google's system parameters plus its own; anything
 * else is refused the way Google's front end refuses it, so a misspelt option never silently does nothing.
 */
import { GoogleApiError, invalidParameter } from './google-error.ts';

/** https://cloud.google.com/apis/docs/system-parameters plus the upload protocol parameters. */
const SYSTEM_PARAMETERS = [
  'alt', 'fields', 'key', 'prettyPrint', 'quotaUser', 'userIp', 'oauth_token', 'access_token', 'callback',
  'upload_protocol', 'uploadType', '$.xgafv',
];

export class QueryParams {
  private readonly values: URLSearchParams;

  constructor(rawQuery: string, allowed: readonly string[], errorOptions: { withStatus?: boolean } = {}) {
    this.values = new URLSearchParams(rawQuery);
    for (const name of new Set(this.values.keys())) {
      if (!allowed.includes(name) && !SYSTEM_PARAMETERS.includes(name)) {
        const message =
          `Invalid JSON payload received. Unknown name "${name}": Cannot bind query parameter. ` +
          `Field '${name}' could not be found in request message.`;
        throw new GoogleApiError(400, { reason: 'invalid', message }, errorOptions);
      }
    }
  }

  get(name: string): string | null {
    return this.values.get(name);
  }

  getAll(name: string): string[] {
    return this.values.getAll(name);
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.values.get(name);
    if (value === null) return fallback;
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw invalidParameter(name, `Invalid value '${value}'. Values must be true or false.`);
  }

  /** An integer in [min, max]; values above `clampAt` are cut to it, as Drive does for pageSize. */
  int(name: string, range: { min: number; max: number; fallback: number }): number {
    const value = this.values.get(name);
    if (value === null) return range.fallback;
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || n < range.min) {
      throw invalidParameter(name, `Invalid value '${value}'. Values must be within the range: [${range.min}, ${range.max}]`);
    }
    return Math.min(n, range.max);
  }

  /** Comma-separated ID lists such as `addParents=a,b`. */
  list(name: string): string[] {
    return (this.values.get(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
}
