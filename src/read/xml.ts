/**
 * A small XML reader for the parts of an Office document: elements,
 * attributes and text, entities decoded. No DTDs, no namespaces resolved
 * (names keep their prefixes, as `w:p`), which is all OOXML needs.
 */

export interface XmlElement {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
}
export type XmlNode = XmlElement | string

const TOKEN = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|([^<]+)/g
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g
const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(ENTITY, (_, e: string) => {
    if (e[0] !== '#') return NAMED[e] ?? ''
    const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10)
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : ''
  })
}

/** Parse an XML document into its root element. */
export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] }
  const stack: XmlElement[] = [root]
  TOKEN.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = TOKEN.exec(source))) {
    const top = stack[stack.length - 1]!
    if (m[2]) {
      if (m[1]) {
        // closing tag: pop to the matching element (tolerates stray closers)
        for (let i = stack.length - 1; i > 0; i--) {
          if (stack[i]!.name === m[2]) {
            stack.length = i
            break
          }
        }
        continue
      }
      const attrs: Record<string, string> = {}
      if (m[3]) for (const a of m[3].matchAll(ATTR)) attrs[a[1]!] = decodeEntities(a[2] ?? a[3] ?? '')
      const el: XmlElement = { name: m[2], attrs, children: [] }
      top.children.push(el)
      if (!m[4]) stack.push(el)
    } else if (m[5] !== undefined) top.children.push(m[5])
    else if (m[6] !== undefined && stack.length > 1) top.children.push(decodeEntities(m[6]))
  }
  const first = root.children.find((c): c is XmlElement => typeof c !== 'string')
  return first ?? root
}

/** Child elements of `el`, optionally only those named `name`. */
export function elements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = []
  for (const c of el.children) if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c)
  return out
}

/** The first child element named `name`. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c
  return undefined
}

/** `w:val` (or another attribute) of the child named `name`. */
export function childVal(el: XmlElement | undefined, name: string, attr = 'w:val'): string | undefined {
  return child(el, name)?.attrs[attr]
}
