/**
 * A copy of a buffer that owns exactly its bytes, for buffers kept a long time (packed rows).
 *
 * Neither a zlib answer nor a plain `Buffer.from` copy does: a small deflate answer is a view into zlib's 16 KB
 * output chunk, and a `Buffer.from` copy under 4 KB is a slice of Node's shared 8 KB pool, whose other slices are
 * often garbage of the same moment (the JSON just deflated). Either way one kept slice keeps the whole block alive:
 * one PO's ~550 bytes of packed milestones held an 8 KB pool slab, ~40 MB at 10,000 POs instead of ~6.
 */
export function ownBuffer(bytes: Buffer): Buffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
  const own = Buffer.allocUnsafeSlow(bytes.byteLength);
  bytes.copy(own);
  return own;
}
