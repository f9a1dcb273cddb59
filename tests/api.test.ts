/** The public API, pinned: adding or removing an export is a deliberate change. */
import { describe, expect, it } from 'vitest'
import * as api from '../src/index.js'

describe('public API', () => {
  it('should export exactly these runtime names', () => {
    const functions = Object.keys(api).filter((k) => !k.endsWith('Schema')).sort()
    expect(functions).toEqual([
      'DecodeError',
      'UnsupportedInputError',
      'decode',
      'findQuantities',
      'getIndicator',
      'gloss',
      'glossLabel',
      'matchIndicator',
      'parseDocument',
      'parsePlan',
      'parseQuantity',
      'parseTree',
      'schemaRegistry',
    ])
  })

  it('should give the same tree from parseTree as from parsePlan when quantities are left out', () => {
    const text = '一、主要目标\n（一）稳定就业。城镇新增就业50万人。'
    const titles = (t: api.Root): string[] => JSON.stringify(t).match(/"title":"[^"]*"/g) ?? []
    expect(titles(api.parseTree(text).tree)).toEqual(titles(api.parsePlan(text).tree))
    expect(JSON.stringify(api.parseTree(text).tree)).not.toContain('"quantity"')
  })
})
