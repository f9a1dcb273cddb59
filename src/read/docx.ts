/**
 * DOCX → text: the document XML read from the zip, one paragraph a line,
 * Word's automatic numbering (`w:numPr`, resolved through numbering.xml
 * and the paragraph style) written out as its number text (一、 （一） 1.),
 * tables as tab-separated rows. In a merged cell the text stands in the
 * first cell; the cells it covers (`w:gridSpan`, `w:vMerge` continue) are
 * left empty, so that no value is counted twice, and listed on the row's
 * line (`covered`) with the origin they belong to, so that the layout
 * stage rebuilds the grid as it does for HTML `rowspan`/`colspan`.
 */
import { ExtractedBuilder, joinPieces, type CoveredCell, type Extracted } from './extracted.js'
import { child, childVal, elements, parseXml, type XmlElement } from './xml.js'
import { readZipText, zipEntries } from './zip.js'

interface Level {
  start: number
  format: string
  text: string
  suffix: 'tab' | 'space' | 'nothing'
  /** Legal numbering (`w:isLgl`): every level's number in this level's text is written in Arabic digits. */
  legal: boolean
}

interface Numbering {
  /** numId → abstractNumId and per-level start overrides. */
  nums: Map<string, { abstract: string; overrides: Map<number, number> }>
  abstracts: Map<string, Map<number, Level>>
}

interface Style {
  name: string
  basedOn?: string
  outlineLevel?: number
  numId?: string
  ilvl?: number
}

/** Extract the text of a DOCX file. */
export async function extractDocx(bytes: Uint8Array): Promise<Extracted> {
  const entries = zipEntries(bytes)
  const documentXml = await readZipText(bytes, entries, 'word/document.xml')
  if (documentXml === undefined) throw new Error('the archive has no word/document.xml')
  const numbering = readNumbering(await readZipText(bytes, entries, 'word/numbering.xml'))
  const styles = readStyles(await readZipText(bytes, entries, 'word/styles.xml'))
  const body = child(parseXml(documentXml), 'w:body')
  if (!body) throw new Error('word/document.xml has no w:body')
  const state: WalkState = { out: new ExtractedBuilder(), paragraph: 0, counters: new Map(), started: new Set(), numbering, styles }
  walkBlocks(body, state)
  return state.out.build()
}

interface WalkState {
  out: ExtractedBuilder
  /** Index of the next `w:p` in document order. */
  paragraph: number
  /** abstractNumId → counters per level. */
  counters: Map<string, number[]>
  /** numIds seen, for start overrides. */
  started: Set<string>
  numbering: Numbering
  styles: Map<string, Style>
}

function walkBlocks(container: XmlElement, state: WalkState): void {
  for (const el of elements(container)) {
    if (el.name === 'w:p') {
      const index = state.paragraph++
      const { text, headingLevel, bold } = paragraphText(el, state)
      state.out.push(text, { kind: 'text', paragraph: index, ...(headingLevel ? { headingLevel } : {}), ...(bold ? { bold } : {}) })
    } else if (el.name === 'w:tbl') walkTable(el, state)
    else if (el.name === 'w:sdt') {
      const content = child(el, 'w:sdtContent')
      if (content) walkBlocks(content, state)
    } else if (el.name === 'w:customXml' || el.name === 'w:ins') walkBlocks(el, state)
  }
}

function walkTable(table: XmlElement, state: WalkState): void {
  /** Per grid column, the origin of the vertically merged cell open there. */
  const open = new Map<number, CoveredCell['origin']>()
  for (const tr of elements(table, 'w:tr')) {
    const first = state.paragraph
    const line = state.out.nextStart()
    const cells: string[] = []
    const covered: CoveredCell[] = []
    const trPr = child(tr, 'w:trPr')
    const before = Number(childVal(trPr, 'w:gridBefore') ?? 0)
    for (let i = 0; i < before; i++) {
      open.delete(cells.length)
      cells.push('')
    }
    for (const tc of elements(tr, 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr')
      const span = Math.max(1, Number(childVal(tcPr, 'w:gridSpan') ?? 1) || 1)
      const vMerge = child(tcPr, 'w:vMerge')
      const column = cells.length
      const above = vMerge !== undefined && vMerge.attrs['w:val'] !== 'restart' ? open.get(column) : undefined
      const text = cellText(tc, state)
      const origin = above ?? { line, column }
      for (let k = 0; k < span; k++) {
        cells.push(above ? '' : k === 0 ? text : '')
        if (above || k > 0) covered.push({ column: column + k, origin })
        if (vMerge !== undefined) open.set(column + k, origin)
        else open.delete(column + k)
      }
    }
    const last = Math.max(first, state.paragraph - 1)
    state.out.push(cells.join('\t'), { kind: 'table-row', paragraph: first, ...(last > first ? { paragraphEnd: last } : {}), ...(covered.length ? { covered } : {}) })
  }
}

/** Text of a table cell: its paragraphs joined, nested tables flattened. */
function cellText(tc: XmlElement, state: WalkState): string {
  let text = ''
  const visit = (container: XmlElement): void => {
    for (const el of elements(container)) {
      if (el.name === 'w:p') {
        state.paragraph++
        text = joinPieces(text, paragraphText(el, state).text.replace(/[\t\n]/g, ' '))
      } else if (el.name === 'w:tbl') {
        for (const tr of elements(el, 'w:tr')) for (const inner of elements(tr, 'w:tc')) visit(inner)
      } else if (el.name === 'w:sdt') {
        const content = child(el, 'w:sdtContent')
        if (content) visit(content)
      }
    }
  }
  visit(tc)
  return text.trim()
}

/** Elements whose text is not part of the visible paragraph. */
const SKIP = new Set(['w:pPr', 'w:rPr', 'w:instrText', 'w:delText', 'w:del', 'mc:Fallback', 'w:txbxContent', 'w:footnoteReference', 'w:endnoteReference', 'w:commentReference'])

function paragraphText(p: XmlElement, state: WalkState): { text: string; headingLevel?: number; bold: boolean } {
  let text = ''
  let runs = 0
  let boldRuns = 0
  const pPr = child(p, 'w:pPr')
  const styleId = childVal(pPr, 'w:pStyle')
  const paragraphBold = isOn(child(child(pPr, 'w:rPr'), 'w:b')) || styleBold(styleId, state)
  let fieldDepth = 0
  let inResult = false
  const visit = (el: XmlElement): void => {
    for (const c of el.children) {
      if (typeof c === 'string') continue
      if (SKIP.has(c.name)) continue
      switch (c.name) {
        case 'w:t':
          if (fieldDepth === 0 || inResult) text += c.children.filter((x): x is string => typeof x === 'string').join('')
          break
        case 'w:tab':
        case 'w:ptab':
          text += ' '
          break
        case 'w:br':
        case 'w:cr':
          if (c.attrs['w:type'] !== 'page' && c.attrs['w:type'] !== 'column') text += '\n'
          break
        case 'w:noBreakHyphen':
          text += '-'
          break
        case 'w:fldChar': {
          const type = c.attrs['w:fldCharType']
          if (type === 'begin') {
            fieldDepth++
            inResult = false
          } else if (type === 'separate') inResult = true
          else if (type === 'end') {
            fieldDepth = Math.max(0, fieldDepth - 1)
            inResult = false
          }
          break
        }
        case 'w:r': {
          const rPr = child(c, 'w:rPr')
          const hasText = elements(c, 'w:t').some((t) => t.children.some((x) => typeof x === 'string' && x.trim()))
          if (hasText) {
            runs++
            if (paragraphBold ? !isOff(child(rPr, 'w:b')) : isOn(child(rPr, 'w:b'))) boldRuns++
          }
          visit(c)
          break
        }
        default:
          visit(c)
      }
    }
  }
  visit(p)
  const number = numberText(pPr, styleId, state)
  const headingLevel = styleHeadingLevel(styleId, pPr, state)
  return { text: number + text, ...(headingLevel ? { headingLevel } : {}), bold: runs > 0 && boldRuns === runs }
}

const isOn = (el: XmlElement | undefined): boolean => el !== undefined && !['0', 'false', 'off'].includes(el.attrs['w:val'] ?? 'true')
const isOff = (el: XmlElement | undefined): boolean => el !== undefined && ['0', 'false', 'off'].includes(el.attrs['w:val'] ?? 'true')

function styleChain(styleId: string | undefined, state: WalkState): Style[] {
  const chain: Style[] = []
  let id = styleId
  while (id && chain.length < 20) {
    const s = state.styles.get(id)
    if (!s) break
    chain.push(s)
    id = s.basedOn
  }
  return chain
}

function styleBold(styleId: string | undefined, state: WalkState): boolean {
  return styleChain(styleId, state).some((s) => /^(heading|title)/i.test(s.name))
}

function styleHeadingLevel(styleId: string | undefined, pPr: XmlElement | undefined, state: WalkState): number | undefined {
  const direct = childVal(pPr, 'w:outlineLvl')
  if (direct !== undefined && Number(direct) < 9) return Number(direct) + 1
  for (const s of styleChain(styleId, state)) {
    if (s.outlineLevel !== undefined && s.outlineLevel < 9) return s.outlineLevel + 1
    const m = /^heading\s*(\d)$/i.exec(s.name)
    if (m) return Number(m[1])
  }
  return undefined
}

/** The number Word shows before the paragraph, with its suffix. */
function numberText(pPr: XmlElement | undefined, styleId: string | undefined, state: WalkState): string {
  const numPr = child(pPr, 'w:numPr')
  let numId = childVal(numPr, 'w:numId')
  let ilvl = childVal(numPr, 'w:ilvl') !== undefined ? Number(childVal(numPr, 'w:ilvl')) : undefined
  if (numId === undefined) {
    for (const s of styleChain(styleId, state)) {
      if (s.numId !== undefined) {
        numId = s.numId
        ilvl ??= s.ilvl
        break
      }
    }
  }
  if (numId === undefined || numId === '0') return ''
  const num = state.numbering.nums.get(numId)
  const levels = num && state.numbering.abstracts.get(num.abstract)
  if (!num || !levels) return ''
  const level = Math.min(8, Math.max(0, ilvl ?? 0))
  const def = levels.get(level)
  if (!def) return ''
  let counters = state.counters.get(num.abstract)
  if (!counters) {
    counters = Array.from({ length: 9 }, (_, l) => (levels.get(l)?.start ?? 1) - 1)
    state.counters.set(num.abstract, counters)
  }
  if (!state.started.has(numId)) {
    state.started.add(numId)
    for (const [l, start] of num.overrides) {
      counters[l] = start - 1
      for (let d = l + 1; d < 9; d++) counters[d] = (levels.get(d)?.start ?? 1) - 1
    }
  }
  counters[level] = counters[level]! + 1
  for (let d = level + 1; d < 9; d++) counters[d] = (levels.get(d)?.start ?? 1) - 1
  if (def.format === 'bullet' || def.format === 'none') return ''
  const rendered = def.text.replace(/%([1-9])/g, (_, n: string) => {
    const l = Number(n) - 1
    const lv = levels.get(l)
    const value = Math.max(counters![l]!, lv?.start ?? 1)
    // legal numbering shows the outer levels in Arabic digits (第%1章 above %1.%2 gives 1.1, not 一.1)
    const format = l === level ? def.format : def.legal ? 'decimal' : lv?.format ?? 'decimal'
    return formatNumber(value, format)
  })
  if (!rendered) return ''
  const suffix = def.suffix === 'nothing' ? '' : def.suffix === 'space' ? ' ' : /[、.．)）:：\]】]$/.test(rendered) ? '' : ' '
  return rendered + suffix
}

const CN_DIGITS = '〇一二三四五六七八九'
function chineseCounting(n: number): string {
  if (n < 10) return CN_DIGITS[n]!
  if (n < 100) {
    const tens = Math.floor(n / 10)
    return `${tens === 1 ? '' : CN_DIGITS[tens]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`
  }
  return String(n)
}
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'
const ROMAN: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']]
function roman(n: number): string {
  let s = ''
  for (const [v, r] of ROMAN) while (n >= v) ((s += r), (n -= v))
  return s
}
function letters(n: number): string {
  const c = String.fromCharCode(97 + ((n - 1) % 26))
  return c.repeat(Math.floor((n - 1) / 26) + 1)
}

/** A counter value in a Word number format (`w:numFmt`). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographDigital':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n)
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n)
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n)
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n)
    case 'upperLetter':
      return letters(n).toUpperCase()
    case 'lowerLetter':
      return letters(n)
    case 'upperRoman':
      return roman(n).toUpperCase()
    case 'lowerRoman':
      return roman(n)
    default:
      return String(n)
  }
}

function readNumbering(xml: string | undefined): Numbering {
  const numbering: Numbering = { nums: new Map(), abstracts: new Map() }
  if (!xml) return numbering
  const root = parseXml(xml)
  for (const abs of elements(root, 'w:abstractNum')) {
    const levels = new Map<number, Level>()
    for (const lvl of elements(abs, 'w:lvl')) levels.set(Number(lvl.attrs['w:ilvl'] ?? 0), readLevel(lvl))
    numbering.abstracts.set(abs.attrs['w:abstractNumId'] ?? '', levels)
  }
  for (const num of elements(root, 'w:num')) {
    const overrides = new Map<number, number>()
    for (const o of elements(num, 'w:lvlOverride')) {
      const start = childVal(o, 'w:startOverride')
      if (start !== undefined) overrides.set(Number(o.attrs['w:ilvl'] ?? 0), Number(start))
    }
    numbering.nums.set(num.attrs['w:numId'] ?? '', { abstract: childVal(num, 'w:abstractNumId') ?? '', overrides })
  }
  return numbering
}

function readLevel(lvl: XmlElement): Level {
  const suffix = childVal(lvl, 'w:suff')
  return {
    start: Number(childVal(lvl, 'w:start') ?? 1),
    format: childVal(lvl, 'w:numFmt') ?? 'decimal',
    text: childVal(lvl, 'w:lvlText') ?? '',
    suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
    legal: onOff(child(lvl, 'w:isLgl')),
  }
}

/** A Word on/off property: present and not `w:val="0"`/`false`/`off`. */
function onOff(el: XmlElement | undefined): boolean {
  if (!el) return false
  const v = el.attrs['w:val']
  return v === undefined || !['0', 'false', 'off'].includes(v)
}

function readStyles(xml: string | undefined): Map<string, Style> {
  const styles = new Map<string, Style>()
  if (!xml) return styles
  for (const s of elements(parseXml(xml), 'w:style')) {
    const pPr = child(s, 'w:pPr')
    const numPr = child(pPr, 'w:numPr')
    const outline = childVal(pPr, 'w:outlineLvl')
    const basedOn = childVal(s, 'w:basedOn')
    const numId = childVal(numPr, 'w:numId')
    const ilvl = childVal(numPr, 'w:ilvl')
    styles.set(s.attrs['w:styleId'] ?? '', {
      name: childVal(s, 'w:name') ?? '',
      ...(basedOn ? { basedOn } : {}),
      ...(outline !== undefined ? { outlineLevel: Number(outline) } : {}),
      ...(numId !== undefined ? { numId } : {}),
      ...(ilvl !== undefined ? { ilvl: Number(ilvl) } : {}),
    })
  }
  return styles
}
