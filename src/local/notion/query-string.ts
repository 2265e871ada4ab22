/**
 * Query strings as the SDK sends them: `URLSearchParams` encoding, arrays as repeated keys
 * (`filter_properties=a&filter_properties=b`). Unknown parameters are refused, as unknown body keys are.
 */
import { bodyValidation } from './errors.ts';

export function parseQuery(rawQuery: string, allowed: readonly string[]): URLSearchParams {
  const params = new URLSearchParams(rawQuery);
  for (const key of params.keys()) {
    if (!allowed.includes(key)) throw bodyValidation(`query.${key}`, `should be not present, instead was \`${JSON.stringify(params.get(key))}\``);
  }
  return params;
}

/** `filter_properties` values, or undefined when the parameter is absent. */
export function filterProperties(params: URLSearchParams): string[] | undefined {
  const values = params.getAll('filter_properties');
  return values.length > 0 ? values : undefined;
}
