/**
 * The one-pass mask equals running every not-quantity pattern on its own
 * over the whole text (the definition in the grammar files).
 */
import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import notQuantities from '../grammars/zh/not-quantities.json'
import notQuantitiesEn from '../grammars/en/not-quantities.json'
import { compileMasks, maskOf, type MaskSource } from '../src/quantities/masks.js'

/** The definition: each pattern's own global scan, every match masked. */
function maskByEachPattern(text: string, sources: readonly MaskSource[], caseInsensitive: boolean): number[] {
  const mask = new Array<number>(text.length + 1).fill(0)
  for (const s of sources) {
    const insensitive = s.caseSensitive === undefined ? caseInsensitive : !s.caseSensitive
    for (const m of text.matchAll(new RegExp(s.pattern, insensitive ? 'giu' : 'gu'))) mask.fill(1, m.index, m.index + m[0].length)
  }
  return mask
}

const SEEDS = new URL('../seeds/', import.meta.url)
const seedLines = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(new URL(f, SEEDS), 'utf8').split(/(?<=[。；\n])/))

const zh = notQuantities.masks as MaskSource[]
const en = notQuantitiesEn.masks as MaskSource[]
const zhSet = compileMasks(zh)
const enSet = compileMasks(en, true)

describe('not-quantity masks', () => {
  it('match the pattern-by-pattern definition on every line of the seeds', () => {
    let differing = 0
    for (const line of seedLines) {
      if ([...maskOf(line, zhSet)].join() !== maskByEachPattern(line, zh, false).join()) differing++
      if ([...maskOf(line, enSet)].join() !== maskByEachPattern(line, en, true).join()) differing++
    }
    expect(seedLines.length).toBeGreaterThan(1000)
    expect(differing).toBe(0)
  })

  it('match it on any mix of numerals, unit words and quotes', () => {
    const pieces = ['十四五', '“', '”', '"', '第', '3', '12', '2021', '年', '月', '日', '个', '项', '级', '一批', '近', '5', '〔', '〕', '号', '+', 'N', '季度', '两会', 'Article ', 'ARTICLE ', 'the 14th', 'ſection ', 'BOX ', '\u212a', 'within ', 'years', 'Jan. ', '(', ')', ' ', '，', '内']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('')
        expect([...maskOf(text, zhSet)]).toEqual(maskByEachPattern(text, zh, false))
        expect([...maskOf(text, enSet)]).toEqual(maskByEachPattern(text, en, true))
      }),
      { numRuns: 500 },
    )
  })

  it('leaves no state behind between calls', () => {
    const text = '近5年，“十四五”时期'
    expect([...maskOf(text, zhSet)]).toEqual([...maskOf(text, zhSet)])
    expect(zhSet.each.every((re) => re.lastIndex === 0)).toBe(true)
  })
})
