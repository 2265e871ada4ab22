/**
 * The parties of the export documents from PO-base records: the agency (Agency table) or the factory (Suppliers)
 * as exporter, the client as buyer and usually consignee, and free-text parties typed on the shipment ("TO ORDER",
 * a notify party, a forwarder's warehouse).
 */
import { resolveCountry } from '../documents/countries.ts';
import type { PartyInput } from '../documents/input.ts';
import type { AgencyRecord } from '../models/agency.ts';
import type { Client } from '../models/client.ts';
import type { Supplier } from '../models/supplier.ts';

/** Factories are in mainland China: the Suppliers table has Chinese names, USCI codes and Asia/Shanghai. */
export const SUPPLIER_COUNTRY = 'CN';

export function lines(text: string | undefined): string[] {
  return (text ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

function taxIds(entries: Array<[string, string | undefined]>): PartyInput['taxIds'] {
  const ids = entries.filter((e): e is [string, string] => (e[1] ?? '').trim() !== '').map(([label, value]) => ({ label, value }));
  return ids.length > 0 ? ids : undefined;
}

export function agencyParty(agency: AgencyRecord): PartyInput {
  return {
    ref: { table: 'Agency', id: agency.id, label: agency.name },
    name: agency.legalName ?? agency.name,
    nameLocal: agency.legalNameZh,
    address: lines(agency.address),
    addressLocal: agency.addressZh,
    country: agency.country,
    phone: agency.phone,
    email: agency.email,
    taxIds: taxIds([['USCI', agency.taxId], ['EORI', agency.eoriNumber]]),
  };
}

export function supplierParty(supplier: Supplier): PartyInput {
  return {
    ref: { table: 'Suppliers', id: supplier.id, label: supplier.name },
    name: supplier.name,
    nameLocal: supplier.nameZh,
    address: lines(supplier.address),
    addressLocal: supplier.addressZh,
    country: SUPPLIER_COUNTRY,
    phone: supplier.phone,
    email: supplier.email,
    taxIds: taxIds([['USCI', supplier.taxId]]),
  };
}

export function clientParty(client: Client): PartyInput {
  return {
    ref: { table: 'Clients', id: client.id, label: client.name },
    name: client.legalName ?? client.name,
    address: lines(client.address),
    country: client.country,
    contact: client.contactName,
    email: client.contactEmails[0],
    taxIds: taxIds([['Tax ID', client.taxId], ['EORI', client.eoriNumber]]),
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^(tel|phone)[:.]?\s*/i;

/**
 * A party typed as text, one item per line: the name first, then the address; a line that is an email or starts
 * with "Tel" becomes the contact. The country is the last address line (or its last comma-separated part) when
 * that names a country, e.g. "120 Port Street, Newark, NJ 07114, United States".
 */
export function textParty(ref: { table: string; id: string; label?: string | undefined }, text: string): PartyInput {
  const [name = '', ...rest] = lines(text);
  const address: string[] = [];
  let email: string | undefined;
  let phone: string | undefined;
  for (const line of rest) {
    if (EMAIL.test(line)) email = line;
    else if (PHONE.test(line)) phone = line.replace(PHONE, '');
    else address.push(line);
  }
  return { ref, name, address, country: countryIn(address), email, phone };
}

function countryIn(address: string[]): string | undefined {
  const last = address.at(-1);
  if (last === undefined) return undefined;
  const tail = last.split(',').at(-1)?.trim() ?? '';
  for (const candidate of [last, tail]) {
    // Two-letter parts are state codes ("NJ") more often than countries; only names count here.
    if (candidate.length > 2 && resolveCountry(candidate)) return candidate;
  }
  return undefined;
}

/** "Chen Jianguo, sales manager" → name and title of the person who signs for a factory exporter. */
export function signatoryFromContact(contact: string | undefined): { name: string; title: string } | undefined {
  const text = (contact ?? '').trim();
  const comma = text.indexOf(',');
  if (comma <= 0) return undefined;
  const name = text.slice(0, comma).trim();
  const title = text.slice(comma + 1).trim();
  if (name === '' || title === '') return undefined;
  return { name, title: title.charAt(0).toUpperCase() + title.slice(1) };
}
