/**
 * What an uploaded file is, from its first bytes (never from its name or the type the browser claims): JPEG, PNG,
 * WebP, HEIC/HEIF photos and MP4 / QuickTime videos. Anything else (an .exe renamed .jpg, a PDF, HTML) is refused.
 * Signatures: https://www.iana.org/assignments/media-types and ISO/IEC 14496-12 (ftyp brands).
 */
export interface MediaType {
  mimeType: string;
  kind: 'photo' | 'video';
  extension: string;
}

/** Bytes needed to decide. */
export const SNIFF_BYTES = 12;

const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ', 'MSNV', '3gp4', '3gp5', '3gp6', '3g2a']);

export function sniffMediaType(head: Buffer): MediaType | undefined {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { mimeType: 'image/jpeg', kind: 'photo', extension: 'jpg' };
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { mimeType: 'image/png', kind: 'photo', extension: 'png' };
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return { mimeType: 'image/webp', kind: 'photo', extension: 'webp' };
  if (head.length >= 12 && head.toString('latin1', 4, 8) === 'ftyp') {
    const brand = head.toString('latin1', 8, 12);
    if (HEIF_BRANDS.has(brand)) return { mimeType: 'image/heic', kind: 'photo', extension: 'heic' };
    if (brand === 'qt  ') return { mimeType: 'video/quicktime', kind: 'video', extension: 'mov' };
    if (MP4_BRANDS.has(brand)) return { mimeType: 'video/mp4', kind: 'video', extension: 'mp4' };
  }
  return undefined;
}
