/**
 * What a client reads as a PO's supplier. Agencies protect their supplier list, so the factory's name shows only
 * when the PO says "Show supplier to client". Otherwise the supplier's own "Client alias" (e.g. "Factory NB-01"),
 * and failing that "Supplier A", "Supplier B"… lettered per client in the order the suppliers were added to
 * Airtable, so a letter does not move when another client's suppliers change.
 */
import type { PortalPo, PortalSupplier } from './portal-models.ts';

/** A, B, … Z, AA, AB, … */
export function letters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Letter aliases for the suppliers of one client's POs that have no "Client alias". */
export function letterAliases(supplierIds: Iterable<string>, suppliers: ReadonlyMap<string, PortalSupplier>): Map<string, string> {
  const unique = [...new Set(supplierIds)].filter((id) => !suppliers.get(id)?.clientAlias);
  const created = (id: string) => suppliers.get(id)?.createdTime ?? '';
  unique.sort((a, b) => created(a).localeCompare(created(b)) || a.localeCompare(b));
  return new Map(unique.map((id, i) => [id, `Supplier ${letters(i)}`]));
}

export function supplierLabel(po: PortalPo, suppliers: ReadonlyMap<string, PortalSupplier>, aliases: ReadonlyMap<string, string>): string {
  const supplier = suppliers.get(po.supplier);
  if (po.showSupplierToClient && supplier) return supplier.name;
  return supplier?.clientAlias ?? aliases.get(po.supplier) ?? 'Supplier';
}
