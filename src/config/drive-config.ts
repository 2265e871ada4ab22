/**
 * Drive and document settings: where the agency's folder tree starts, how the Drive client authenticates in cloud
 * mode, the page size of the export documents and the supplier-score weights. Parsed with the rest of the
 * environment in config.ts; the token is redacted there.
 */
import { z } from 'zod';
import { parseWeights, WeightsError, type ScoreWeights } from '../domain/closure/score-weights.ts';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const DRIVE_ENV = {
  /** The agency's root folder (ID or folder link); without it the Agency row's, else a folder the jobs keep in My Drive. */
  DRIVE_ROOT_FOLDER_ID: optionalText,
  /** Another Drive API root (an emulator) in cloud mode; Google's when empty. */
  GOOGLE_DRIVE_ROOT_URL: optionalText,
  /** A ready OAuth access token for Drive (tests, tools); Application Default Credentials when empty. */
  GOOGLE_ACCESS_TOKEN: optionalText,
  /** A4 (default) or LETTER. */
  DOCUMENTS_PAGE_SIZE: z.enum(['A4', 'LETTER']).default('A4'),
  /** "otd=30,psi=25,defects=15,response=15,compliance=15" (must total 100). */
  SUPPLIER_SCORE_WEIGHTS: optionalText,
};

type DriveEnv = z.output<z.ZodObject<typeof DRIVE_ENV>>;

export interface DriveConfig {
  rootFolderId?: string;
  /** Cloud mode only; local mode always uses the local workspace. */
  rootUrl?: string;
  accessToken?: string;
  pageSize: 'A4' | 'LETTER';
  weights?: ScoreWeights;
}

export function driveConfig(e: DriveEnv): { config: DriveConfig; problems: string[] } {
  const problems: string[] = [];
  let weights: ScoreWeights | undefined;
  if (e.SUPPLIER_SCORE_WEIGHTS) {
    try {
      weights = parseWeights(e.SUPPLIER_SCORE_WEIGHTS);
    } catch (error) {
      if (!(error instanceof WeightsError)) throw error;
      problems.push(`SUPPLIER_SCORE_WEIGHTS: ${error.message}`);
    }
  }
  if (e.GOOGLE_DRIVE_ROOT_URL !== undefined && !/^https?:\/\/[^/]+\/$/.test(e.GOOGLE_DRIVE_ROOT_URL)) {
    problems.push(`GOOGLE_DRIVE_ROOT_URL: expected an origin ending in "/", e.g. http://127.0.0.1:4010/, got ${JSON.stringify(e.GOOGLE_DRIVE_ROOT_URL)}`);
  }
  return {
    config: {
      ...(e.DRIVE_ROOT_FOLDER_ID ? { rootFolderId: e.DRIVE_ROOT_FOLDER_ID } : {}),
      ...(e.GOOGLE_DRIVE_ROOT_URL ? { rootUrl: e.GOOGLE_DRIVE_ROOT_URL } : {}),
      ...(e.GOOGLE_ACCESS_TOKEN ? { accessToken: e.GOOGLE_ACCESS_TOKEN } : {}),
      pageSize: e.DOCUMENTS_PAGE_SIZE,
      ...(weights ? { weights } : {}),
    },
    problems,
  };
}

export function redactDrive(drive: DriveConfig): DriveConfig {
  return { ...drive, ...(drive.accessToken ? { accessToken: '***' } : {}) };
}
