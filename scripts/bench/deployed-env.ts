/**
 * The glibc malloc settings scripts/deploy.sh gives the functions: two arenas and a fixed trim threshold, so native
 * memory freed by zlib, HTTP and V8's compiler goes back instead of staying in per-thread arenas. The cycle-memory
 * bench measures with them; deploy.sh's test holds the two in step.
 */
export const DEPLOYED_MALLOC_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072' };
