#!/usr/bin/env node
// Makes the DOCX and PDF fixtures of `fixtures/binary/` from seed text.
//
// usage: node scripts/make-binary-fixtures.mjs
//
// The DOCX files are written here, XML into a zip, so that they hold what
// Word itself writes: heading styles, lists with automatic numbering
// (w:numPr, numbering.xml), tables with merged cells (w:gridSpan, w:vMerge),
// a running header and a page-number footer (－ PAGE －), and a section laid
// out in two columns. The PDF files are converted from those DOCX files by
// LibreOffice (`soffice --headless --convert-to pdf`, Debian packages
// libreoffice-writer-nogui and fonts-wqy-microhei), which must be on PATH;
// without it only the DOCX files are written. CI does not run this script:
// the generated files are committed.
//
// Outputs:
// - sample.txt / sample.docx / sample.pdf: one small plan in three forms
//   (taken from seeds/004), with a Word numbered list, a table with merged
//   cells that runs across a page break, and a two-column page.
// - seed-NNN.docx / seed-NNN.pdf: the headings-and-paragraphs of each seed,
//   for `scripts/eval-binary.mjs`.
// - merged-table.docx: a plan with an indicator table whose header has two
//   rows (目标值 spanning 2020年 | 2025年, the other header cells merged
//   down) and whose category column is merged down its rows (w:vMerge).
// - scanned.pdf: one page with an image and no text layer.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateRawSync, deflateSync } from 'node:zlib'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = join(root, 'fixtures/binary')
const seedDir = join(root, 'seeds')
const goldDir = join(root, 'eval/gold')
mkdirSync(out, { recursive: true })

// ---------------------------------------------------------------------------
// zip (stored or deflated entries, fixed timestamp so output is stable)

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function zip(files) {
  const locals = []
  const centrals = []
  let offset = 0
  for (const [name, content] of files) {
    const data = Buffer.from(content)
    const packed = deflateRawSync(data, { level: 9 })
    const nameBuf = Buffer.from(name, 'utf8')
    const crc = crc32(data)
    const head = Buffer.alloc(30)
    head.writeUInt32LE(0x04034b50, 0)
    head.writeUInt16LE(20, 4)
    head.writeUInt16LE(0x0800, 6) // UTF-8 names
    head.writeUInt16LE(8, 8) // deflate
    head.writeUInt16LE(0, 10)
    head.writeUInt16LE(0x21, 12) // 1980-01-01
    head.writeUInt32LE(crc, 14)
    head.writeUInt32LE(packed.length, 18)
    head.writeUInt32LE(data.length, 22)
    head.writeUInt16LE(nameBuf.length, 26)
    head.writeUInt16LE(0, 28)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt16LE(0, 12)
    central.writeUInt16LE(0x21, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBuf.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(head, nameBuf, packed)
    centrals.push(central, nameBuf)
    offset += head.length + nameBuf.length + packed.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

// ---------------------------------------------------------------------------
// DOCX

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

/** Word list levels: 一、 / （一） / 1. — as Chinese plans number them. */
const LEVELS = [
  { fmt: 'chineseCounting', text: '%1、' },
  { fmt: 'chineseCounting', text: '（%2）' },
  { fmt: 'decimal', text: '%3.' },
]

function numberingXml(numCount) {
  const lvls = LEVELS.map(
    (l, i) =>
      `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${l.fmt}"/><w:lvlText w:val="${l.text}"/><w:suff w:val="nothing"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>`,
  ).join('')
  const nums = Array.from(
    { length: numCount },
    (_, i) => `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="0"/>${i ? '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>' : ''}</w:num>`,
  ).join('')
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>${lvls}</w:abstractNum>${nums}</w:numbering>`
}

const stylesXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="WenQuanYi Micro Hei"/><w:sz w:val="24"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:spacing w:before="240" w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>
${[1, 2, 3]
  .map(
    (n) =>
      `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="${n - 1}"/></w:pPr><w:rPr><w:b/><w:sz w:val="${[32, 28, 24][n - 1]}"/></w:rPr></w:style>`,
  )
  .join('\n')}
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr></w:style>
</w:styles>`

function run(text, bold) {
  return `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`
}

function sectPr({ cols = 1, nextPage = false, last = false } = {}) {
  return `<w:sectPr>${last || true ? '<w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>' : ''}${nextPage ? '<w:type w:val="nextPage"/>' : '<w:type w:val="continuous"/>'}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/><w:cols w:num="${cols}" w:space="425"/></w:sectPr>`
}

/**
 * Blocks: { p: text, style?, num?: {id, level}, bold?, center?, sect? }
 *         { table: [[cell | {text, span?, vmerge?: 'restart'|'continue'}]], widths }
 */
function documentXml(blocks) {
  const body = []
  for (const b of blocks) {
    if (b.table) {
      const widths = b.widths
      const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')
      const rows = b.table
        .map((row, r) => {
          let col = 0
          const cells = row
            .map((c) => {
              const cell = typeof c === 'string' ? { text: c } : c
              const span = cell.span ?? 1
              const w = widths.slice(col, col + span).reduce((a, x) => a + x, 0)
              col += span
              const props = `<w:tcW w:w="${w}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${cell.vmerge ? `<w:vMerge${cell.vmerge === 'restart' ? ' w:val="restart"' : ''}/>` : ''}`
              const paras = (cell.text ?? '').split('\n').map((t) => `<w:p><w:pPr><w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="left"/></w:pPr>${t ? run(t, r === 0 && b.header) : ''}</w:p>`)
              return `<w:tc><w:tcPr>${props}</w:tcPr>${paras.join('')}</w:tc>`
            })
            .join('')
          return `<w:tr>${r === 0 && b.header ? '<w:trPr><w:cantSplit/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>'}${cells}</w:tr>`
        })
        .join('')
      body.push(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows}</w:tbl>`)
      continue
    }
    const ppr = []
    if (b.style) ppr.push(`<w:pStyle w:val="${b.style}"/>`)
    if (b.num) ppr.push(`<w:numPr><w:ilvl w:val="${b.num.level}"/><w:numId w:val="${b.num.id}"/></w:numPr>`)
    if (!b.style && !b.num && !b.center) ppr.push('<w:ind w:firstLine="480"/>')
    if (b.center) ppr.push('<w:jc w:val="center"/>')
    if (b.sect) ppr.push(sectPr(b.sect))
    body.push(`<w:p>${ppr.length ? `<w:pPr>${ppr.join('')}</w:pPr>` : ''}${b.p ? run(b.p, b.bold) : ''}</w:p>`)
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W}><w:body>${body.join('\n')}${sectPr({ nextPage: true, last: true })}</w:body></w:document>`
}

function buildDocx(blocks, { header }) {
  const numIds = new Set(blocks.filter((b) => b.num).map((b) => b.num.id))
  const numCount = Math.max(1, ...numIds)
  const headerXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run(header)}</w:p></w:hdr>`
  const footerXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ${W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run('－')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('1')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${run('－')}</w:p></w:ftr>`
  return zip([
    [
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ],
    [
      'word/_rels/document.xml.rels',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`,
    ],
    ['word/document.xml', documentXml(blocks)],
    ['word/styles.xml', stylesXml],
    ['word/numbering.xml', numberingXml(numCount)],
    ['word/header1.xml', headerXml],
    ['word/footer1.xml', footerXml],
  ])
}

// ---------------------------------------------------------------------------
// The sample plan (seeds/004, first document, shortened), in block form.

const seed004 = readFileSync(join(seedDir, '004_ce484ecd67c8da4c.txt'), 'utf8')
/** The paragraph of seed 004 that starts with `start`, up to its line end. */
function seedPara(start) {
  const i = seed004.indexOf(start)
  if (i < 0) throw new Error(`not in seed 004: ${start}`)
  const j = seed004.indexOf('\n', i)
  return seed004.slice(i, j < 0 ? undefined : j).trim()
}
/** Sentences of seed 004 that name a target number, as table rows. */
function targetRows(count) {
  const rows = []
  const re = /([\u4e00-\u9fa5]{4,16}?)(?:达到|达|控制在|提高|完成|新增|开发|超过|稳定在)?(\d+(?:\.\d+)?)(万人|%|个|万户|家|亿元)/g
  let m
  while ((m = re.exec(seed004)) && rows.length < count) {
    const name = m[1].replace(/^[，、；：\s]+/, '').replace(/^(其中|全省|实现|确保|力争)/, '')
    rows.push([String(rows.length + 1), name, m[3], m[2], rows.length % 3 ? '预期性' : '约束性'])
  }
  return rows
}

function sampleBlocks() {
  const b = []
  b.push({ p: '2012年完善就业服务体系和社会保障体系工作计划', style: 'Title' })
  b.push({ p: seedPara('加快完善就业服务和社会保障体系是民生幸福工程') })
  // A numbered heading level, by Word numbering (no marker in the text).
  b.push({ p: '总体要求', style: 'Heading1', num: { id: 1, level: 0 } })
  b.push({ p: seedPara('贯彻中央和省委、省政府关于保障和改善民生') })
  b.push({ p: '主要目标', style: 'Heading1', num: { id: 1, level: 0 } })
  for (const lead of ['千方百计稳定和扩大就业。', '大力促进劳动者素质就业。', '持续扩大社会保险覆盖面。']) {
    b.push({ p: seedPara(`（${'一二三'['千大持'.indexOf(lead[0])]}）${lead}`).replace(/^（[一二三]）/, ''), num: { id: 1, level: 1 } })
  }
  b.push({ p: '表1　2012年主要目标', center: true, bold: true })
  const rows = targetRows(36)
  const groupAt = Math.floor(rows.length / 2)
  b.push({
    header: true,
    widths: [800, 3900, 1200, 1300, 1800],
    table: [
      ['序号', '指标', '单位', '目标值', '属性'],
      [{ text: '一、就业', span: 5 }],
      ...rows.slice(0, groupAt).map((r, i) => (i === 0 ? [...r.slice(0, 4), { text: r[4], vmerge: 'restart' }] : i === 1 ? [...r.slice(0, 4), { vmerge: 'continue' }] : r)),
      [{ text: '二、社会保险', span: 5 }],
      ...rows.slice(groupAt),
    ],
  })
  b.push({ p: '重点任务', style: 'Heading1', num: { id: 1, level: 0 } })
  b.push({ p: '实施更加积极的就业政策', style: 'Heading2', num: { id: 1, level: 1 } })
  const tasks = seedPara('（一）实施更加积极的就业政策。').replace(/^（一）实施更加积极的就业政策。/, '')
  const parts = tasks.split(/(?<=。)/).filter(Boolean)
  b.push({ p: parts.slice(0, 2).join(''), num: { id: 1, level: 2 } })
  b.push({ p: parts.slice(2, 4).join(''), num: { id: 1, level: 2 } })
  // The next part is laid out in two columns on a page of its own.
  b.push({ p: parts.slice(4).join('') || parts[0], sect: { cols: 1 } })
  b.push({ p: '促进重点群体就业', style: 'Heading2', num: { id: 1, level: 1 } })
  b.push({ p: seedPara('（二）促进重点群体就业。').replace(/^（二）促进重点群体就业。/, '') })
  b.push({ p: '鼓励扶持创业带动就业', style: 'Heading2', num: { id: 1, level: 1 } })
  b.push({ p: seedPara('（三）鼓励扶持创业带动就业。').replace(/^（三）鼓励扶持创业带动就业。/, ''), sect: { cols: 2, nextPage: true } })
  b.push({ p: '保障措施', style: 'Heading1', num: { id: 1, level: 0 } })
  for (const lead of ['（一）加强组织领导。', '（二）抓好试点示范。']) {
    const text = seedPara(lead)
    b.push({ p: text.replace(/^（[一二]）/, ''), num: { id: 1, level: 1 } })
  }
  return b
}

/** A short plan around an indicator table with merged header and category cells. */
function mergedTableBlocks() {
  const down = { vmerge: 'continue' }
  return [
    { p: '某县“十四五”教育事业发展规划', style: 'Title' },
    { p: '一、主要目标' },
    { p: '到2025年，全县教育普及水平和办学质量进一步提高。' },
    { p: '表1　“十四五”教育发展主要指标', center: true, bold: true },
    {
      header: true,
      widths: [1200, 3300, 900, 1200, 1200, 1200],
      table: [
        [{ text: '类别', vmerge: 'restart' }, { text: '指标', vmerge: 'restart' }, { text: '单位', vmerge: 'restart' }, { text: '目标值', span: 2 }, { text: '属性', vmerge: 'restart' }],
        [down, down, down, '2020年', '2025年', down],
        [{ text: '学前教育', vmerge: 'restart' }, '学前三年毛入园率', '%', '88', '92', '预期性'],
        [down, '普惠性幼儿园覆盖率', '%', '80', '85', '约束性'],
        [{ text: '义务教育', vmerge: 'restart' }, '九年义务教育巩固率', '%', '95.2', '96', '约束性'],
        [down, '新增义务教育学位', '个', '——', '[3000]', '预期性'],
      ],
    },
    { p: '二、主要任务' },
    { p: '推进学前教育普及普惠发展，扩大义务教育优质资源。' },
  ]
}

/** The numbers Word shows for the numbered blocks (一、 （一） 1.). */
function renderNumbers(blocks) {
  const counters = new Map()
  const cn = (n) => {
    const d = '〇一二三四五六七八九'
    if (n < 10) return d[n]
    if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`
    return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`
  }
  return blocks.map((b) => {
    if (!b.num) return null
    const c = counters.get(b.num.id) ?? [0, 0, 0]
    c[b.num.level]++
    for (let l = b.num.level + 1; l < 3; l++) c[l] = 0
    counters.set(b.num.id, c)
    const n = c[b.num.level]
    return [`${cn(n)}、`, `（${cn(n)}）`, `${n}.`][b.num.level]
  })
}

/** Plain text of the blocks: one paragraph a line, tables tab-separated. */
function blocksToText(blocks) {
  const numbers = renderNumbers(blocks)
  const lines = []
  blocks.forEach((b, i) => {
    if (b.table) {
      for (const row of b.table) {
        const cells = []
        for (const c of row) {
          const cell = typeof c === 'string' ? { text: c } : c
          cells.push(cell.text ?? '')
          for (let k = 1; k < (cell.span ?? 1); k++) cells.push('')
        }
        lines.push(cells.join('\t'))
      }
    } else lines.push((numbers[i] ?? '') + b.p)
  })
  return `${lines.join('\n')}\n`
}

// ---------------------------------------------------------------------------
// Seeds in block form, cut at the gold headings.

/** How much of each seed the fixtures hold (characters; cut at a heading),
 * to keep the committed PDFs small: embedded CJK font subsets dominate. */
const SEED_LIMIT = 4000
const SPACE_RUN = /[ \u00a0]{2,}|\u3000+|\n/
/** Seed text up to the first gold heading past `limit` characters. */
function seedPart(name, limit) {
  const full = readFileSync(join(seedDir, `${name}.txt`), 'utf8')
  const gold = readFileSync(join(goldDir, `${name}.outline.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
  const end = gold.find((g) => g.start > limit)?.start ?? full.length
  return { text: full.slice(0, end), gold: gold.filter((g) => g.start < end), end }
}

function seedBlocks({ text, gold }) {
  // Cut points: every heading start begins a paragraph; a heading whose
  // title ends its line ends one.
  const cuts = new Set(gold.map((g) => g.start))
  const headingAt = new Map(gold.map((g) => [g.start, g]))
  const blocks = []
  let para = ''
  let heading = null
  const flush = () => {
    const t = para.replace(/^#+\s*/, '').replace(/\*\*/g, '').replace(/\s+/g, (s) => (/[a-zA-Z0-9]\s+$/.test(s) ? ' ' : '')).trim()
    if (t) blocks.push(heading ? { p: t, style: `Heading${Math.min(3, heading.depth)}` } : { p: t })
    para = ''
    heading = null
  }
  const lines = text.split('\n')
  let offset = 0
  for (const line of lines) {
    const lineStart = offset
    offset += line.length + 1
    if (line.includes('\t')) {
      flush()
      const last = blocks.at(-1)
      const cells = line.split('\t').map((c) => c.trim())
      if (last?.table) last.table.push(cells)
      else blocks.push({ table: [cells], widths: [] })
      continue
    }
    // Fragments of the line at space runs (web text) and cut points.
    const pieces = []
    let i = 0
    const re = new RegExp(SPACE_RUN.source, 'g')
    let m
    while ((m = re.exec(line))) {
      pieces.push([i, m.index])
      i = m.index + m[0].length
    }
    pieces.push([i, line.length])
    for (const [s, e] of pieces) {
      let from = s
      for (let k = s; k <= e; k++) {
        const abs = lineStart + k
        if (cuts.has(abs) || k === e) {
          const frag = line.slice(from, k)
          if (frag.trim()) para += frag
          if (cuts.has(abs) && k < e) {
            flush()
            heading = headingAt.get(abs)
          }
          from = k
        }
      }
      const before = para.replace(/\s+$/, '')
      const spaceBreak = pieces.length > 1 && e - s > 0
      if (/[。！？；：:”]$/.test(before) || (heading && before.length <= heading.marker.length + heading.title.length + 2) || spaceBreak || /^#/.test(para.trim())) flush()
    }
  }
  flush()
  for (const b of blocks) {
    if (!b.table) continue
    const n = Math.max(...b.table.map((r) => r.length))
    for (const r of b.table) while (r.length < n) r.push('')
    b.widths = Array.from({ length: n }, () => Math.floor(9000 / n))
  }
  return blocks
}

// ---------------------------------------------------------------------------
// PDF without a text layer (an image of a grey box), written by hand.

function scannedPdf() {
  const w = 64
  const h = 64
  const pixels = Buffer.alloc(w * h, 0xc0)
  const img = deflateSync(pixels)
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    null,
    null,
  ]
  const content = 'q 400 0 0 400 97 300 cm /Im1 Do Q'
  const parts = ['%PDF-1.4\n']
  const offsets = []
  let len = Buffer.byteLength(parts[0])
  const add = (s) => {
    parts.push(s)
    len += Buffer.byteLength(s, 'latin1')
  }
  for (let i = 0; i < 5; i++) {
    offsets.push(len)
    if (i === 3) {
      add(`4 0 obj\n<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${img.length} >>\nstream\n`)
      add(img.toString('latin1'))
      add('\nendstream\nendobj\n')
    } else if (i === 4) add(`5 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`)
    else add(`${i + 1} 0 obj\n${objs[i]}\nendobj\n`)
  }
  const xref = len
  add(`xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  return Buffer.from(parts.join(''), 'latin1')
}

// ---------------------------------------------------------------------------

function hasSoffice() {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function toPdf(docxFiles) {
  const dir = mkdtempSync(join(tmpdir(), 'plan-fixtures-'))
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...docxFiles], { stdio: 'ignore', timeout: 300000 })
    for (const f of docxFiles) {
      const pdf = join(dir, basename(f).replace(/\.docx$/, '.pdf'))
      if (!existsSync(pdf)) throw new Error(`conversion failed for ${f}`)
      copyFileSync(pdf, f.replace(/\.docx$/, '.pdf'))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const sample = sampleBlocks()
writeFileSync(join(out, 'sample.txt'), blocksToText(sample))
writeFileSync(join(out, 'sample.docx'), buildDocx(sample, { header: '2012年完善就业服务体系和社会保障体系工作计划' }))
writeFileSync(join(out, 'merged-table.docx'), buildDocx(mergedTableBlocks(), { header: '某县“十四五”教育事业发展规划' }))
const docx = [join(out, 'sample.docx')]
const manifest = {}
for (const file of readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort()) {
  const name = file.replace(/\.txt$/, '')
  if (!existsSync(join(goldDir, `${name}.outline.jsonl`))) continue
  const target = join(out, `seed-${name.slice(0, 3)}.docx`)
  const part = seedPart(name, SEED_LIMIT)
  manifest[basename(target, '.docx')] = { seed: name, end: part.end, headings: part.gold.length }
  writeFileSync(target, buildDocx(seedBlocks(part), { header: name.slice(0, 3) === '000' ? '苏州市人力资源和社会保障事业发展“十二五”规划' : '规划' }))
  docx.push(target)
}
writeFileSync(join(out, 'seeds.json'), `${JSON.stringify(manifest, null, 1)}\n`)
writeFileSync(join(out, 'scanned.pdf'), scannedPdf())
if (hasSoffice()) toPdf(docx)
else console.warn('soffice not found: PDF files not regenerated')
for (const f of readdirSync(out).sort()) console.log(`${f.padEnd(20)} ${statSync(join(out, f)).size} bytes`)
