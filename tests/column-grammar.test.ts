import { describe, expect, it } from 'vitest'
import { columnGrammar, wholeHeader } from '../src/core/table-grammar.js'

describe('column header tests', () => {
  it('match a whole header, any case, or a header opening with a prefix', () => {
    const r = wholeHeader(['no.', 'remarks'], ['lead '])
    expect(r.test('No.')).toBe(true)
    expect(r.test('REMARKS')).toBe(true)
    expect(r.test('Lead Agency')).toBe(true)
    expect(r.test('Remarks on progress')).toBe(false)
    expect(r.test('Nox')).toBe(false)
    expect(r.test('Leader')).toBe(false)
  })

  it('read the never-quantity, unit and name columns of both languages from the table grammars', () => {
    expect(columnGrammar.zh.skipColumn.test('责任单位')).toBe(true)
    expect(columnGrammar.zh.skipColumn.test('2025年目标')).toBe(false)
    expect(columnGrammar.zh.unitColumn.test('计量单位')).toBe(true)
    expect(columnGrammar.en.skipColumn.test('Responsible Department')).toBe(true)
    expect(columnGrammar.en.skipColumn.test('Target for 2025')).toBe(false)
    expect(columnGrammar.en.unitColumn.test('Unit of Measurement')).toBe(true)
    expect(columnGrammar.en.indicatorNameColumn.test('Indicator Name')).toBe(true)
  })
})
