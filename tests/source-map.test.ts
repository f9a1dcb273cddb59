import { describe, expect, it } from 'vitest'
import { MappedTextBuilder, inputSpan, mapIdentity, sliceMapped, trimMapped } from '../src/source-map.js'

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
})
