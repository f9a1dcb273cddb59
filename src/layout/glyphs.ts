/**
 * Punctuation that a broken PDF font map gave as wrong code points.
 *
 * Some PDF fonts map their GB 2312 punctuation to the code point of its
 * GB byte pair: `，` (GB A3AC) comes out as the Yi syllable `ꎬ` U+A3AC,
 * `。` as `ꎮ`. A document whose Yi-block characters are all such isolated
 * stand-ins (real Yi text runs syllable after syllable) gets them read as
 * the punctuation (`grammars/layout.json` `wrongGlyphs`). Each replacement
 * is one UTF-16 unit for one, so every offset stays the input's; the input
 * itself (and so every `raw`) is unchanged.
 *
 * ```
 * 加大创业信贷支持力度ꎮ创业担保贷款…   →   加大创业信贷支持力度。创业担保贷款…
 * ```
 */
import type { ParseContext } from '../core/context.js'
import { grammars } from '../core/grammars.js'

interface GlyphTable {
  suspect: Array<[number, number]>
  map: Map<number, string>
  withRepair: Map<number, string>
}

const table: GlyphTable = (() => {
  const g = grammars.layout.wrongGlyphs
  const codes = (r: Record<string, string>): Map<number, string> => new Map(Object.entries(r).map(([k, v]) => [k.charCodeAt(0), v]))
  return {
    suspect: g.suspect.map(([a, b]) => [parseInt(a, 16), parseInt(b, 16)]),
    map: codes(g.map),
    withRepair: codes(g.withRepair),
  }
})()

function isSuspect(c: number): boolean {
  return table.suspect.some(([a, b]) => c >= a && c <= b)
}

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)
}

/**
 * Whether the suspect characters of `input` are wrong-map punctuation: at
 * least one is in the map, no run of adjacent suspect characters holds one
 * outside it, and Han characters outnumber them.
 */
function wronglyMapped(input: string): boolean {
  let suspect = 0
  let mapped = 0
  let han = 0
  let runStart = -1
  let runForeign = false
  for (let i = 0; i <= input.length; i++) {
    const c = i < input.length ? input.charCodeAt(i) : -1
    if (c >= 0 && isSuspect(c)) {
      suspect++
      if (table.map.has(c)) mapped++
      else runForeign = true
      if (runStart < 0) runStart = i
      continue
    }
    if (runStart >= 0 && i - runStart >= 2 && runForeign) return false
    runStart = -1
    runForeign = false
    if (c >= 0 && isHan(c)) han++
  }
  return mapped > 0 && han > suspect
}

/**
 * `input` with wrong-map punctuation replaced, one unit for one; the input
 * itself when it has none. Adds a `wrong-glyphs` message when it repairs.
 */
export function repairGlyphs(input: string, ctx: ParseContext): string {
  let first = -1
  for (let i = 0; i < input.length; i++) {
    if (isSuspect(input.charCodeAt(i))) {
      first = i
      break
    }
  }
  if (first < 0 || !wronglyMapped(input)) return input
  const counts = new Map<string, number>()
  const parts: string[] = []
  let from = 0
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i)
    const to = table.map.get(c) ?? table.withRepair.get(c)
    if (to === undefined) continue
    parts.push(input.slice(from, i), to)
    from = i + 1
    const key = `${input[i]}→${to}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  parts.push(input.slice(from))
  const detail = [...counts].map(([k, n]) => `${k} ×${n}`).join(', ')
  ctx.warn('wrong-glyphs', ctx.locator.position(first, first + 1), detail)
  return parts.join('')
}
