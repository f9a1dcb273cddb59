import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { englishRoleGrammar, roleGrammar, wholeWords } from '../src/meaning/grammar.js'

const read = (lang: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../grammars/${lang}/roles.json`, import.meta.url), 'utf8')) as Record<string, unknown>

describe('role cue grammars', () => {
  it('gives both languages the cue lists the shared rules read', () => {
    const zh = read('zh')
    const en = read('en')
    for (const key of ['headingTarget', 'targetCues', 'actualCues', 'forecastCues', 'annualCues', 'changeIncrease', 'columnGrowth', 'metricStripStart']) {
      expect(Array.isArray(zh[key]), `zh ${key}`).toBe(true)
      expect(Array.isArray(en[key]), `en ${key}`).toBe(true)
    }
    expect(roleGrammar.targetCues.length).toBeGreaterThan(0)
  })

  it('matches an English cue list as whole words, any case, phrases included', () => {
    const r = wholeWords(['kept within', 'aim'])
    expect(r.test('Unemployment is Kept Within 5.5%')).toBe(true)
    expect(r.test('the aim is clear')).toBe(true)
    expect(r.test('an aimless plan')).toBe(false)
    expect(r.test('kept withindrawn')).toBe(false)
  })

  it('escapes the characters a cue may hold', () => {
    const r = wholeWords(['approx. value'])
    expect(r.test('an approx. value')).toBe(true)
    expect(r.test('an approxa value')).toBe(false)
  })

  it('reads the English cues from the data file', () => {
    expect(englishRoleGrammar.cues.forecastCues.test('output is projected to rise')).toBe(true)
    expect(englishRoleGrammar.cues.targetCues.test('output rose last year')).toBe(false)
    expect(englishRoleGrammar.subjectCut.has('reached')).toBe(true)
    expect(englishRoleGrammar.metricStripEnd.has('about')).toBe(true)
  })
})

describe('English year cues', () => {
  const y = englishRoleGrammar.years
  it('tells a year of comparison and an opening year from the words before it', () => {
    expect(y.base.test('output will double compared  with the end of ')).toBe(true)
    expect(y.base.test('output was higher than in ')).toBe(true)
    expect(y.base.test('output will double by ')).toBe(false)
    expect(y.since.test('the rate has fallen since the ')).toBe(true)
    expect(y.since.test('the rate fell in ')).toBe(false)
  })

  it('reads a plan period written with a spelled ordinal', () => {
    y.plan.lastIndex = 0
    const m = y.plan.exec('During the Twelfth Five-Year Plan period output rose')
    expect(m?.[2]?.toLowerCase()).toBe('twelfth')
    expect(y.ordinals.get('twelfth')).toBe(12)
    expect(y.periodStart.test('at the beginning of the ')).toBe(true)
  })
})
