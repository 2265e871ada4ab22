/**
 * The copy of a factory photo that phones and clients get: at most 1600 px on the long side, JPEG, rotated
 * upright, with NO metadata (sharp drops EXIF, and with it the GPS position that would reveal a hidden factory,
 * unless asked to keep it). The original stays untouched in the agency-only Drive folder.
 * https://sharp.pixelplumbing.com/api-output#withmetadata (metadata is removed by default)
 */
import sharp from 'sharp';

export const CLIENT_COPY_MAX_PX = 1600;

/** Reads `source` (any format sharp knows: JPEG, PNG, WebP, HEIC when supported) and writes the copy to `target`. */
export async function writeClientCopy(source: string, target: string): Promise<{ width: number; height: number; bytes: number }> {
  const info = await sharp(source, { limitInputPixels: 100_000_000 })
    .rotate()
    .resize({ width: CLIENT_COPY_MAX_PX, height: CLIENT_COPY_MAX_PX, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 82, mozjpeg: true })
    .toFile(target);
  return { width: info.width, height: info.height, bytes: info.size };
}
