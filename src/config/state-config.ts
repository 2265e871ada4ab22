/**
 * Where the deployment keeps its durable state (leases, webhook cursors): a Cloud Storage bucket when STATE_BUCKET
 * is set (the functions: their disk is not shared between instances), else `<WORKSPACE_DIR>/state.db`, shared by
 * every process on this machine. LEASE_TTL_SECONDS bounds how long a run killed without releasing its lease
 * blocks the next one (a live run renews every third of it).
 */
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const STATE_ENV = {
  STATE_BUCKET: optionalText,
  /** Object-name prefix inside the bucket (one bucket can serve several deployments). */
  STATE_PREFIX: z.string().trim().default('sourcing-state/'),
  /** Cloud Storage JSON API origin (the local workspace in tests). */
  STATE_STORAGE_URL: z.string().url().default('https://storage.googleapis.com'),
  LEASE_TTL_SECONDS: z.coerce.number().positive().max(3600).default(120),
};

type StateEnv = z.output<z.ZodObject<typeof STATE_ENV>>;

export interface StateConfig {
  bucket?: string;
  prefix: string;
  storageUrl: string;
  leaseTtlMs: number;
}

export function stateConfig(e: StateEnv): StateConfig {
  return {
    ...(e.STATE_BUCKET ? { bucket: e.STATE_BUCKET } : {}),
    prefix: e.STATE_PREFIX,
    storageUrl: e.STATE_STORAGE_URL,
    leaseTtlMs: Math.round(e.LEASE_TTL_SECONDS * 1000),
  };
}
