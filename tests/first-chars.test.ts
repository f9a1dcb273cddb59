import { describe, expect, it } from 'vitest'
import { grammars } from '../src/core/grammars.js'
import { firstChars, indexByFirstChar } from '../src/core/first-chars.js'

describe('first characters of a pattern', () => {
  it('reads the first characters of a pattern, or says it cannot', () => {
    const chars = (p: string, fold = false): string | null => {
      const f = firstChars(p, fold)
      return f === null ? null : String.fromCharCode(...[...f].sort((a, b) => a - b))
    }
    expect(chars('(?<![0-9])[0-9]+年')).toBe('0123456789')
    expect(chars('第[一二]|(?:近|用)\\s*\\d')).toBe('用第近')
    expect(chars('\\b(?:box|no\\.)', true)).toBe('BNbn')
    expect(chars('[a-c]?d')).toBe('abcd')
    // optional pieces let what follows them start the match
    expect([0x4e2a, 0x20, 0x3000, 0x5e74].every((c) => firstChars('(?:个)?\\s*年', false)?.has(c))).toBe(true)
    // the empty string, any character, a negated class, a property escape: cannot tell
    expect(chars('a?')).toBe(null)
    expect(chars('.a')).toBe(null)
    expect(chars('[^a]')).toBe(null)
    expect(chars('\\p{Lu}')).toBe(null)
    // case folding also reaches ſ and the Kelvin sign
    expect(firstChars('s', true)?.has(0x17f)).toBe(true)
    expect(firstChars('k', true)?.has(0x212a)).toBe(true)
  })

  it('indexes items by first character, keeping their order and the undecidable ones everywhere', () => {
    const patterns = ['第[一二]章', '.*', '[第专]栏?', '附件']
    const index = indexByFirstChar(patterns, (p) => firstChars(p, false))
    expect(index.at('第'.charCodeAt(0))).toEqual(['第[一二]章', '.*', '[第专]栏?'])
    expect(index.at('附'.charCodeAt(0))).toEqual(['.*', '附件'])
    expect(index.at('x'.charCodeAt(0))).toEqual(['.*'])
    expect(index.possible['x'.charCodeAt(0)]).toBe(1)
  })

  it('can tell the first characters of every numbering scheme', () => {
    expect(grammars.schemes.filter((s) => firstChars(s.pattern, s.regex.ignoreCase) === null).map((s) => s.id)).toEqual([])
  })
})
