/**
 * Settings of the supplier portal. In the cloud the link secret comes from Secret Manager (mounted as the
 * SUPPLIER_LINK_SECRET variable) and the links point at the deployed function (SUPPLIER_PORTAL_URL); locally the
 * secret is generated once and kept in the workspace's data dir, and links point at the local workspace.
 */
import { z } from 'zod';

export const SUPPLIER_PORTAL_ENV = {
  SUPPLIER_LINK_SECRET: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .optional()
    .refine((v) => v === undefined || v.length >= 32, 'must be at least 32 characters (e.g. `openssl rand -base64 48`)'),
  SUPPLIER_PORTAL_URL: z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v.replace(/\/+$/, '')))
    .optional()
    .refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), 'expected the portal\'s public URL, e.g. https://europe-west1-<project>.cloudfunctions.net/supplierPortal'),
  SUPPLIER_LINK_DAYS: z.coerce.number().int().min(1).max(365).default(90),
};

export interface SupplierPortalConfig {
  secret?: string | undefined;
  publicUrl?: string | undefined;
  linkDays: number;
}

export function supplierPortalConfig(e: { SUPPLIER_LINK_SECRET?: string | undefined; SUPPLIER_PORTAL_URL?: string | undefined; SUPPLIER_LINK_DAYS: number }): SupplierPortalConfig {
  return { secret: e.SUPPLIER_LINK_SECRET, publicUrl: e.SUPPLIER_PORTAL_URL, linkDays: e.SUPPLIER_LINK_DAYS };
}
