import { describe, expect, it } from 'vitest'
import { MappedTextBuilder, createLocator, inputSpan, mapIdentity, sliceMapped, trimMapped } from '../src/core/source-map.js'

/** `5.83\n\n亿元` joined to `5.83亿元` (the example of the module comment). */
function joined() {
  const input = '5.83\n\n亿元'
  const b = new MappedTextBuilder()
  b.appendSpan(input, 0, 4)
  b.appendSpan(input, 6, 8)
  return { input, m: b.build() }
}

describe('source map', () => {
  it('maps a joined text back to the input', () => {
    const { m } = joined()
    expect(m.text).toBe('5.83亿元')
    expect([...m.offsets]).toEqual([0, 1, 2, 3, 6, 7, 8])
    expect(inputSpan(m, 2, 6)).toEqual([2, 8])
  })

  it('slices without a copy when the next character follows in the input', () => {
    const { m } = joined()
    const s = sliceMapped(m, 4, 6)
    expect(s.text).toBe('亿元')
    expect([...s.offsets]).toEqual([6, 7, 8])
    expect(s.offsets.buffer).toBe(m.offsets.buffer)
  })

  it('copies and ends in the right sentinel when the next character was joined from further on', () => {
    const { m } = joined()
    const s = sliceMapped(m, 0, 4)
    expect(s.text).toBe('5.83')
    // the character after `3` in the text is 亿 at input 6; the slice must end at 4
    expect([...s.offsets]).toEqual([0, 1, 2, 3, 4])
    expect(s.offsets.buffer).not.toBe(m.offsets.buffer)
    expect(inputSpan(s, 4, 4)).toEqual([4, 4])
    expect(inputSpan(s, 0, 4)).toEqual([0, 4])
  })

  it('keeps an empty slice at its place', () => {
    const { m } = joined()
    expect(inputSpan(sliceMapped(m, 4, 4), 0, 0)).toEqual([6, 6])
  })

  it('trims blanks with their offsets', () => {
    const m = mapIdentity('  指标\u3000 ', 0, 6)
    const t = trimMapped(m)
    expect(t.text).toBe('指标')
    expect(inputSpan(t, 0, t.text.length)).toEqual([2, 4])
  })

  it('gives 1-based lines and columns, and one point object per offset where nodes meet', () => {
    const loc = createLocator('一、目标\r\n增长5%\n')
    const a = loc.position(0, 4)
    const b = loc.position(4, 10)
    expect(a.end).toEqual({ line: 1, column: 5, offset: 4 })
    expect(loc.point(6)).toEqual({ line: 2, column: 1, offset: 6 })
    expect(b.end).toEqual({ line: 2, column: 5, offset: 10 })
    expect(b.start).toBe(a.end)
    // a different offset in the same cache slot gets its own, right point
    expect(loc.point(4 + 4096)).toEqual({ line: 3, column: 4100 - 11 + 1, offset: 4100 })
    expect(loc.point(4)).toEqual({ line: 1, column: 5, offset: 4 })
  })
})
