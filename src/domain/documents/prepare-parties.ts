import { resolveCountry } from './countries.ts';
import type { FixList } from './fixes.ts';
import type { PartyInput } from './input.ts';
import type { PreparedParty } from './prepared.ts';
import { optionalText, requiredText, type FieldContext } from './read-values.ts';

const TO_ORDER = /^TO\s+(THE\s+)?ORDER\b/i;

/** "TO ORDER", "TO ORDER OF SHIPPER", "TO ORDER OF <BANK>": an order (negotiable) consignee. */
export function isToOrderName(name: string): boolean {
  return TO_ORDER.test(name.trim());
}

/**
 * Validates one party. `role` only appears in messages ("(buyer)") because the same Clients record can be buyer
 * and consignee. A "TO ORDER" consignee has no address of its own.
 */
export function prepareParty(
  fixes: FixList,
  input: PartyInput,
  role: string,
  options: { countryRequired: boolean },
): PreparedParty {
  const ctx: FieldContext = { fixes, ref: input.ref };
  const name = requiredText(ctx, 'Name', input.name);
  const isToOrder = name !== '' && isToOrderName(name);
  const addressLines = (input.address ?? []).map((line) => line.trim()).filter((line) => line !== '');
  if (addressLines.length === 0 && !isToOrder) fixes.add(input.ref, 'Address', `is missing (${role})`);

  let country;
  if (optionalText(input.country) === undefined) {
    if (options.countryRequired && !isToOrder) fixes.add(input.ref, 'Country', `is missing (${role})`);
  } else {
    country = resolveCountry(input.country);
    if (!country) fixes.add(input.ref, 'Country', `"${input.country}" is not a country (use an ISO code such as CN or US)`);
  }

  const contactLines: string[] = [];
  const contact = optionalText(input.contact);
  const phone = optionalText(input.phone);
  const email = optionalText(input.email);
  if (contact) contactLines.push(`Attn: ${contact}`);
  if (phone || email) contactLines.push([phone ? `Tel: ${phone}` : '', email ? `Email: ${email}` : ''].filter(Boolean).join('   '));
  for (const id of input.taxIds ?? []) {
    if (!id.value.trim()) continue;
    contactLines.push(`${id.label.trim()}: ${id.value.trim()}`);
  }

  return {
    name,
    nameLocal: optionalText(input.nameLocal),
    addressLines,
    addressLocal: optionalText(input.addressLocal),
    country,
    contactLines,
    isToOrder,
  };
}
