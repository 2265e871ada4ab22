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

/**
 * V8's old-space limit in the deployed functions: deploy.sh gives them 512 MiB, and Node sizes V8's heap from the
 * container's memory limit (https://github.com/nodejs/node/pull/27508), which for 512 MiB is a 256 MB old space, as
 * for any smaller container (V8's floor on 64-bit). The cycle-memory bench gives its cycle process this limit
 * unless BENCH_HEAP_MB says otherwise: on a large machine V8 would size the heap from all of its memory and let
 * garbage grow it far past what a function can.
 */
export const DEPLOYED_OLD_SPACE_MB = 256;
