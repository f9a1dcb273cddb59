import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDocument, UnsupportedInputError } from '../src/read/index.js'
import { parsePlan } from '../src/parse.js'
import { extractPdf } from '../src/read/pdf.js'
import { onePagePdf, tableDocx, type PdfLine } from './binary-helpers.js'
import type { Nodes, ParseResult, Root, Table } from '../src/core/types.js'

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/binary/${name}`, import.meta.url)))

/** Markers and titles of the sections and boxes, in order. */
function outline(tree: Root): string[] {
  const out: string[] = []
  const visit = (node: Nodes): void => {
    if ((node.type === 'section' || node.type === 'box') && node.marker) out.push(`${node.marker.raw.replace(/[.．]$/, '.')}${node.title}`)
    if ('children' in node) for (const c of node.children as Nodes[]) visit(c)
  }
  visit(tree)
  return out
}

/** The zip with one entry renamed (same length), in both of its headers. */
function renameEntry(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1').split(from).join(to)
  return new Uint8Array(Buffer.from(text, 'latin1'))
}

const quantitySet = (r: ParseResult): string[] => r.quantities.map((q) => `${q.raw.replace(/\s/g, '')}=${q.value ?? `${q.min}..${q.max}`}`).sort()

describe('parseDocument', () => {
  const text = readFileSync(new URL('../fixtures/binary/sample.txt', import.meta.url), 'utf8')

  it('should give the same outline and quantities when the plan comes as .txt, .docx and .pdf', async () => {
    const fromText = parsePlan(text)
    const fromDocx = await parseDocument(fixture('sample.docx'))
    const fromPdf = await parseDocument(fixture('sample.pdf'))
    const expected = outline(fromText.tree)
    expect(expected.length).toBeGreaterThanOrEqual(8)
    expect(outline(fromDocx.tree)).toEqual(expected)
    expect(outline(fromPdf.tree)).toEqual(expected)
    // compared as sets of raw text and value
    expect(quantitySet(fromText).length).toBeGreaterThan(20)
    expect(quantitySet(fromDocx)).toEqual(quantitySet(fromText))
    expect(quantitySet(fromPdf)).toEqual(quantitySet(fromText))
  })

  it('should render Word list numbers when paragraphs use w:numPr', async () => {
    const { source } = await parseDocument(fixture('sample.docx'))
    const lines = source.text.split('\n')
    // the fixture's numbered paragraphs carry no number in their text
    expect(lines).toContain('一、总体要求')
    expect(lines).toContain('（二）促进重点群体就业')
    expect(lines.some((l) => l.startsWith('2.加大工作推进力度'))).toBe(true)
    expect(source.kind).toBe('docx')
  })

  it('should read the same text from the DOCX as the plain text fixture when the DOCX is well formed', async () => {
    const { source } = await parseDocument(fixture('sample.docx'))
    expect(`${source.text}\n`).toBe(text)
  })

  it('should leave merged cells empty and keep rows tab-separated when a table has merged cells', async () => {
    const { source } = await parseDocument(fixture('sample.docx'))
    const rows = source.text.split('\n').filter((l) => l.includes('\t'))
    expect(rows[1]).toBe('一、就业\t\t\t\t')
    expect(rows[3]!.split('\t')).toHaveLength(5)
    expect(rows[3]!.split('\t')[4]).toBe('')
  })

  it('should rebuild a table across a page break when a PDF table is ruled', async () => {
    const { source } = await parseDocument(fixture('sample.pdf'))
    const rows = source.lines.filter((l) => l.kind === 'table-row')
    const textRows = text.split('\n').filter((l) => l.includes('\t'))
    expect(rows.map((r) => source.text.slice(r.start, r.end))).toEqual(textRows)
    expect(new Set(rows.map((r) => r.page)).size).toBeGreaterThan(1)
  })

  it('should set page numbers apart on lines of their own when a PDF has a page-number footer', async () => {
    const { source } = await parseDocument(fixture('sample.pdf'))
    const footers = source.lines.filter((l) => l.kind === 'footer').map((l) => source.text.slice(l.start, l.end))
    expect(footers).toEqual(source.pages!.map((p) => `－${p.page}－`))
    expect(source.pages!.length).toBeGreaterThanOrEqual(4)
  })

  it('should record the page or paragraph of every node when the input is binary', async () => {
    for (const name of ['sample.pdf', 'sample.docx']) {
      const result = await parseDocument(fixture(name))
      const field = name.endsWith('.pdf') ? 'page' : 'paragraph'
      let missing = 0
      let count = 0
      const visit = (node: Nodes): void => {
        if (node.type !== 'root') {
          count++
          if (typeof node.data?.[field] !== 'number') missing++
        }
        if ('children' in node) for (const c of node.children as Nodes[]) visit(c)
      }
      visit(result.tree)
      expect(count).toBeGreaterThan(50)
      expect(missing).toBe(0)
    }
  })

  it('should read a two-column page column by column when a PDF has two columns', async () => {
    const { source } = await parseDocument(fixture('sample.pdf'))
    const para = text.split('\n').find((l) => l.startsWith('鼓励中小企业'))!
    // the whole paragraph, from the left column, comes out unbroken
    expect(source.text.split('\n').some((l) => l.startsWith(para.slice(0, 60)))).toBe(true)
    expect(source.text).not.toMatch(/促进重点群体就业推动/)
  })

  it('should accept a Buffer and an ArrayBuffer when given file contents', async () => {
    const buffer = readFileSync(new URL('../fixtures/binary/sample.pdf', import.meta.url))
    const fromBuffer = await parseDocument(buffer)
    const docx = fixture('sample.docx')
    const fromArrayBuffer = await parseDocument(docx.buffer.slice(docx.byteOffset, docx.byteOffset + docx.byteLength) as ArrayBuffer)
    expect(fromBuffer.source.kind).toBe('pdf')
    expect(fromArrayBuffer.source.kind).toBe('docx')
    expect(outline(fromBuffer.tree)).toEqual(outline(fromArrayBuffer.tree))
  })

  it('should report that OCR is needed when a PDF has no text layer', async () => {
    const result = await parseDocument(fixture('scanned.pdf'))
    expect(result.messages[0]).toMatchObject({ ruleId: 'no-text-layer', fatal: true })
    expect(result.messages[0]!.reason).toMatch(/OCR/)
  })

  it.each([
    ['a truncated PDF', () => fixture('sample.pdf').slice(0, 2000), 'corrupt'],
    ['a truncated DOCX', () => fixture('sample.docx').slice(0, 3000), 'corrupt'],
    ['plain text bytes', () => new TextEncoder().encode('一、总体要求'), 'format'],
    ['a zip that is not a DOCX', () => renameEntry(fixture('sample.docx'), 'word/document.xml', 'word/documenX.xml'), 'format'],
  ] as const)('should throw UnsupportedInputError when given %s', async (_, make, kind) => {
    const error = await parseDocument(make()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnsupportedInputError)
    expect((error as UnsupportedInputError).kind).toBe(kind)
    expect((error as Error).message.length).toBeGreaterThan(20)
  })
})

describe('DOCX merged table cells', () => {
  const tableOf = (tree: Root): Table | undefined => {
    let found: Table | undefined
    const visit = (node: Nodes): void => {
      if (node.type === 'table') found ??= node
      else if ('children' in node) for (const c of node.children as Nodes[]) visit(c)
    }
    visit(tree)
    return found
  }

  it('should expand w:gridSpan and w:vMerge into a grid of virtual cells when the header has two rows', async () => {
    const t = tableOf((await parseDocument(fixture('merged-table.docx'))).tree)!
    expect(t.children.map((r) => r.kind)).toEqual(['header', 'header', 'body', 'body', 'body', 'body'])
    const [head, sub, first, second] = t.children
    expect(head!.children[3]!.data).toMatchObject({ colSpan: 2 })
    expect(head!.children[4]!.data).toMatchObject({ spanOf: { row: 0, column: 3 } })
    expect(head!.children[1]!.data).toMatchObject({ rowSpan: 2 })
    expect(sub!.children[1]!.data).toMatchObject({ spanOf: { row: 0, column: 1 } })
    expect(first!.children[0]!.data).toMatchObject({ rowSpan: 2 })
    expect(second!.children[0]!.data).toMatchObject({ spanOf: { row: 2, column: 0 } })
    expect(second!.children[0]!.children).toEqual([])
  })

  it('should give every row of a merged category its group, baseline 2020 and target 2025', async () => {
    const { indicators, quantities } = await parseDocument(fixture('merged-table.docx'))
    expect(indicators.map((i) => [i.name, i.group, i.baseline?.value, i.baseline?.year, i.target?.value, i.target?.year])).toEqual([
      ['学前三年毛入园率', '学前教育', 88, 2020, 92, 2025],
      ['普惠性幼儿园覆盖率', '学前教育', 80, 2020, 85, 2025],
      ['九年义务教育巩固率', '义务教育', 95.2, 2020, 96, 2025],
      ['新增义务教育学位', '义务教育', undefined, undefined, 3000, 2025],
    ])
    expect(indicators.map((i) => i.attribute)).toEqual(['expected', 'binding', 'binding', 'expected'])
    // no value lost or counted twice
    expect(quantities.map((q) => q.value)).toEqual([88, 92, 80, 85, 95.2, 96, 3000])
  })
})

describe('PDF ruled tables with merged cells', () => {
  // Columns at x 50 | 150 | 350 | 400 | 450; rows from y 720 down to 620.
  // `Target` spans the two value columns (no border at x 400 in its row),
  // `Category` and `Indicator` span both header rows, `Health` the three
  // body rows, its text drawn vertically centred in the middle one.
  const rule = (x0: number, y0: number, x1: number, y1: number): PdfLine => ({ x0, y0, x1, y1 })
  const lines = [
    rule(50, 720, 450, 720),
    rule(350, 700, 450, 700),
    rule(50, 680, 450, 680),
    rule(150, 660, 450, 660),
    rule(150, 640, 450, 640),
    rule(50, 620, 450, 620),
    ...[50, 150, 350, 450].map((x) => rule(x, 620, x, 720)),
    rule(400, 620, 400, 700),
  ]
  const cells: Array<[number, number, string]> = [
    [55, 696, 'Category'], [155, 696, 'Indicator'], [355, 706, 'Target'], [355, 686, 'Base'], [405, 686, 'Goal'],
    [155, 666, 'Beds per 1000 people'], [355, 666, '5.1'], [405, 666, '6.2'],
    [55, 646, 'Health'], [155, 646, 'Doctors per 1000 people'], [355, 646, '2.6'], [405, 646, '3.1'],
    [155, 626, 'Nurses per 1000 people'], [355, 626, '3.2'], [405, 626, '3.8'],
  ]
  const pdf = (): Uint8Array => onePagePdf(cells.map(([x, y, text]) => ({ x, y, text })), lines)

  it('should put a merged cell in its first row and keep the rows below it from shifting left', async () => {
    const { text, lines: out } = await extractPdf(pdf())
    const rows = out.filter((l) => l.kind === 'table-row')
    expect(rows.map((l) => text.slice(l.start, l.end))).toEqual([
      'Category\tIndicator\tTarget\t',
      '\t\tBase\tGoal',
      'Health\tBeds per 1000 people\t5.1\t6.2',
      '\tDoctors per 1000 people\t2.6\t3.1',
      '\tNurses per 1000 people\t3.2\t3.8',
    ])
    expect(rows[0]!.covered).toEqual([{ column: 3, origin: { line: rows[0]!.start, column: 2 } }])
    expect(rows[1]!.covered).toEqual([
      { column: 0, origin: { line: rows[0]!.start, column: 0 } },
      { column: 1, origin: { line: rows[0]!.start, column: 1 } },
    ])
    expect(rows[4]!.covered).toEqual([{ column: 0, origin: { line: rows[2]!.start, column: 0 } }])
  })

  it('should give the table cells their spans when a PDF is parsed', async () => {
    let table: Table | undefined
    const visit = (node: Nodes): void => {
      if (node.type === 'table') table ??= node
      else if ('children' in node) for (const c of node.children as Nodes[]) visit(c)
    }
    visit((await parseDocument(pdf())).tree)
    expect(table!.children.map((r) => r.kind)).toEqual(['header', 'header', 'body', 'body', 'body'])
    expect(table!.children[0]!.children[2]!.data).toMatchObject({ colSpan: 2 })
    expect(table!.children[2]!.children[0]!.data).toMatchObject({ rowSpan: 3 })
    expect(table!.children[3]!.children[0]!.data).toMatchObject({ spanOf: { row: 2, column: 0 } })
  })
})

/** The text of a node: its text and quantity leaves joined. */
const text = (node: Nodes): string => (node.type === 'text' ? node.value : node.type === 'quantity' ? node.raw : 'children' in node ? (node.children as Nodes[]).map(text).join('') : '')

describe('merged captions and name headers', () => {
  const down = { vMerge: 'continue' } as const
  const docx = (): Uint8Array =>
    tableDocx(
      ['某区“十四五”养老服务体系建设规划', '一、发展目标', '到2025年，全区养老服务体系更加健全。'],
      [
        [{ text: '“十四五”养老服务主要指标', span: 4 }],
        [{ text: '指标', span: 2 }, '2025年', '属性'],
        [{ text: '设施建设', vMerge: 'restart' }, '社区养老服务设施覆盖率（%）', '90', '约束性'],
        [down, '每千名老年人拥有养老床位数（张）', '≥40', '预期性'],
        [{ text: '人才队伍', vMerge: 'restart' }, '养老护理员持证上岗率（%）', '85', '预期性'],
        [down, '新增培训养老护理员（人次）', '[2000]', '预期性'],
        ['智慧养老', '智慧养老服务平台覆盖率（%）', '100', '预期性'],
      ],
      ['二、主要任务', '完善居家社区养老服务网络。'],
    )

  it('should read a caption merged across the first row as a paragraph before the table', async () => {
    const { tree } = await parseDocument(docx())
    const paragraphs: string[] = []
    let table: Table | undefined
    const visit = (node: Nodes): void => {
      if (node.type === 'table') table ??= node
      else if (node.type === 'paragraph' && !table) paragraphs.push(text(node))
      else if ('children' in node) for (const c of node.children as Nodes[]) visit(c)
    }
    visit(tree)
    expect(paragraphs[paragraphs.length - 1]).toBe('“十四五”养老服务主要指标')
    expect(table!.children.map((r) => r.kind)).toEqual(['header', 'body', 'body', 'body', 'body', 'body'])
    expect(table!.children[0]!.children[0]!.data).toMatchObject({ colSpan: 2 })
  })

  it('should take the names from the last column under a name header merged over a category column', async () => {
    const { indicators, quantities } = await parseDocument(docx())
    expect(indicators.map((i) => [i.group, i.name, i.target?.value, i.target?.year])).toEqual([
      ['设施建设', '社区养老服务设施覆盖率（%）', 90, 2025],
      ['设施建设', '每千名老年人拥有养老床位数（张）', 40, 2025],
      ['人才队伍', '养老护理员持证上岗率（%）', 85, 2025],
      ['人才队伍', '新增培训养老护理员（人次）', 2000, 2025],
      // a category of one row, in a column whose other categories are merged
      ['智慧养老', '智慧养老服务平台覆盖率（%）', 100, 2025],
    ])
    expect(quantities.map((q) => q.metric)).toEqual(['社区养老服务设施覆盖率', '每千名老年人拥有养老床位数', '养老护理员持证上岗率', '新增培训养老护理员', '智慧养老服务平台覆盖率'])
    expect(quantities.map((q) => q.unit)).toEqual(['percent', 'count', 'percent', 'person-time', 'percent'])
  })
})

describe('PDF tables without borders', () => {
  const t = (x: number, y: number, text: string): { x: number; y: number; text: string } => ({ x, y, text })
  const pdf = (): Uint8Array =>
    onePagePdf(
      [
        t(50, 760, 'Annual plan for the county health service'),
        t(50, 740, 'Category'), t(150, 740, 'Indicator'), t(350, 740, '2020'), t(420, 740, '2025'),
        t(50, 725, 'Health'), t(150, 725, 'Beds in hospitals and'), t(350, 725, '5.1'), t(420, 725, '6.2'),
        t(150, 712, 'clinics per 1000 people'),
        t(150, 697, 'Doctors per 1000 people'), t(352, 697, '12.6'), t(420, 697, '13.1'),
        t(50, 682, 'Schools'), t(150, 682, 'Pupils per teacher'), t(350, 682, '18'), t(420, 682, '16.5'),
        t(50, 655, 'The county will carry out the plan year by year.'),
        t(300, 630, 'County office'), t(420, 630, 'May 2021'),
      ],
      [],
    )

  it('should place each cell in the column its text stands in when a row has no first cell', async () => {
    const { text, lines } = await extractPdf(pdf())
    expect(lines.map((l) => [l.kind, text.slice(l.start, l.end)])).toEqual([
      ['text', 'Annual plan for the county health service'],
      ['table-row', 'Category\tIndicator\t2020\t2025'],
      ['table-row', 'Health\tBeds in hospitals and clinics per 1000 people\t5.1\t6.2'],
      ['table-row', '\tDoctors per 1000 people\t12.6\t13.1'],
      ['table-row', 'Schools\tPupils per teacher\t18\t16.5'],
      ['text', 'The county will carry out the plan year by year.'],
      ['text', 'County office May 2021'],
    ])
  })

  it('should give the parsed table four columns in every row', async () => {
    let table: Table | undefined
    const visit = (node: Nodes): void => {
      if (node.type === 'table') table ??= node
      else if ('children' in node) for (const c of node.children as Nodes[]) visit(c)
    }
    visit((await parseDocument(pdf())).tree)
    expect(table!.children.map((r) => r.children.length)).toEqual([4, 4, 4, 4])
    expect(text(table!.children[2]!.children[2]!)).toBe('12.6')
  })
})

describe('PDF lines spaced out letter by letter', () => {
  it('should leave a title spaced out letter by letter as text when its lines line up', async () => {
    const letters = (y: number, word: string): Array<{ x: number; y: number; text: string }> => [...word].map((c, k) => ({ x: 150 + k * 40, y, text: c }))
    const { text, lines } = await extractPdf(onePagePdf([...letters(700, 'ANNUAL'), ...letters(680, 'REPORT'), ...letters(660, 'PLANS!')], []))
    expect(lines.map((l) => l.kind)).not.toContain('table-row')
    expect(text.replace(/\s/g, '')).toBe('ANNUALREPORTPLANS!')
  })
})
