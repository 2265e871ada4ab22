/**
 * JSON text deflated for keeping (the shared read's table chunks, the per-group runs of PackedGroups), and back.
 * Level 1: speed over size; it already gets most of the gain on repetitive JSON. The bytes own their block (see
 * own-buffer.ts), so a kept run never pins zlib's output chunk or Node's buffer pool.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { ownBuffer } from './own-buffer.ts';

const DEFLATE = { level: 1 };

export function packJson(json: string): Buffer {
  return ownBuffer(deflateRawSync(Buffer.from(json, 'utf8'), DEFLATE));
}

export function unpackJson<T>(bytes: Buffer): T {
  return JSON.parse(inflateRawSync(bytes).toString('utf8')) as T;
}
