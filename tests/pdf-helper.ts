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
