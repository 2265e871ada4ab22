/**
 * Removes Unicode bidirectional control characters (embeddings and overrides U+202A–U+202E, isolates
 * U+2066–U+2069, the marks U+200E/U+200F and the Arabic letter mark U+061C). In a supplier or file name they make
 * text display in another order than it is stored ("Trojan Source", CVE-2021-42574): `invoice‮fdp.exe` reads as
 * `invoiceexe.pdf`. Names reach clients and factories in mails, portal pages and documents, so every text cell is
 * cleaned when records are parsed (models/cells.ts), and mail headers once more when composed.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
const HAS_BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

export function stripBidiControls(text: string): string {
  return HAS_BIDI.test(text) ? text.replace(BIDI_CONTROLS, '') : text;
}
