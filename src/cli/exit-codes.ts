/** Exit codes that mean something to a scheduler or a shell script. */
export const EXIT = {
  ok: 0,
  /** The job ran but some records had problems (reported, skipped). */
  problems: 1,
  /** Bad command line or configuration. */
  usage: 2,
  /** The job could not run (service unreachable, authentication, rate limit exhausted). */
  failed: 3,
} as const;
