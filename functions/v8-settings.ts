/**
 * V8's "optimize for size" mode for the deployed functions, set before anything else is loaded (functions/index.ts
 * imports this module first). A 10,000-PO cycle peaks in the documents step of a first import: with V8's defaults
 * the process reached 276 MB there, with this mode 238 MB (`npm run bench -- cycle-memory`, README). Most of the
 * difference is outside the JS heap: V8 optimizes fewer functions and keeps less compiled code and compiler
 * memory; the price is CPU (the documents step of a first import took ~1.5x as long at 2,000 POs).
 *
 * Node refuses the flag in NODE_OPTIONS, and Cloud Functions starts `node` itself, so it is set here through
 * `v8.setFlagsFromString` (https://nodejs.org/api/v8.html#v8setflagsfromstringflags): the heuristics it changes
 * are read as the process runs, and the benchmark measures the cycle with it set this same way. The one setting
 * the mode implies that is read at start, 1 MB semi-spaces for the young generation, comes from NODE_OPTIONS
 * (scripts/deploy.sh, scripts/bench/deployed-env.ts).
 * Only where Cloud Run runs the function (K_SERVICE is set: https://cloud.google.com/run/docs/container-contract#env-vars);
 * tests and local runs keep V8's defaults.
 */
import { setFlagsFromString } from 'node:v8';

export const DEPLOYED_V8_FLAGS = '--optimize-for-size';

export function applyDeployedV8Flags(): void {
  setFlagsFromString(DEPLOYED_V8_FLAGS);
}

if (process.env['K_SERVICE'] !== undefined) applyDeployedV8Flags();
