import { describe, expect, it } from 'vitest'
import { parseDocument } from '../src/index.js'
import { extractDocx } from '../src/read/docx.js'
import type { Nodes } from '../src/core/types.js'

/** A zip of stored (uncompressed) entries: enough for a hand-built DOCX. */
function storedZip(files: Array<[string, string]>): Uint8Array {
  const enc = new TextEncoder()
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const [name, content] of files) {
    const data = enc.encode(content)
    const nameBytes = enc.encode(name)
    const local = new Uint8Array(30 + nameBytes.length + data.length)
    const lv = new DataView(local.buffer)
    lv.setUint32(0, 0x04034b50, true)
    lv.setUint16(4, 20, true)
    lv.setUint32(18, data.length, true)
    lv.setUint32(22, data.length, true)
    lv.setUint16(26, nameBytes.length, true)
    local.set(nameBytes, 30)
    local.set(data, 30 + nameBytes.length)
    const central = new Uint8Array(46 + nameBytes.length)
    const cv = new DataView(central.buffer)
    cv.setUint32(0, 0x02014b50, true)
    cv.setUint16(4, 20, true)
    cv.setUint16(6, 20, true)
    cv.setUint32(20, data.length, true)
    cv.setUint32(24, data.length, true)
    cv.setUint16(28, nameBytes.length, true)
    cv.setUint32(42, offset, true)
    central.set(nameBytes, 46)
    locals.push(local)
    centrals.push(central)
    offset += local.length
  }
  const size = centrals.reduce((n, c) => n + c.length, 0)
  const end = new Uint8Array(22)
  const ev = new DataView(end.buffer)
  ev.setUint32(0, 0x06054b50, true)
  ev.setUint16(8, files.length, true)
  ev.setUint16(10, files.length, true)
  ev.setUint32(12, size, true)
  ev.setUint32(16, offset, true)
  const out = new Uint8Array(offset + size + 22)
  let p = 0
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, p)
    p += part.length
  }
  return out
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

/** A DOCX whose paragraphs use one two-level list: `第%1章` over `%1.%2`. */
function chapterDocx(legal: string): Uint8Array {
  const para = (ilvl: number, text: string): string =>
    `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`
  const document = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${[
    para(0, '总则'),
    para(1, '规划目的'),
    para(1, '规划范围'),
    para(0, '发展目标'),
    para(1, '总体目标'),
  ].join('')}</w:body></w:document>`
  const numbering = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/><w:suff w:val="space"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/>${legal}<w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:suff w:val="space"/></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
  return storedZip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['word/document.xml', document],
    ['word/numbering.xml', numbering],
  ])
}

describe('docx: list numbering', () => {
  it('should write 第%1章 over %1.%2 as 第一章 and 1.1 when the inner level is legal numbering (w:isLgl)', async () => {
    const { text } = await extractDocx(chapterDocx('<w:isLgl/>'))
    expect(text.split('\n').filter(Boolean)).toEqual(['第一章 总则', '1.1 规划目的', '1.2 规划范围', '第二章 发展目标', '2.1 总体目标'])
    const { tree } = await parseDocument(chapterDocx('<w:isLgl/>'))
    const headings: string[] = []
    const walk = (n: Nodes): void => {
      if (n.type === 'section') headings.push(`${n.marker.raw} ${n.depth}`)
      if ('children' in n) for (const c of n.children as Nodes[]) walk(c)
    }
    walk(tree)
    expect(headings).toEqual(['第一章 1', '1.1 2', '1.2 2', '第二章 1', '2.1 2'])
  })

  it('should write the outer level in its own format when w:isLgl is off', async () => {
    const { text } = await extractDocx(chapterDocx('<w:isLgl w:val="0"/>'))
    expect(text.split('\n').filter(Boolean)).toEqual(['第一章 总则', '一.1 规划目的', '一.2 规划范围', '第二章 发展目标', '二.1 总体目标'])
  })
})
