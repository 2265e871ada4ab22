/** Where the shipped sample agency lives, and a reader for it (static data shipped with the code). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SampleDataError } from './resolve-sample.ts';

export const DEFAULT_SAMPLE_PATH = fileURLToPath(new URL('../../../workspace-templates/sample-agency.json', import.meta.url));

/** The sample agency file as JSON, to hand to resolveSampleAgency(). */
export function readSampleAgency(path: string = DEFAULT_SAMPLE_PATH): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SampleDataError([`${path} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
}
