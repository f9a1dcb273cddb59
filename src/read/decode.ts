/**
 * Bytes → text for the encodings Chinese government sites publish in:
 * UTF-8 (with or without BOM), UTF-16 LE/BE, GB18030/GBK/GB2312 and Big5.
 *
 * Detection order: known binary signatures (PDF, zip/DOCX, images …),
 * byte-order mark, NUL bytes (UTF-16 without BOM, else binary), strict
 * UTF-8 validation, then a plausibility score for the legacy double-byte
 * encodings. Bytes that cannot be decoded become U+FFFD in the text and a
 * warning with their byte offset; decoding never throws for text input.
 */
import iconv from 'iconv-lite'

/** Encodings `decode` detects (any iconv-lite label can be forced). */
export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'gbk' | 'gb2312' | 'big5'

/** A problem found while decoding; the text is still usable. */
export interface DecodeWarning {
  code: 'undecodable-bytes' | 'uncertain-encoding'
  /** Byte offset in the input of the first byte concerned (0 for file-wide warnings). */
  offset: number
  /** Number of bytes concerned. */
  length: number
  message: string
}

export interface Decoded {
  text: string
  /** The encoding that was detected or forced (lower case). */
  encoding: DetectedEncoding | string
  /** 0–1: how sure detection is; 1 for a byte-order mark or a forced encoding. */
  confidence: number
  /** True when the input started with a byte-order mark (it is not in `text`). */
  bom: boolean
  warnings: DecodeWarning[]
}

export interface DecodeOptions {
  /** Force an encoding (any iconv-lite label: `gbk`, `big5`, `utf-16le` …). */
  encoding?: string
}

/** What a non-text input was recognised as. */
export type BinaryKind =
  | 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'odf' | 'zip' | 'ole' | 'png' | 'jpeg' | 'gif'
  | 'webp' | 'bmp' | 'tiff' | 'gzip' | 'rar' | '7z' | 'rtf' | 'binary'

/** What `decode` accepts, for error messages. */
export const ACCEPTED_INPUT =
  'plain text, markdown or HTML (.txt, .md, .html, .htm) in UTF-8, UTF-16, GB18030/GBK/GB2312 or Big5'

/** Thrown by `decode` for input that is not text, or an unknown forced encoding. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError'
  readonly code: 'binary-input' | 'unknown-encoding'
  /** For `binary-input`: what the bytes were recognised as. */
  readonly kind: BinaryKind | undefined
  constructor(code: 'binary-input' | 'unknown-encoding', message: string, kind?: BinaryKind) {
    super(message)
    this.code = code
    this.kind = kind
  }
}

const KIND_NAMES: Record<BinaryKind, string> = {
  pdf: 'a PDF document',
  docx: 'a Word document (DOCX)',
  xlsx: 'an Excel workbook (XLSX)',
  pptx: 'a PowerPoint presentation (PPTX)',
  odf: 'an OpenDocument file',
  zip: 'a zip archive',
  ole: 'an old Office document (DOC/XLS/WPS)',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  webp: 'a WebP image',
  bmp: 'a BMP image',
  tiff: 'a TIFF image',
  gzip: 'a gzip archive',
  rar: 'a RAR archive',
  '7z': 'a 7z archive',
  rtf: 'an RTF document',
  binary: 'binary data (it contains NUL or control bytes)',
}

/** Cap on individual undecodable-byte warnings; the rest are summarised. */
const MAX_WARNINGS = 20

/**
 * Decode the bytes of a plan file.
 *
 * @example
 * ```ts
 * const { text, encoding, confidence } = decode(readFileSync('plan.txt'))
 * // encoding: 'gb2312', confidence: 0.98
 * ```
 *
 * @throws {DecodeError} `binary-input` when the bytes are a PDF, an Office
 *   file, an image, an archive or other binary data; `unknown-encoding`
 *   when `options.encoding` names no encoding iconv-lite knows.
 */
export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const kind = sniffBinary(bytes)
  if (kind) throw binaryError(kind)
  if (options.encoding !== undefined) return decodeForced(bytes, options.encoding)

  const bom = sniffBom(bytes)
  if (bom) return decodeAs(bytes, bom.encoding, 1, bom.length)

  if (bytes.includes(0)) {
    const utf16 = guessUtf16(bytes)
    if (utf16) return decodeAs(bytes, utf16.encoding, utf16.confidence, 0)
    throw binaryError('binary')
  }
  if (controlRatio(bytes) > 0.01) throw binaryError('binary')

  const utf8 = scanUtf8(bytes, 0)
  if (utf8.invalid.length === 0) return finish(new TextDecoder('utf-8').decode(bytes), 'utf-8', 1, false, [])
  const gb = scanGb(bytes)
  const big5 = scanBig5(bytes)
  const candidates: Array<{ encoding: DetectedEncoding; score: number }> = [
    { encoding: 'utf-8', score: utf8.score },
    { encoding: gb.encoding, score: gb.score },
    { encoding: 'big5', score: big5.score },
  ]
  candidates.sort((a, b) => b.score - a.score)
  const [best, second] = candidates as [{ encoding: DetectedEncoding; score: number }, { encoding: DetectedEncoding; score: number }]
  const margin = Math.min(1, Math.max(0, best.score - second.score) / 0.3)
  const confidence = round2(best.score * (0.5 + 0.5 * margin))
  return decodeAs(bytes, best.encoding, confidence, 0)
}

// ---------------------------------------------------------------------------
// Binary sniffing

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false
  return sig.every((b, i) => bytes[at + i] === b)
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0))
}

function containsAscii(bytes: Uint8Array, s: string, limit: number): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, limit)).includes(s, 0, 'latin1')
}

/** Recognise binary formats by their magic numbers. */
export function sniffBinary(bytes: Uint8Array): BinaryKind | undefined {
  if (startsWith(bytes, ascii('%PDF'))) return 'pdf'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (containsAscii(bytes, 'word/', 1 << 16)) return 'docx'
    if (containsAscii(bytes, 'xl/', 1 << 16)) return 'xlsx'
    if (containsAscii(bytes, 'ppt/', 1 << 16)) return 'pptx'
    if (containsAscii(bytes, 'application/vnd.oasis.opendocument', 200)) return 'odf'
    return 'zip'
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp'
  if (startsWith(bytes, ascii('BM')) && bytes.length > 14 && bytes[6] === 0 && bytes[7] === 0) return 'bmp'
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff'
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip'
  if (startsWith(bytes, ascii('Rar!\x1a\x07'))) return 'rar'
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z'
  if (startsWith(bytes, ascii('{\\rtf'))) return 'rtf'
  return undefined
}

function binaryError(kind: BinaryKind): DecodeError {
  return new DecodeError('binary-input', `not a text file: this is ${KIND_NAMES[kind]}; accepted input is ${ACCEPTED_INPUT}`, kind)
}

/** Share of C0 control bytes other than tab, line feed, vertical tab, form feed, carriage return and SUB/ESC. */
function controlRatio(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 1 << 16)
  if (n === 0) return 0
  let control = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!
    if (b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1a && b !== 0x1b) control++
  }
  return control / n
}

// ---------------------------------------------------------------------------
// BOM and UTF-16

function sniffBom(bytes: Uint8Array): { encoding: DetectedEncoding; length: number } | undefined {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', length: 3 }
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', length: 2 }
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', length: 2 }
  return undefined
}

/** Share of UTF-16 code units that are plausible in a Chinese plan. */
function utf16Plausibility(bytes: Uint8Array, littleEndian: boolean): number {
  const n = Math.min(bytes.length, 1 << 16) & ~1
  if (n === 0) return 0
  let good = 0
  for (let i = 0; i < n; i += 2) {
    const u = littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!
    if (
      (u >= 0x20 && u < 0x7f) || u === 0x09 || u === 0x0a || u === 0x0d ||
      (u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3000 && u <= 0x303f) || (u >= 0xff00 && u <= 0xffef) ||
      (u >= 0x2000 && u <= 0x206f) || (u >= 0xa0 && u <= 0xff)
    ) good++
  }
  return good / (n / 2)
}

function guessUtf16(bytes: Uint8Array): { encoding: DetectedEncoding; confidence: number } | undefined {
  const le = utf16Plausibility(bytes, true)
  const be = utf16Plausibility(bytes, false)
  const best = le >= be ? { encoding: 'utf-16le' as const, score: le } : { encoding: 'utf-16be' as const, score: be }
  if (best.score < 0.9) return undefined
  return { encoding: best.encoding, confidence: round2(best.score * 0.95) }
}

/** Offsets of lone surrogates and a dangling odd byte. */
function scanUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): Invalid[] {
  const invalid: Invalid[] = []
  const unit = (i: number) => (littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!)
  let i = start
  for (; i + 1 < bytes.length; i += 2) {
    const u = unit(i)
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 < bytes.length) {
        const next = unit(i + 2)
        if (next >= 0xdc00 && next <= 0xdfff) {
          i += 2
          continue
        }
      }
      invalid.push({ offset: i, length: 2 })
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      invalid.push({ offset: i, length: 2 })
    }
  }
  if (i < bytes.length) invalid.push({ offset: i, length: 1 })
  return invalid
}

// ---------------------------------------------------------------------------
// UTF-8

interface Invalid {
  offset: number
  length: number
}

/** Strict UTF-8 scan: invalid sequences and the share of valid multi-byte characters. */
function scanUtf8(bytes: Uint8Array, start: number): { invalid: Invalid[]; score: number } {
  const invalid: Invalid[] = []
  let multi = 0
  let i = start
  const n = bytes.length
  const cont = (j: number, lo = 0x80, hi = 0xbf) => j < n && bytes[j]! >= lo && bytes[j]! <= hi
  while (i < n) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let need = 0
    let lo = 0x80
    let hi = 0xbf
    if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b === 0xe0) (need = 2), (lo = 0xa0)
    else if (b === 0xed) (need = 2), (hi = 0x9f)
    else if (b >= 0xe1 && b <= 0xef) need = 2
    else if (b === 0xf0) (need = 3), (lo = 0x90)
    else if (b === 0xf4) (need = 3), (hi = 0x8f)
    else if (b >= 0xf1 && b <= 0xf3) need = 3
    if (need === 0) {
      invalid.push({ offset: i, length: 1 })
      i++
      continue
    }
    let j = i + 1
    let ok = cont(j, lo, hi)
    if (ok) {
      j++
      for (let k = 1; k < need; k++, j++) {
        if (!cont(j)) {
          ok = false
          break
        }
      }
    }
    if (ok) {
      multi++
      i = j
    } else {
      const end = Math.max(j, i + 1)
      invalid.push({ offset: i, length: end - i })
      i = end
    }
  }
  const total = multi + invalid.length
  return { invalid, score: total === 0 ? 1 : multi / total }
}

// ---------------------------------------------------------------------------
// GB18030 / GBK / GB2312 and Big5

/**
 * Walk the bytes as GB18030. A pair in the GB2312 symbol rows (A1–A9) or
 * hanzi rows (B0–F7) counts as plausible; GBK extension pairs and
 * four-byte sequences are valid but rare in plans; the rest is invalid.
 */
function scanGb(bytes: Uint8Array): { encoding: 'gb18030' | 'gbk' | 'gb2312'; score: number; invalid: Invalid[] } {
  const invalid: Invalid[] = []
  let good = 0
  let rare = 0
  let four = 0
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    if (b === 0x80 || b === 0xff || i + 1 >= n) {
      invalid.push({ offset: i, length: 1 })
      i++
      continue
    }
    const b2 = bytes[i + 1]!
    if (b2 >= 0x30 && b2 <= 0x39) {
      const b3 = bytes[i + 2]
      const b4 = bytes[i + 3]
      if (b3 !== undefined && b4 !== undefined && b3 >= 0x81 && b3 <= 0xfe && b4 >= 0x30 && b4 <= 0x39) {
        four++
        i += 4
        continue
      }
      invalid.push({ offset: i, length: 1 })
      i++
      continue
    }
    if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) {
      if (b2 >= 0xa1 && ((b >= 0xa1 && b <= 0xa9) || (b >= 0xb0 && b <= 0xf7))) good++
      else rare++
      i += 2
      continue
    }
    invalid.push({ offset: i, length: 1 })
    i++
  }
  const total = good + rare + four + invalid.length
  const encoding = four > 0 ? 'gb18030' : rare > 0 ? 'gbk' : 'gb2312'
  return { encoding, score: total === 0 ? 0 : good / total, invalid }
}

/**
 * Walk the bytes as Big5. Pairs with lead A1–A3 (symbols) or A4–C5 (the
 * frequently used hanzi) are plausible; other valid pairs are rare.
 */
function scanBig5(bytes: Uint8Array): { score: number; invalid: Invalid[] } {
  const invalid: Invalid[] = []
  let good = 0
  let rare = 0
  const n = bytes.length
  let i = 0
  while (i < n) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    const b2 = bytes[i + 1]
    if (b >= 0x81 && b <= 0xfe && b2 !== undefined && ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0xa1 && b2 <= 0xfe))) {
      if (b >= 0xa1 && b <= 0xc5) good++
      else rare++
      i += 2
      continue
    }
    invalid.push({ offset: i, length: 1 })
    i++
  }
  const total = good + rare + invalid.length
  return { score: total === 0 ? 0 : good / total, invalid }
}

// ---------------------------------------------------------------------------
// Decoding with warnings

const FAMILIES: Record<string, DetectedEncoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8',
  'utf-16le': 'utf-16le', utf16le: 'utf-16le', 'utf-16': 'utf-16le', utf16: 'utf-16le', 'ucs-2': 'utf-16le', ucs2: 'utf-16le',
  'utf-16be': 'utf-16be', utf16be: 'utf-16be',
  gb18030: 'gb18030', gbk: 'gbk', gb2312: 'gb2312', cp936: 'gbk', 'euc-cn': 'gb2312',
  big5: 'big5', 'big5-hkscs': 'big5', cp950: 'big5',
}

function decodeForced(bytes: Uint8Array, label: string): Decoded {
  const key = label.trim().toLowerCase()
  const family = FAMILIES[key]
  if (family) {
    const bom = sniffBom(bytes)
    const generic16 = key === 'utf-16' || key === 'utf16' || key === 'ucs-2' || key === 'ucs2'
    if (bom && generic16 && bom.encoding !== 'utf-8') return decodeAs(bytes, bom.encoding, 1, bom.length)
    return decodeAs(bytes, family, 1, bom && bom.encoding === family ? bom.length : 0)
  }
  if (!iconv.encodingExists(key)) {
    throw new DecodeError('unknown-encoding', `unknown encoding "${label}"; try utf-8, utf-16le, utf-16be, gb18030, gbk, gb2312 or big5`)
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), key)
  const warnings: DecodeWarning[] = []
  let count = 0
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) count++
  if (count > 0) {
    warnings.push({
      code: 'undecodable-bytes',
      offset: 0,
      length: 0,
      message: `${count} undecodable sequence(s) as ${key} were replaced with U+FFFD`,
    })
  }
  return finish(text, key, 1, false, warnings)
}

function decodeAs(bytes: Uint8Array, encoding: DetectedEncoding, confidence: number, skip: number): Decoded {
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + skip, bytes.length - skip)
  let text: string
  let invalid: Invalid[]
  switch (encoding) {
    case 'utf-8':
      text = new TextDecoder('utf-8').decode(body)
      invalid = scanUtf8(bytes, skip).invalid
      break
    case 'utf-16le':
    case 'utf-16be':
      text = new TextDecoder(encoding).decode(body)
      invalid = scanUtf16(bytes, skip, encoding === 'utf-16le')
      break
    case 'big5':
      text = iconv.decode(body, 'big5')
      invalid = scanBig5(bytes).invalid
      break
    default:
      text = iconv.decode(body, 'gb18030')
      invalid = scanGb(bytes).invalid
  }
  const warnings: DecodeWarning[] = invalid.slice(0, MAX_WARNINGS).map((x) => ({
    code: 'undecodable-bytes' as const,
    offset: x.offset,
    length: x.length,
    message: `undecodable ${encoding} bytes at byte offset ${x.offset} (${hex(bytes, x.offset, x.length)}) were replaced with U+FFFD`,
  }))
  if (invalid.length > MAX_WARNINGS) {
    const first = invalid[MAX_WARNINGS]!
    warnings.push({
      code: 'undecodable-bytes',
      offset: first.offset,
      length: 0,
      message: `${invalid.length - MAX_WARNINGS} more undecodable ${encoding} sequence(s) from byte offset ${first.offset} were replaced with U+FFFD`,
    })
  }
  if (confidence < 0.6) {
    warnings.unshift({
      code: 'uncertain-encoding',
      offset: 0,
      length: 0,
      message: `the encoding is uncertain (${encoding}, confidence ${confidence}); use --encoding to force one`,
    })
  }
  return finish(text, encoding, confidence, skip > 0, warnings)
}

function finish(text: string, encoding: string, confidence: number, bom: boolean, warnings: DecodeWarning[]): Decoded {
  return { text, encoding, confidence, bom, warnings }
}

function hex(bytes: Uint8Array, offset: number, length: number): string {
  return Array.from(bytes.subarray(offset, offset + Math.min(length, 4)), (b) => b.toString(16).padStart(2, '0')).join(' ')
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}
