/**
 * The agency's confidentiality policy: decided once per client × supplier (one row of the Disclosures table), it
 * says what a client may learn about a factory (name, city, address, contact) and what a factory may learn about
 * the client (name, address, contact). Without a row a client sees only the factory's alias and country, and a
 * factory sees only the agency. Every output that reaches an outsider (portal pages, PDFs in client folders, mails,
 * closure reports, supplier scores, the supplier portal, contracts) asks this module, so one place decides.
 *
 * Pure: no I/O. Callers pass plain records (structural types), so any job can build the policy from what it read.
 */

export const SUPPLIER_FACTS = ['Name', 'City', 'Address', 'Contact'] as const;
export type SupplierFact = (typeof SUPPLIER_FACTS)[number];
export const CLIENT_FACTS = ['Name', 'Address', 'Contact'] as const;
export type ClientFact = (typeof CLIENT_FACTS)[number];

/** One Disclosures row as read from Airtable. */
export interface DisclosureRow {
  id: string;
  /** The row's primary value, for messages. */
  label?: string | undefined;
  client?: string | undefined;
  supplier?: string | undefined;
  clientMaySee?: readonly string[] | undefined;
  supplierMaySee?: readonly string[] | undefined;
}

/** What the policy needs to know about a factory. */
export interface SupplierIdentity {
  id: string;
  name: string;
  nameLocal?: string | undefined;
  clientAlias?: string | undefined;
  city?: string | undefined;
  address?: string | undefined;
  addressLocal?: string | undefined;
  contact?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  weChat?: string | undefined;
  taxId?: string | undefined;
  /** Airtable's createdTime: letter aliases ("Supplier A") follow the order suppliers were added. */
  createdTime?: string | undefined;
}

export interface ClientIdentity {
  id: string;
  name: string;
  legalName?: string | undefined;
  address?: string | undefined;
  contactName?: string | undefined;
  contactEmails?: readonly string[] | undefined;
}

export interface PolicyInput {
  disclosures: readonly DisclosureRow[];
  suppliers: readonly SupplierIdentity[];
  /** Client ID → the suppliers of its POs (any status): letter aliases are numbered per client over these. */
  suppliersOfClient: ReadonlyMap<string, Iterable<string>>;
}

interface PairRule {
  clientSees: ReadonlySet<SupplierFact>;
  supplierSees: ReadonlySet<ClientFact>;
}

export interface ConfidentialityPolicy {
  readonly rules: ReadonlyMap<string, PairRule>;
  readonly suppliers: ReadonlyMap<string, SupplierIdentity>;
  /** Client ID → supplier ID → alias. */
  readonly aliases: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Rows that could not be used as they are ("Disclosures <label>: …"). */
  readonly problems: readonly string[];
}

const pairKey = (clientId: string, supplierId: string) => `${clientId}|${supplierId}`;

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

function letterAliases(supplierIds: Iterable<string>, suppliers: ReadonlyMap<string, SupplierIdentity>): Map<string, string> {
  const unique = [...new Set(supplierIds)].filter((id) => !suppliers.get(id)?.clientAlias);
  const created = (id: string) => suppliers.get(id)?.createdTime ?? '';
  unique.sort((a, b) => created(a).localeCompare(created(b)) || a.localeCompare(b));
  return new Map(unique.map((id, i) => [id, `Supplier ${letters(i)}`]));
}

function only<T extends string>(allowed: readonly T[], values: readonly string[] | undefined): Set<T> {
  return new Set((values ?? []).filter((v): v is T => (allowed as readonly string[]).includes(v)));
}

function intersect<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  return new Set([...a].filter((v) => b.has(v)));
}

export function buildConfidentialityPolicy(input: PolicyInput): ConfidentialityPolicy {
  const suppliers = new Map(input.suppliers.map((s) => [s.id, s]));
  const rules = new Map<string, PairRule>();
  const firstRow = new Map<string, string>();
  const problems: string[] = [];
  for (const row of input.disclosures) {
    const name = row.label?.trim() || 'a row';
    if (!row.client || !row.supplier) {
      problems.push(`Disclosures ${name}: "Client" and "Supplier" must both be set; the row is ignored (the client sees the alias only)`);
      continue;
    }
    const key = pairKey(row.client, row.supplier);
    const rule: PairRule = { clientSees: only(SUPPLIER_FACTS, row.clientMaySee), supplierSees: only(CLIENT_FACTS, row.supplierMaySee) };
    const before = rules.get(key);
    if (before) {
      // Two rows for one pair could disagree: the stricter reading of both wins until someone removes one.
      problems.push(`Disclosures ${name}: the same client and supplier as "${firstRow.get(key)}"; only what both rows allow is shown`);
      rules.set(key, { clientSees: intersect(before.clientSees, rule.clientSees), supplierSees: intersect(before.supplierSees, rule.supplierSees) });
      continue;
    }
    firstRow.set(key, name);
    rules.set(key, rule);
  }
  const aliases = new Map<string, Map<string, string>>();
  for (const [clientId, ids] of input.suppliersOfClient) aliases.set(clientId, letterAliases(ids, suppliers));
  return { rules, suppliers, aliases, problems };
}

const NOTHING: PairRule = { clientSees: new Set(), supplierSees: new Set() };
const ruleOf = (policy: ConfidentialityPolicy, clientId: string | undefined, supplierId: string | undefined) =>
  (clientId && supplierId ? policy.rules.get(pairKey(clientId, supplierId)) : undefined) ?? NOTHING;

export interface SupplierAsSeen {
  /** What the client reads as the factory's name: its name when allowed, else its alias. */
  label: string;
  /** True when the client may read the factory's real name. */
  named: boolean;
  city?: string | undefined;
  address?: string | undefined;
  contact?: string | undefined;
  /** Texts of the factory this client must never read (name, local name, address, contact, tax ID…). */
  hidden: string[];
}

/** The client's view of one factory. `clientId` undefined (no client known) shows as little as possible. */
export function supplierAsSeenByClient(policy: ConfidentialityPolicy, clientId: string | undefined, supplierId: string | undefined): SupplierAsSeen {
  const supplier = supplierId ? policy.suppliers.get(supplierId) : undefined;
  const rule = ruleOf(policy, clientId, supplierId);
  const alias = supplier?.clientAlias ?? (clientId && supplierId ? policy.aliases.get(clientId)?.get(supplierId) : undefined) ?? 'Supplier';
  if (!supplier) return { label: alias, named: false, hidden: [] };
  const sees = rule.clientSees;
  const hidden: (string | undefined)[] = [];
  if (!sees.has('Name')) hidden.push(supplier.name, supplier.nameLocal, supplier.taxId);
  if (!sees.has('Address')) hidden.push(supplier.address, supplier.addressLocal);
  if (!sees.has('Contact')) hidden.push(supplier.contact, supplier.email, supplier.phone, supplier.weChat);
  return {
    label: sees.has('Name') ? supplier.name : alias,
    named: sees.has('Name'),
    ...(sees.has('City') && supplier.city ? { city: supplier.city } : {}),
    ...(sees.has('Address') && supplier.address ? { address: supplier.address } : {}),
    ...(sees.has('Contact') && supplier.contact ? { contact: supplier.contact } : {}),
    hidden: distinctTexts(hidden),
  };
}

export interface ClientAsSeen {
  /** What the factory reads as the buyer: the client's name when allowed, else the agency's. */
  label: string;
  named: boolean;
  address?: string | undefined;
  contact?: string | undefined;
  /** Texts of the client this factory must never read. */
  hidden: string[];
}

/** The factory's view of one client; by default the factory deals with the agency only. */
export function clientAsSeenBySupplier(
  policy: ConfidentialityPolicy,
  supplierId: string | undefined,
  client: ClientIdentity | undefined,
  agencyName: string,
): ClientAsSeen {
  if (!client) return { label: agencyName, named: false, hidden: [] };
  const sees = ruleOf(policy, client.id, supplierId).supplierSees;
  const hidden: (string | undefined)[] = [];
  if (!sees.has('Name')) hidden.push(client.name, client.legalName);
  if (!sees.has('Address')) hidden.push(client.address);
  if (!sees.has('Contact')) hidden.push(client.contactName, ...(client.contactEmails ?? []));
  return {
    label: sees.has('Name') ? (client.legalName ?? client.name) : agencyName,
    named: sees.has('Name'),
    ...(sees.has('Address') && client.address ? { address: client.address } : {}),
    ...(sees.has('Contact') && client.contactName ? { contact: client.contactName } : {}),
    hidden: distinctTexts(hidden),
  };
}

/** May this client's readable folders hold documents that name the factory (commercial invoice, CO…)? */
export function clientMayReadFactoryDocuments(policy: ConfidentialityPolicy, clientId: string | undefined, supplierId: string | undefined): boolean {
  const sees = ruleOf(policy, clientId, supplierId).clientSees;
  return sees.has('Name') && sees.has('Address');
}

/** Texts of at least 4 characters, each once (short fragments like "Li" would match everywhere). */
function distinctTexts(values: readonly (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const value of values) {
    const text = value?.trim();
    if (text && text.length >= 4) out.add(text);
  }
  return [...out];
}

/**
 * The hidden texts `content` contains (case and spacing ignored, an address compared line by line), empty when
 * nothing leaks. For checking a document or message before it goes where the client can read it.
 */
export function leaksIn(content: string, hidden: readonly string[]): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const haystack = norm(content);
  return hidden.filter((text) => {
    // A multi-line address leaks through any specific line ("Zhejiang, China" alone is not specific).
    const parts = text.includes('\n') ? text.split('\n').map(norm).filter((line) => line.length >= 12) : [norm(text)];
    return parts.some((part) => haystack.includes(part));
  });
}

/**
 * An Incoterm as a client reads it. EXW and FCA are usually named at the factory's own premises ("FCA Huamei
 * factory, Cixi"): for a client who may not know the factory, the place is described, not named.
 */
export function incotermAsSeenByClient(incoterm: string, namedPlace: string | undefined, supplierNamed: boolean): string {
  if (!supplierNamed && (incoterm === 'EXW' || incoterm === 'FCA')) return `${incoterm} (factory premises)`;
  return `${incoterm} ${namedPlace ?? ''}`.trim();
}
