/**
 * Output formats of plan2json: pure functions from a parse result to text.
 * `json` (one document per input), `jsonl` and `csv` (one quantity per
 * line or row, across inputs), `outline` (indented headings) and `md`
 * (the plan re-rendered as markdown).
 */
import { glossLabel } from '../output/glosses.js'
import type { PlanOutput } from '../output/schema.js'
import type { Document, FlowContent, Nodes, QuantityRecord, Root, Table } from '../core/types.js'

/** The `--format json` document of one input. */
export function toJson(output: PlanOutput, pretty: boolean): string {
  return JSON.stringify(output, null, pretty ? 2 : undefined) + '\n'
}

/** `--format jsonl`: one line per quantity, each with the file it came from. */
export function toJsonLines(file: string, quantities: readonly QuantityRecord[]): string {
  let out = ''
  for (const q of quantities) out += JSON.stringify({ file, ...q }) + '\n'
  return out
}

/** Keys of the CSV columns, in order. */
export const CSV_COLUMNS = ['file', 'document', 'sectionPath', 'sentence', 'raw', 'value', 'min', 'max', 'unit', 'qualifier', 'role', 'metric', 'year', 'indicator'] as const

/** Label languages: `en` keeps the codes (`percent`, `gte`), `zh` and `both` gloss them. */
export type Lang = 'en' | 'zh' | 'both'

/** Separator of section titles in the `sectionPath` column. */
export const SECTION_SEPARATOR = ' > '

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  const s = typeof value === 'number' ? String(value) : value
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The CSV header line, with column names in `lang` (see `grammars/glosses.json`). */
export function csvHeader(lang: Lang): string {
  return CSV_COLUMNS.map((c) => csvField(lang === 'en' ? c : glossLabel('column', c, lang))).join(',') + '\r\n'
}

/**
 * `--format csv`: one row per quantity (CRLF line ends, as spreadsheets
 * expect). With `lang` `zh` or `both`, unit, qualifier and role codes and the
 * indicator are written as their labels; `en` keeps codes and the
 * indicator's English name.
 */
export function toCsvRows(file: string, quantities: readonly QuantityRecord[], lang: Lang = 'en'): string {
  let out = ''
  const label = (kind: 'unit' | 'qualifier' | 'role', code: string): string => (lang === 'en' ? code : glossLabel(kind, code, lang))
  const indicator = (q: QuantityRecord): string | undefined =>
    q.indicator && (lang === 'en' ? q.indicator.en : lang === 'zh' ? q.indicator.zh : `${q.indicator.zh} (${q.indicator.en})`)
  for (const q of quantities) {
    const row = [
      file,
      q.document,
      q.sectionPath.join(SECTION_SEPARATOR),
      q.context,
      q.raw,
      q.value,
      q.min,
      q.max,
      label('unit', q.unit),
      label('qualifier', q.qualifier),
      label('role', q.role),
      q.metric,
      q.year,
      indicator(q),
    ]
    out += row.map(csvField).join(',') + '\r\n'
  }
  return out
}

/** Plain text of a node: text values and quantity sources, line breaks dropped. */
export function nodeText(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return node.value
    case 'quantity':
      return node.raw.replace(/[ \t]*\r?\n[ \t]*/g, '')
    case 'setAside':
      return ''
    default:
      return (node.children as Nodes[]).map(nodeText).join('')
  }
}

function squash(s: string): string {
  return s.replace(/\s+/g, '')
}

/**
 * The marker and title of a heading, separated by one space unless the
 * marker ends in punctuation: `专栏4 防洪减灾重点项目`, `第一章 总则`,
 * `1.1 目标`, but `一、总体要求`, `（一）发展目标`.
 */
export function headingLine(node: { marker: { raw: string }; title: string }): string {
  const marker = node.marker.raw.trim()
  const title = node.title.trim()
  if (!marker || !title) return `${marker}${title}`
  return /[\p{P}\s]$/u.test(marker) ? `${marker}${title}` : `${marker} ${title}`
}

/** What a heading's sentence holds after its marker and title (the body run in on the same line). */
function afterHeadingLine(text: string, node: { marker: { raw: string }; title: string }): string {
  let t = text.trim()
  const marker = node.marker.raw.trim()
  if (t.startsWith(marker)) t = t.slice(marker.length).trimStart()
  if (t.startsWith(node.title)) return t.slice(node.title.length)
  return squash(t).startsWith(squash(node.title)) ? '' : t
}

/**
 * `--format outline`: document titles, then sections and boxes indented two
 * spaces per depth. With `lang`, each document line is tagged with its kind
 * (`[plan]`, `[附件]`) in that language.
 */
export function toOutline(tree: Root, lang?: Lang): string {
  const lines: string[] = []
  const visit = (nodes: readonly FlowContent[]) => {
    for (const node of nodes) {
      if (node.type === 'section' || node.type === 'box') {
        lines.push(`${'  '.repeat(node.depth)}${headingLine(node)}`)
        visit(node.children)
      }
    }
  }
  for (const doc of tree.children) {
    const title = documentTitle(doc)
    const tag = lang ? `[${glossLabel('documentKind', doc.kind, lang)}] ` : ''
    if (title || tag) lines.push(`${tag}${title}`.trim())
    visit(doc.children)
  }
  return lines.length ? lines.join('\n') + '\n' : ''
}

function documentTitle(doc: Document): string {
  return [doc.marker?.raw, doc.title].filter((s): s is string => Boolean(s)).join(' ').trim()
}

function escapeMarkdown(s: string): string {
  // Keep the text as it is, except what would start markdown syntax on a line.
  return s.replace(/^([#>*+-]|\d+[.)])(\s)/, '\\$1$2').replace(/([*_`[\]<|\\])/g, '\\$1')
}

function pipeTable(table: Table): string {
  const rows = table.children.map((row) => row.children.map((cell) => escapeMarkdown(nodeText(cell).replace(/\s*\n\s*/g, ' ').trim())))
  if (rows.length === 0) return ''
  const width = Math.max(1, ...rows.map((r) => r.length))
  const pad = (r: string[]) => [...r, ...Array.from({ length: width - r.length }, () => '')]
  const line = (r: string[]) => `| ${pad(r).join(' | ')} |`
  const headerIndex = table.children.findIndex((r) => r.kind === 'header')
  const header = headerIndex === 0 ? rows[0]! : Array.from({ length: width }, () => '')
  const body = headerIndex === 0 ? rows.slice(1) : rows
  return [line(header), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n')
}

/**
 * `--format md`: headings by depth, paragraphs, lists and pipe tables. With
 * `lang`, each document title is preceded by its kind in that language.
 */
export function toMarkdown(tree: Root, lang?: Lang): string {
  const blocks: string[] = []
  const flow = (nodes: readonly FlowContent[], skipTitleLine: (n: FlowContent) => boolean = () => false) => {
    let beforeSections = true
    for (const node of nodes) {
      if (node.type === 'section' || node.type === 'box') beforeSections = false
      if (beforeSections && node.type === 'paragraph' && skipTitleLine(node)) continue
      switch (node.type) {
        case 'section':
        case 'box': {
          const level = Math.min(6, node.depth + 1)
          const line = headingLine(node)
          blocks.push(`${'#'.repeat(level)} ${escapeMarkdown(line)}`)
          const heading = node.children.find((c) => c.type === 'heading')
          if (heading) {
            const rest = afterHeadingLine(nodeText(heading), node)
            if (rest.replace(/^[\s。：:；;，,.]+/, '') !== '') blocks.push(escapeMarkdown(rest.replace(/^[\s。：:；;，,.]+/, '')))
          }
          flow(node.children.filter((c) => c.type !== 'heading'))
          break
        }
        case 'paragraph': {
          const sentences: string[] = []
          const flush = () => {
            const text = sentences.join('').trim()
            if (text) blocks.push(escapeMarkdown(text))
            sentences.length = 0
          }
          for (const child of node.children) {
            if (child.type === 'sentence') sentences.push(nodeText(child))
            else {
              flush()
              blocks.push(child.children.map((item) => `- ${escapeMarkdown(`${item.bullet}${item.children.map(nodeText).join('')}`.trim())}`).join('\n'))
            }
          }
          flush()
          break
        }
        case 'heading': {
          const text = nodeText(node).trim()
          if (text) blocks.push(`**${escapeMarkdown(text)}**`)
          break
        }
        case 'table': {
          const table = pipeTable(node)
          if (table) blocks.push(table)
          break
        }
        case 'setAside':
          break
      }
    }
  }
  tree.children.forEach((doc, i) => {
    if (i > 0) blocks.push('---')
    const title = documentTitle(doc)
    if (lang) blocks.push(`*${escapeMarkdown(glossLabel('documentKind', doc.kind, lang))}*`)
    if (title) {
      blocks.push(`# ${escapeMarkdown(title)}`)
      // The title's own lines are leading paragraphs of the document: do not repeat them.
      const squashedTitle = squash(title)
      flow(doc.children, (p) => {
        const text = squash(nodeText(p as Nodes))
        return text.length >= 2 && squashedTitle.includes(text)
      })
    } else flow(doc.children)
  })
  return blocks.length ? blocks.join('\n\n') + '\n' : ''
}
