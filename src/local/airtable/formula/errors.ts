/**
 * A formula the engine refuses to run: a syntax error, an unknown field, a function outside the supported
 * subset or a wrong number of arguments. The Airtable service answers it with 422 INVALID_FILTER_BY_FORMULA
 * ("The formula for filtering records is invalid: " + message), as https://airtable.com/developers/web/api/errors does.
 */
export class FormulaError extends Error {
  /** 1-based character position in the formula source, when the error has one. */
  readonly position: number | undefined;

  constructor(message: string, position?: number) {
    super(position === undefined ? message : `${message} at position ${position}`);
    this.name = 'FormulaError';
    this.position = position;
  }
}
