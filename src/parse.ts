/**
 * `parsePlan`: the pipeline, one stage per module.
 *
 * decode (caller / `decode.ts`) → layout (`layout/`: form detection and
 * normalisation with an offset map) → blocks → numbering (`numbering.ts`)
 * → tree (`tree.ts`) → sentences (`sentences.ts`) → quantities
 * (`quantities/`) → roles (`roles.ts`) → indicator links
 * (`link-indicators.ts`) → flat records (`indicators.ts`).
 */
import { createContext } from './core/context.js'
import { buildIndicators, collectQuantities } from './output/records.js'
import { readBlocks } from './layout/index.js'
import type { MergedCells } from './layout/tables.js'
import { linkIndicators, linkQuantities } from './meaning/link-indicators.js'
import { insertQuantities } from './quantities/insert.js'
import { assignRoles } from './meaning/roles.js'
import { createLocator } from './core/source-map.js'
import { buildTree } from './structure/tree.js'
import type { ParseContext } from './core/context.js'
import type { Message, ParseOptions, ParseResult, Root } from './core/types.js'

/** Inputs larger than this get an informational message. */
const HUGE = 50 * 1024 * 1024

/** Warnings about the input as a whole: binary data, a wrong decoding, size. */
function checkInput(text: string, ctx: ParseContext): void {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text
  let control = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++
  }
  if (control > 0 && control / sample.length > 0.01) ctx.warn('binary-input', undefined, `${control} control characters in the first ${sample.length}`)
  const bad = text.indexOf('\uFFFD')
  if (bad >= 0) ctx.warn('replacement-character', ctx.locator.position(bad, bad + 1))
  if (text.length > HUGE) ctx.warn('huge-input', undefined, `${text.length} characters`, null)
}

/** The stages up to the tree: layout, blocks, numbering, tree, sentences. */
function treeStages(text: string, options: ParseOptions, merged?: MergedCells): { tree: Root; ctx: ParseContext } {
  const ctx = createContext(text, createLocator(text))
  checkInput(text, ctx)
  const { blocks, form } = readBlocks(text, ctx, options.format, merged)
  return { tree: buildTree(blocks, form, ctx), ctx }
}

/**
 * Parse only the structure of a plan: documents, sections, boxes,
 * paragraphs, sentences and tables, without quantities (faster, for
 * outlines).
 *
 * @example
 * ```ts
 * parseTree('一、主要目标\n（一）稳定就业').tree.children[0].children[0].title // '主要目标'
 * ```
 * @throws {TypeError} when `text` is not a string.
 */
export function parseTree(text: string, options: ParseOptions = {}): { tree: Root; messages: Message[] } {
  assertText(text)
  const { tree, ctx } = treeStages(text, options)
  return { tree, messages: ctx.messages }
}

function assertText(text: unknown): asserts text is string {
  if (typeof text !== 'string') {
    throw new TypeError(`parsePlan(text): expected text to be a string, got ${text === null ? 'null' : typeof text}`)
  }
}

/**
 * Parse the text of a Chinese government plan.
 *
 * @example
 * ```ts
 * const { tree, quantities } = parsePlan('一、主要目标\n城镇登记失业率控制在4%以内。')
 * tree.children[0].children[0] // { type: 'section', marker: { raw: '一、', … }, title: '主要目标', … }
 * quantities[0] // { raw: '4%以内', value: 4, unit: 'percent', qualifier: 'lte', role: 'target', … }
 * ```
 *
 * Never throws for a string; problems are reported in `messages`.
 * @throws {TypeError} when `text` is not a string.
 */
export function parsePlan(text: string, options: ParseOptions = {}): ParseResult {
  return parseExtracted(text, options)
}

/**
 * `parsePlan` for text a binary reader extracted, with what the text
 * alone cannot say: the merged cells of its table rows (DOCX), by the
 * start offset of each row's line.
 */
export function parseExtracted(text: string, options: ParseOptions, merged?: MergedCells): ParseResult {
  assertText(text)
  const { tree, ctx } = treeStages(text, options, merged)
  // Each sentence and table is read in its language: sentences and tables
  // written in English by the English reader (all of them with lang 'en',
  // none with 'zh').
  const lang = options.lang ?? 'auto'
  insertQuantities(tree, ctx, lang)
  // The offset maps only serve to place quantities: free them for the later stages.
  ctx.textMaps.clear()
  assignRoles(tree, ctx, lang)
  linkQuantities(tree)
  const indicators = buildIndicators(tree, ctx)
  linkIndicators(indicators)
  return { tree, messages: ctx.messages, quantities: collectQuantities(tree), indicators }
}
