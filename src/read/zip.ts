/**
 * Reads the entries of a zip archive (the container of DOCX files) with the
 * web-standard `DecompressionStream`, so that no native module and no zip
 * library is needed, in Node (≥ 20) and in browsers alike.
 */

/** Thrown when the bytes are not a readable zip archive. */
export class ZipError extends Error {
  override name = 'ZipError'
}

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  /** Offset of the local file header. */
  offset: number
}

/** The central directory of a zip archive. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new ZipError('no end of central directory record (truncated or not a zip archive)')
  const count = view.getUint16(eocd + 10, true)
  let p = view.getUint32(eocd + 16, true)
  const entries = new Map<string, ZipEntry>()
  const decoder = new TextDecoder()
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw new ZipError('broken central directory')
    const nameLength = view.getUint16(p + 28, true)
    const extraLength = view.getUint16(p + 30, true)
    const commentLength = view.getUint16(p + 32, true)
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength))
    entries.set(name, {
      name,
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
    })
    p += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** The uncompressed bytes of one entry. */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const p = entry.offset
  if (p + 30 > bytes.length || view.getUint32(p, true) !== 0x04034b50) throw new ZipError(`broken local header for ${entry.name}`)
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true)
  const end = start + entry.compressedSize
  if (end > bytes.length) throw new ZipError(`entry ${entry.name} is truncated`)
  const data = bytes.subarray(start, end)
  if (entry.method === 0) return data
  if (entry.method !== 8) throw new ZipError(`entry ${entry.name} uses unsupported compression method ${entry.method}`)
  try {
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'))
    return new Uint8Array(await new Response(stream).arrayBuffer())
  } catch (error) {
    throw new ZipError(`entry ${entry.name} cannot be inflated: ${(error as Error).message}`)
  }
}

/** The text of a UTF-8 entry, or `undefined` when the archive has none of that name. */
export async function readZipText(bytes: Uint8Array, entries: Map<string, ZipEntry>, name: string): Promise<string | undefined> {
  const entry = entries.get(name)
  if (!entry) return undefined
  return new TextDecoder().decode(await readZipEntry(bytes, entry))
}
