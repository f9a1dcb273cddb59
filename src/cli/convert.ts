/**
 * Converting one input: read, decode, parse, render and (for per-file
 * formats with an output directory) write. Runs on a worker thread or in
 * the main thread; never throws: failures come back as a reason.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseDocument, sniffDocument, UnsupportedInputError } from '../read/index.js'
import { decode, DecodeError, type Decoded } from '../read/decode.js'
import { parsePlan } from '../parse.js'
import type { PlanOutput } from '../output/schema.js'
import type { InputForm, Message } from '../core/types.js'
import type { OutputFormat } from './args.js'
import { toCsvRows, toJson, toJsonLines, toMarkdown, toOutline, type Lang } from './formats.js'
import { writeAtomic } from './write.js'

export interface ConvertTask {
  /** Position in the run, for delivering results in input order. */
  index: number
  /** Path to read; `-` with `bytes` for stdin. */
  path: string
  display: string
  bytes?: Uint8Array
  /** Where to write the output; without it the rendered text is returned. */
  out?: string
  format: OutputFormat
  encoding?: string
  form?: InputForm
  pretty: boolean
  verbose: boolean
  /** Label language when `--lang` was given (csv defaults to codes, `en`). */
  lang?: Lang
}

export interface ConvertStats {
  bytes: number
  quantities: number
  indicators: number
  encoding: string
  confidence: number
  /** Number of undecodable-byte and uncertain-encoding warnings. */
  warnings: number
}

export type ConvertResult =
  | { index: number; ok: true; stats: ConvertStats; text?: string; notes: string[] }
  | { index: number; ok: false; reason: string; bytes: number }

/** What plan2json reads, for the reason given when a file is none of it. */
const CLI_ACCEPTED = 'plan2json reads plain text, markdown or HTML (in UTF-8, UTF-16, GB18030/GBK/GB2312 or Big5), PDF with a text layer and Word .docx'

/** The input form an extension names, if any (`.md`, `.html`, `.htm`). */
export function formFromExtension(file: string): InputForm | undefined {
  const ext = path.extname(file).toLowerCase()
  if (ext === '.md' || ext === '.markdown') return 'markdown'
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml' || ext === '.shtml') return 'html'
  return undefined
}

function readReason(error: unknown): string {
  const e = error as NodeJS.ErrnoException
  if (e.code === 'ENOENT') return 'no such file'
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied'
  if (e.code === 'EISDIR') return 'is a directory'
  return e.message ?? String(error)
}

function messageLine(display: string, m: Message): string {
  const at = m.place ? `:${m.place.start.line}:${m.place.start.column}` : ''
  const level = m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info'
  return `${display}${at}: ${level}: ${m.reason} [${m.ruleId}]`
}

/** Convert one input; failures are returned, never thrown. */
export async function convert(task: ConvertTask): Promise<ConvertResult> {
  let bytes: Uint8Array
  try {
    bytes = task.bytes ?? (await readFile(task.path))
  } catch (error) {
    return { index: task.index, ok: false, reason: `unreadable: ${readReason(error)}`, bytes: 0 }
  }
  const fail = (reason: string): ConvertResult => ({ index: task.index, ok: false, reason, bytes: bytes.length })
  if (bytes.length === 0) return fail('empty file (0 bytes)')
  try {
    // PDF and DOCX are read through their text layer (--encoding is for text); other bytes are decoded as text.
    const document = sniffDocument(bytes)
    let decoded: Pick<Decoded, 'encoding' | 'confidence' | 'bom' | 'warnings'>
    let result
    if (document) {
      result = await parseDocument(bytes, task.form ? { format: task.form } : {})
      decoded = { encoding: document, confidence: 1, bom: false, warnings: [] }
    } else {
      const text = decode(bytes, task.encoding === undefined ? {} : { encoding: task.encoding })
      if (text.text.trim() === '') return fail('empty file (only white space)')
      let form = task.form ?? formFromExtension(task.path)
      // A page saved as .htm that holds no markup is read as text.
      if (!task.form && form === 'html' && !/<[a-z!/][^>]{0,200}>/i.test(text.text.slice(0, 8192))) form = undefined
      result = parsePlan(text.text, form ? { format: form } : {})
      decoded = text
    }
    const notes: string[] = []
    if (task.verbose) {
      for (const w of decoded.warnings) notes.push(`${task.display}: warning: ${w.message} [${w.code}]`)
      for (const m of result.messages) notes.push(messageLine(task.display, m))
    } else if (decoded.warnings.length > 0) {
      const first = decoded.warnings[0]!
      notes.push(`${task.display}: warning: ${first.message}${decoded.warnings.length > 1 ? ` (and ${decoded.warnings.length - 1} more; see source.warnings)` : ''}`)
    }
    const output: PlanOutput = {
      source: {
        path: task.display,
        bytes: bytes.length,
        encoding: decoded.encoding,
        confidence: decoded.confidence,
        bom: decoded.bom,
        form: result.tree.data.form,
        warnings: decoded.warnings,
      },
      tree: result.tree,
      quantities: result.quantities,
      indicators: result.indicators,
      messages: result.messages,
    }
    let text: string
    switch (task.format) {
      case 'json':
        text = toJson(output, task.pretty)
        break
      case 'jsonl':
        text = toJsonLines(task.display, result.quantities)
        break
      case 'csv':
        text = toCsvRows(task.display, result.quantities, task.lang)
        break
      case 'outline':
        text = toOutline(result.tree, task.lang)
        break
      case 'md':
        text = toMarkdown(result.tree, task.lang)
        break
    }
    if (task.out) {
      try {
        await writeAtomic(task.out, text)
      } catch (error) {
        return fail(`cannot write ${task.out}: ${readReason(error)}`)
      }
    }
    const stats: ConvertStats = {
      bytes: bytes.length,
      quantities: result.quantities.length,
      indicators: result.indicators.length,
      encoding: decoded.encoding,
      confidence: decoded.confidence,
      warnings: decoded.warnings.length,
    }
    return task.out ? { index: task.index, ok: true, stats, notes } : { index: task.index, ok: true, stats, text, notes }
  } catch (error) {
    // decode() names the text forms; plan2json also reads PDF and DOCX
    if (error instanceof DecodeError) return fail(error.code === 'binary-input' ? error.message.replace(/; accepted input is .*$/su, `; ${CLI_ACCEPTED}`) : error.message)
    if (error instanceof UnsupportedInputError) return fail(error.kind === 'corrupt' ? `cannot read: ${error.message}` : error.message)
    const e = error as Error
    return fail(`parser failed: ${e?.message ?? String(error)}`)
  }
}
