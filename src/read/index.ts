/**
 * `parseDocument`: plans as they are published, PDF and DOCX.
 *
 * The bytes are sniffed (`%PDF` → PDF, a zip holding `word/document.xml`
 * → DOCX), their text extracted (one paragraph or table row a line, tables
 * tab-separated, page chrome on lines of its own) and parsed with
 * `parsePlan`. Positions in the result refer to the extracted text, which
 * is returned as `source.text`; every node also carries where it stands in
 * the original: `data.page` (PDF, 1-based) or `data.paragraph` (DOCX,
 * 0-based index of the `w:p` in the body).
 */
import { parseExtracted, parsePlan } from '../parse.js'
import type { Message, Nodes, ParseOptions, ParseResult } from '../core/types.js'
import { messageText } from '../core/messages.js'
import { extractDocx } from './docx.js'
import type { MergedCells } from '../layout/tables.js'
import type { Extracted, ExtractedLine } from './extracted.js'
import { extractPdf } from './pdf.js'
import { ZipError, zipEntries } from './zip.js'

export type { ExtractedLine } from './extracted.js'

/** Thrown by `parseDocument` for bytes it cannot read. */
export class UnsupportedInputError extends Error {
  override name = 'UnsupportedInputError'
  /** `format`: neither PDF nor DOCX; `corrupt`: the file is damaged or
   * encrypted and cannot be read. */
  readonly kind: 'format' | 'corrupt'
  constructor(message: string, kind: 'format' | 'corrupt', options?: { cause?: unknown }) {
    super(message, options)
    this.kind = kind
  }
}

export type DocumentKind = 'pdf' | 'docx' | 'text'

/** Where the extracted text came from. */
export interface DocumentSource {
  kind: DocumentKind
  /** The extracted text that positions refer to. */
  text: string
  /** Lines of `text` with their page or paragraph. */
  lines: ExtractedLine[]
  /** PDF: the pages, with the span of extracted text each begins. */
  pages?: Array<{ page: number; start: number; end: number }>
  /** DOCX: number of paragraphs (`w:p`) read, tables' included. */
  paragraphs?: number
}

export type DocumentResult = ParseResult & { source: DocumentSource }

/** What kind of document the bytes hold, from their first bytes. */
export function sniffDocument(bytes: Uint8Array): DocumentKind | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 1024))
  if (head.includes('%PDF-')) return 'pdf'
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx'
  return undefined
}

/**
 * Parse a plan given as a PDF or DOCX file.
 *
 * @example
 * ```ts
 * const { tree, source } = await parseDocument(readFileSync('plan.pdf'))
 * tree.children[0].children[0].data.page // 1
 * ```
 *
 * A PDF without a text layer (a scan) gives an empty tree and a
 * `no-text-layer` error message saying OCR is needed.
 * @throws {UnsupportedInputError} when the bytes are neither PDF nor DOCX,
 *   or the file is damaged.
 */
export async function parseDocument(input: Uint8Array | ArrayBuffer, options: ParseOptions = {}): Promise<DocumentResult> {
  // a Node Buffer is a Uint8Array; view it as a plain one
  const bytes = input instanceof Uint8Array ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : input instanceof ArrayBuffer ? new Uint8Array(input) : undefined
  if (!bytes) throw new TypeError('parseDocument(input): expected a Uint8Array, Buffer or ArrayBuffer')
  const kind = sniffDocument(bytes)
  if (kind === 'pdf') return parsePdf(bytes, options)
  if (kind === 'docx') return parseDocx(bytes, options)
  throw new UnsupportedInputError('Unsupported input: expected a PDF (%PDF) or a DOCX (zip with word/document.xml) file; pass text to parsePlan', 'format')
}

async function parsePdf(bytes: Uint8Array, options: ParseOptions): Promise<DocumentResult> {
  let extracted: Awaited<ReturnType<typeof extractPdf>>
  try {
    extracted = await extractPdf(bytes)
  } catch (error) {
    throw new UnsupportedInputError(`The PDF cannot be read (damaged, truncated or encrypted): ${(error as Error).message}`, 'corrupt', { cause: error })
  }
  // Chrome of a page may follow the paragraph that runs on to the next
  // page, so a page's lines need not be contiguous: give its first start
  // and its last end.
  const byPage = new Map<number, { page: number; start: number; end: number }>()
  for (const line of extracted.lines) {
    const page = line.page ?? 1
    const entry = byPage.get(page)
    if (entry) entry.end = Math.max(entry.end, line.end)
    else byPage.set(page, { page, start: line.start, end: line.end })
  }
  const pages = [...byPage.values()].sort((a, b) => a.page - b.page)
  const source: DocumentSource = { kind: 'pdf', text: extracted.text, lines: extracted.lines, pages }
  if (extracted.textChars === 0) {
    const result = parsePlan('', options)
    const text = messageText('no-text-layer')
    const detail = `${extracted.pageCount} page(s) without text; run OCR first`
    const message: Message = { ruleId: 'no-text-layer', source: 'plan-parse', reason: `${text.en}: ${detail}`, reasonZh: `${text.zh}：共${extracted.pageCount}页无文字`, fatal: true }
    return { ...result, messages: [message, ...result.messages.filter((m) => m.ruleId !== 'empty-input')], source }
  }
  return attach(parseExtracted(extracted.text, options, mergedCells(extracted)), extracted, source, 'page')
}

async function parseDocx(bytes: Uint8Array, options: ParseOptions): Promise<DocumentResult> {
  let extracted: Extracted
  try {
    const entries = zipEntries(bytes)
    if (!entries.has('word/document.xml')) throw new UnsupportedInputError('Unsupported input: a zip archive without word/document.xml is not a DOCX file', 'format')
    extracted = await extractDocx(bytes)
  } catch (error) {
    if (error instanceof UnsupportedInputError) throw error
    const why = error instanceof ZipError ? error.message : (error as Error).message
    throw new UnsupportedInputError(`The DOCX cannot be read (damaged or truncated): ${why}`, 'corrupt', { cause: error })
  }
  const paragraphs = extracted.lines.reduce((n, l) => Math.max(n, (l.paragraphEnd ?? l.paragraph ?? -1) + 1), 0)
  return attach(parseExtracted(extracted.text, options, mergedCells(extracted)), extracted, { kind: 'docx', text: extracted.text, lines: extracted.lines, paragraphs }, 'paragraph')
}

/** The grid positions merged cells cover, by the start offset of their table row's line. */
function mergedCells(extracted: Extracted): MergedCells {
  return new Map(extracted.lines.flatMap((l) => (l.covered ? [[l.start, l.covered] as const] : [])))
}

/** Set `data.page` / `data.paragraph` on every node from its start offset. */
function attach(result: ParseResult, extracted: Extracted, source: DocumentSource, field: 'page' | 'paragraph'): DocumentResult {
  const lines = extracted.lines
  const lineAt = (offset: number): ExtractedLine | undefined => {
    let lo = 0
    let hi = lines.length - 1
    let found: ExtractedLine | undefined
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (lines[mid]!.start <= offset) {
        found = lines[mid]
        lo = mid + 1
      } else hi = mid - 1
    }
    return found
  }
  const visit = (node: Nodes): void => {
    if (node.type !== 'root') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      const first = start === undefined ? undefined : lineAt(start)
      const last = end === undefined ? undefined : lineAt(Math.max(start ?? 0, end - 1))
      const value = first?.[field]
      if (value !== undefined) {
        const data: Record<string, unknown> = (node.data ??= {})
        data[field] = value
        const lastValue = field === 'page' ? last?.pageEnd ?? last?.page : last?.paragraphEnd ?? last?.paragraph
        if (lastValue !== undefined && lastValue !== value) data[field === 'page' ? 'pageEnd' : 'paragraphEnd'] = lastValue
      }
    }
    if ('children' in node) for (const c of node.children as Nodes[]) visit(c)
  }
  visit(result.tree)
  for (const q of result.quantities) {
    const start = q.position?.start.offset
    const line = start === undefined ? undefined : lineAt(start)
    const value = line?.[field]
    if (value !== undefined) q.data = { ...q.data, [field]: value }
  }
  return { ...result, source }
}
