/**
 * The process settings scripts/deploy.sh gives the functions, which the cycle-memory bench measures with; deploy.sh's
 * test holds them in step.
 * - glibc malloc: two arenas and a fixed trim threshold, so native memory freed by zlib, HTTP and V8's compiler goes
 *   back instead of staying in per-thread arenas.
 * - NODE_OPTIONS: V8's young generation capped at 1 MB semi-spaces. That is the one setting V8's optimize-for-size
 *   mode implies (its flag definition: `DEFINE_VALUE_IMPLICATION(optimize_for_size, max_semi_space_size, 1)`), and
 *   it is read when the heap is set up, before functions/v8-settings.ts can set the mode; Node accepts it in
 *   NODE_OPTIONS (https://nodejs.org/api/cli.html#node_optionsoptions), the mode itself it refuses.
 */
export const DEPLOYED_MALLOC_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072' };

export const DEPLOYED_NODE_OPTIONS = '--max-semi-space-size=1';
