/** Small binary documents written by hand for the reader tests. */

/**
 * A one-page PDF written by hand: text in Helvetica at given positions
 * and stroked lines, enough for the PDF reader's text and table rules.
 */
export interface PdfText {
  x: number
  y: number
  text: string
}
export interface PdfLine {
  x0: number
  y0: number
  x1: number
  y1: number
}

export function onePagePdf(texts: readonly PdfText[], lines: readonly PdfLine[]): Uint8Array {
  const esc = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`)
  const content = [
    '0.5 w',
    ...lines.map((l) => `${l.x0} ${l.y0} m ${l.x1} ${l.y1} l S`),
    ...texts.map((t) => `BT /F1 10 Tf ${t.x} ${t.y} Td (${esc(t.text)}) Tj ET`),
  ].join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}

/** A zip of stored (uncompressed) entries: enough for a hand-built DOCX. */
export function storedZip(files: ReadonlyArray<readonly [string, string]>): Uint8Array {
  const enc = new TextEncoder()
  const parts: Uint8Array[] = []
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
    parts.push(local)
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
  for (const part of [...parts, ...centrals, end]) {
    out.set(part, p)
    p += part.length
  }
  return out
}

/** A DOCX table cell: text, and the columns it spans or its place in a vertical merge. */
export type DocxCell = string | { text?: string; span?: number; vMerge?: 'restart' | 'continue' }

/** A DOCX of paragraphs, then one table, then paragraphs. */
export function tableDocx(before: readonly string[], rows: ReadonlyArray<readonly DocxCell[]>, after: readonly string[]): Uint8Array {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
  const para = (t: string): string => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`
  const cell = (c: DocxCell): string => {
    const { text = '', span = 1, vMerge } = typeof c === 'string' ? { text: c } : c
    const props = `${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${vMerge ? `<w:vMerge${vMerge === 'restart' ? ' w:val="restart"' : ''}/>` : ''}`
    return `<w:tc><w:tcPr>${props}</w:tcPr>${para(text)}</w:tc>`
  }
  const table = `<w:tbl>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`
  const document = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${before.map(para).join('')}${table}${after.map(para).join('')}</w:body></w:document>`
  return storedZip([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['word/document.xml', document],
  ])
}
