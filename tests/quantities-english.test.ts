/**
 * English quantities: the finder (`findEnglishQuantities`), the insertion
 * into Latin sentences and cells (`insertEnglishQuantities`) and the roles
 * (`assignEnglishRoles`), on short cases and on the fixtures in
 * `fixtures/english/`, whose expected quantities were written by hand
 * before the code ran.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createContext } from '../src/core/context.js'
import { readBlocks } from '../src/layout/index.js'
import { parsePlan } from '../src/parse.js'
import { findEnglishQuantities, englishUnitFromText, insertEnglishQuantities } from '../src/quantities/english.js'
import { createLocator } from '../src/core/source-map.js'
import { buildTree } from '../src/structure/tree.js'
import { englishPlanPeriod } from '../src/meaning/english-roles.js'
import type { QuantityRecord, Root } from '../src/core/types.js'

type Expect = Partial<{ raw: string; value: number; min: number; max: number; unit: string; classifier: string; qualifier: string; inherited: boolean }>

/** The first quantity of a text, with its raw span. */
function first(text: string): (Expect & { raw: string }) | undefined {
  const m = findEnglishQuantities(text)[0]
  if (!m) return undefined
  const { numberStart: _s, numberEnd: _e, start, end, ...rest } = m
  return { ...rest, raw: text.slice(start, end) }
}

describe('findEnglishQuantities: notations', () => {
  it.each<[string, Expect]>([
    ['10 million', { raw: '10 million', value: 10000000, unit: 'none', qualifier: 'eq' }],
    ['1.5 million people', { raw: '1.5 million people', value: 1500000, unit: 'person' }],
    ['146.23 million persons', { value: 146230000, unit: 'person' }],
    ['5.5 percent', { raw: '5.5 percent', value: 5.5, unit: 'percent' }],
    ['5.5 per cent', { value: 5.5, unit: 'percent' }],
    ['5.5%', { raw: '5.5%', value: 5.5, unit: 'percent' }],
    ['0.3 percentage points', { value: 0.3, unit: 'percentage-point' }],
    ['1 percentage point', { value: 1, unit: 'percentage-point' }],
    ['RMB 1,624 per person per month', { raw: 'RMB 1,624 per person per month', value: 1624, unit: 'CNY/person/month' }],
    ['RMB 960 per month', { value: 960, unit: 'CNY/month' }],
    ['RMB 1.2 trillion', { raw: 'RMB 1.2 trillion', value: 1200000000000, unit: 'CNY' }],
    ['5.83 billion yuan', { raw: '5.83 billion yuan', value: 5830000000, unit: 'CNY' }],
    ['1,200 yuan', { value: 1200, unit: 'CNY' }],
    ['US$ 10,000', { value: 10000, unit: 'USD' }],
    ['$2.5 billion', { value: 2500000000, unit: 'USD' }],
    ['3 billion US dollars', { value: 3000000000, unit: 'USD' }],
    ['2.5 times', { value: 2.5, unit: 'multiple' }],
    ['a twofold increase', { raw: 'twofold', value: 2, unit: 'multiple' }],
    ['180,000 square metres', { value: 180000, unit: 'm2' }],
    ['120 square kilometres', { value: 120, unit: 'km2' }],
    ['5,000 mu', { value: 5000, unit: 'mu' }],
    ['11.3 years', { value: 11.3, unit: 'year' }],
    ['6 months', { value: 6, unit: 'month' }],
    ['15 days', { value: 15, unit: 'day' }],
    ['300 kilometres', { value: 300, unit: 'km' }],
    ['6.5 million tonnes', { value: 6500000, unit: 'ton' }],
    ['2 million person-times', { value: 2000000, unit: 'person-time' }],
    ['50,000 households', { value: 50000, unit: 'household' }],
    ['build 20 elderly care centres', { raw: '20', value: 20, unit: 'count', classifier: 'centres' }],
    ['30 incubators', { raw: '30 incubators', value: 30, unit: 'count', classifier: 'incubators' }],
    ['6.3 million new urban jobs', { raw: '6.3 million', value: 6300000, unit: 'person' }],
    ['two million', { value: 2000000, unit: 'none' }],
    ['three percent', { value: 3, unit: 'percent' }],
    ['twenty-five percent', { value: 25, unit: 'percent' }],
    ['1,000 Mbps', { value: 1000, unit: 'Mbps' }],
    ['35 micrograms per cubic metre', { value: 35, unit: 'ug/m3' }],
    ['aged 60 and above', { raw: '60 and above', value: 60, unit: 'age', qualifier: 'gte' }],
  ])('should read %s when it is written that way', (text, want) => {
    expect(first(text)).toMatchObject(want)
  })

  it('should not read a currency word for two numbers when it stands between them', () => {
    // found by the property test: 1,624 RMB and RMB 1 overlapped
    expect(findEnglishQuantities('1,624 RMB 1.').map((m) => [m.start, m.end, m.value, m.unit])).toEqual([[0, 9, 1624, 'CNY']])
  })

  it('should shift the decimal point exactly when a scale word follows a decimal', () => {
    expect(first('0.07 billion')?.value).toBe(70000000)
    expect(first('146.23 million')?.value).toBe(146230000)
    expect(first('1.1 trillion yuan')?.value).toBe(1100000000000)
  })
})

describe('findEnglishQuantities: qualifiers and ranges', () => {
  it.each<[string, Expect]>([
    ['at least 98%', { raw: 'at least 98%', value: 98, qualifier: 'gte' }],
    ['no less than 90 percent', { qualifier: 'gte' }],
    ['not less than 10 persons', { value: 10, unit: 'person', qualifier: 'gte' }],
    ['more than 5 million', { raw: 'more than 5 million', qualifier: 'gt' }],
    ['over 90%', { qualifier: 'gt' }],
    ['above 60%', { qualifier: 'gt' }],
    ['exceeding 1,000 persons', { qualifier: 'gt' }],
    ['up to RMB 200,000', { raw: 'up to RMB 200,000', value: 200000, unit: 'CNY', qualifier: 'lte' }],
    ['no more than 4%', { raw: 'no more than 4%', value: 4, qualifier: 'lte' }],
    ['not more than 3 days', { unit: 'day', qualifier: 'lte' }],
    ['within 5.5%', { raw: 'within 5.5%', value: 5.5, qualifier: 'lte' }],
    ['below 5%', { qualifier: 'lt' }],
    ['under 8 percent', { qualifier: 'lt' }],
    ['less than 0.5%', { qualifier: 'lt' }],
    ['about 45%', { raw: 'about 45%', value: 45, qualifier: 'approx' }],
    ['around 3 million', { qualifier: 'approx' }],
    ['approximately 12 percent', { qualifier: 'approx' }],
    ['nearly 40,000 people', { value: 40000, unit: 'person', qualifier: 'approx' }],
    ['some 300 enterprises', { value: 300, unit: 'count', classifier: 'enterprises', qualifier: 'approx' }],
    ['roughly 2 billion yuan', { qualifier: 'approx' }],
    ['98% or above', { raw: '98% or above', qualifier: 'gte' }],
    ['10,000 or more', { raw: '10,000 or more', value: 10000, qualifier: 'gte' }],
    ['3 to 5 million', { raw: '3 to 5 million', min: 3000000, max: 5000000, unit: 'none', qualifier: 'range' }],
    ['3 to 5 million people', { min: 3000000, max: 5000000, unit: 'person', qualifier: 'range' }],
    ['3-5 million people', { min: 3000000, max: 5000000, unit: 'person', qualifier: 'range' }],
    ['between 3 and 5 million people', { raw: 'between 3 and 5 million people', min: 3000000, max: 5000000, qualifier: 'range' }],
    ['6.0%–6.5%', { raw: '6.0%–6.5%', min: 6, max: 6.5, unit: 'percent', qualifier: 'range' }],
    ['1-2 times', { min: 1, max: 2, unit: 'multiple' }],
  ])('should read %s with its qualifier when the words bound the number', (text, want) => {
    expect(first(text)).toMatchObject(want)
  })

  it('should give the first number the unit of the second when the text says from … to', () => {
    const ms = findEnglishQuantities('raised from 929 to 1,624 yuan per person per month')
    expect(ms).toHaveLength(2)
    expect(ms[0]).toMatchObject({ value: 929, unit: 'CNY/person/month', inherited: true, qualifier: 'eq' })
    expect(ms[1]).toMatchObject({ value: 1624, unit: 'CNY/person/month', qualifier: 'eq' })
  })

  it.each<[string, Expect[]]>([
    ['visitors will grow from 5 to 10 million', [{ value: 5000000, unit: 'none', inherited: true }, { value: 10000000, unit: 'none' }]],
    ['the service will reach from 2 to 4.5 million people', [{ value: 2000000, unit: 'person', inherited: true }, { value: 4500000, unit: 'person' }]],
    ['installed capacity will grow from 3 to 6.5 gigawatts', [{ value: 3000000, unit: 'kW', inherited: true }, { value: 6500000, unit: 'kW' }]],
    ['life expectancy will rise by 1 year to 79.5 years', [{ value: 1, unit: 'year', qualifier: 'eq' }, { value: 79.5, unit: 'year', qualifier: 'eq' }]],
  ])('should read two quantities with the scale shared when %s', (text, want) => {
    expect(findEnglishQuantities(text)).toMatchObject(want)
  })

  it('should keep a range when a change is given by two bare ends', () => {
    expect(first('incomes will grow by 6 to 7 percent')).toMatchObject({ min: 6, max: 7, unit: 'percent', qualifier: 'range' })
  })

  it('should share the unit of the last item when a list names it once', () => {
    const ms = findEnglishQuantities('rates of 70 and 80 percent respectively')
    expect(ms.map((m) => [m.value, m.unit])).toEqual([[70, 'percent'], [80, 'percent']])
    expect(ms[0]!.inherited).toBe(true)
  })

  it('should make a money amount per person when per capita names it', () => {
    expect(first('per capita disposable income of RMB 32,189')).toMatchObject({ value: 32189, unit: 'CNY/person' })
    expect(first('per capita GDP of over US$ 12,000')).toMatchObject({ value: 12000, unit: 'USD/person', qualifier: 'gt' })
  })
})

describe('findEnglishQuantities: what is not a quantity', () => {
  it.each([
    ['by 2025'],
    ['in 2020'],
    ['from 2021 to 2025'],
    ['2021-2025'],
    ['the 14th Five-Year Plan'],
    ['the 1st, 2nd and 3rd places'],
    ['Article 12 of the law'],
    ['Chapter 3 and Section 2'],
    ['Box 1 Main Indicators'],
    ['(1) Key groups'],
    ['on December 31, 2020'],
    ['on 1 January 2021'],
    ['within five years'],
    ['over the past 5 years'],
    ['for three consecutive years'],
    ['a three-year action plan'],
    ['5G networks'],
    ['COVID-19 response'],
    ['Document [2021] No. 21'],
    ['one of the three key tasks'],
    ['the 12333 hotline'],
    ['2.9 doctors per 1,000 persons'.slice(4)],
  ])('should find nothing in %s when the number is no amount', (text) => {
    expect(findEnglishQuantities(text)).toEqual([])
  })

  it('should keep the amount and drop the denominator when a rate names one', () => {
    const ms = findEnglishQuantities('3.2 licensed doctors per 1,000 persons')
    expect(ms).toHaveLength(1)
    expect(ms[0]).toMatchObject({ value: 3.2, unit: 'person' })
  })
})

describe('englishUnitFromText', () => {
  it.each<[string, { code: string; factor: number } | null]>([
    ['%', { code: 'percent', factor: 1 }],
    ['10,000 persons', { code: 'person', factor: 10000 }],
    ['100 million yuan', { code: 'CNY', factor: 100000000 }],
    ['years', { code: 'year', factor: 1 }],
    ['yuan per person per month', { code: 'CNY/person/month', factor: 1 }],
    ['RMB', { code: 'CNY', factor: 1 }],
    ['Expected', null],
  ])('should read the unit %s when a table names it', (text, want) => {
    const u = englishUnitFromText(text)
    expect(u ? { code: u.code, factor: u.factor } : null).toEqual(want)
  })
})

describe('findEnglishQuantities: properties', () => {
  const decimal = fc.tuple(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 3 })).map(([i, f, places]) => (places === 0 ? `${i}` : `${i}.${String(f).padStart(3, '0').slice(0, places)}`))
  const grouped = (s: string): string => {
    const [int, frac] = s.split('.')
    const g = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
    return frac === undefined ? g : `${g}.${frac}`
  }
  /** The exact decimal value of "N × 10^k" computed on strings, not floats. */
  const exact = (s: string, k: number): number => {
    const [int, frac = ''] = s.split('.')
    const digits = (int! + frac).replace(/^0+(?=\d)/, '')
    return Number(`${digits}e${k - frac.length}`)
  }

  it('should read "N million" back exactly when N is any decimal', () => {
    fc.assert(
      fc.property(decimal, (n) => {
        const ms = findEnglishQuantities(`the total will reach ${n} million this year`)
        expect(ms).toHaveLength(1)
        expect(ms[0]!.value).toBe(exact(n, 6))
      }),
    )
  })

  it('should read "N percent" back exactly when N is any decimal', () => {
    fc.assert(
      fc.property(decimal, (n) => {
        const ms = findEnglishQuantities(`a rate of ${n} percent`)
        expect(ms).toHaveLength(1)
        expect(ms[0]).toMatchObject({ value: exact(n, 0), unit: 'percent' })
      }),
    )
  })

  it('should read "RMB N" back exactly when N has thousands separators', () => {
    fc.assert(
      fc.property(decimal, (n) => {
        const text = `subsidies of RMB ${grouped(n)} each`
        const ms = findEnglishQuantities(text)
        expect(ms).toHaveLength(1)
        expect(ms[0]).toMatchObject({ value: exact(n, 0), unit: 'CNY' })
        expect(text.slice(ms[0]!.start, ms[0]!.end)).toBe(`RMB ${grouped(n)}`)
      }),
    )
  })

  it('should stay correct on long runs of digits, commas and words when the input is adversarial', () => {
    const text = `${'1,'.repeat(20000)}5 million ${'9'.repeat(20000)} ${'at least '.repeat(5000)}98% ${'per person '.repeat(3000)}`
    const ms = findEnglishQuantities(text)
    for (const m of ms) expect(m.end).toBeLessThanOrEqual(text.length)
    expect(ms.some((m) => m.value === 98 && m.qualifier === 'gte')).toBe(true)
  })

  it('should return ordered, non-overlapping spans inside the text when the text is arbitrary', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const ms = findEnglishQuantities(s)
        let at = 0
        for (const m of ms) {
          expect(m.start).toBeGreaterThanOrEqual(at)
          expect(m.end).toBeGreaterThan(m.start)
          expect(m.end).toBeLessThanOrEqual(s.length)
          at = m.end
        }
      }),
    )
  })
})

describe('assignEnglishRoles', () => {
  const plan = (body: string): string => `The 14th Five-Year Plan for Employment of X City\n\n${body}\n`
  type RoleCase = [title: string, text: string, role: string, year: number | null]
  it.each<RoleCase>([
    ['target when a sentence says by 2025', plan('Chapter 1 Main Targets\n\nBy 2025, the coverage rate will reach 95%.'), 'target', 2025],
    ['target for the plan period when a target section gives no year', plan('Chapter 1 Main Targets\n\nThe coverage rate will reach 95%.'), 'target', 2025],
    ['actual when a sentence says in 2020', plan('Chapter 1 Main Targets\n\nIn 2020, the coverage rate was 91%.'), 'actual', 2020],
    ['actual for the last year before the plan when an Achievements section gives no year', plan('Chapter 1 Achievements\n\nThe coverage rate reached 91%.'), 'actual', 2020],
    ['actual for the period end when the text names the previous plan period', plan('Chapter 1 Development Environment\n\nDuring the 13th Five-Year Plan period, 6.3 million new urban jobs were created.'), 'actual', 2020],
    ['other when a figure is a forecast', plan('Chapter 1 Outlook\n\nThe working-age population is projected to fall by 5%.'), 'other', 2025],
    ['target when keep … within states a limit', plan('Part I Main Tasks\n\nKeep the surveyed urban unemployment rate within 5.5%.'), 'target', 2025],
  ])('should give role %s', (_title, text, role, year) => {
    const { quantities } = parseWithEnglish(text)
    expect(quantities).toHaveLength(1)
    expect([quantities[0]!.role, quantities[0]!.year]).toEqual([role, year])
  })

  it('should name the metric and the change when a sentence reduces something by a share', () => {
    const { quantities } = parseWithEnglish(plan('Chapter 1 Main Targets\n\nEnergy consumption per unit of GDP will be reduced by 13.5%.'))
    expect(quantities[0]).toMatchObject({ metric: 'Energy consumption per unit of GDP', change: { direction: 'decrease', period: 'cumulative' } })
  })

  it.each<[string, string, object]>([
    ['an average annual rate', 'GDP will grow at an average annual rate of 6%.', { metric: 'GDP', change: { direction: 'increase', period: 'annual' } }],
    ['a drop compared with a base year', 'Carbon dioxide emissions per unit of GDP will drop by 18% compared with 2020.', { change: { direction: 'decrease', period: 'cumulative', baseYear: 2020 } }],
    ['a level reached, not a change', 'The coverage rate of basic medical insurance will stay at 95%.', { metric: 'coverage rate of basic medical insurance', change: null }],
  ])('should read the change of %s when a sentence states it', (_name, sentence, want) => {
    const { quantities } = parseWithEnglish(plan(`Chapter 1 Main Targets\n\n${sentence}`))
    const q = quantities[0]!
    expect({ ...q, change: q.change ?? null }).toMatchObject(want)
  })

  it('should date a baseline by its own year when a sentence says from … in 2020 to …', () => {
    const { quantities } = parseWithEnglish(plan('Chapter 1 Main Targets\n\nThe urbanization rate will rise from 60.6% in 2020 to 65%.'))
    expect(quantities.map((q) => [q.raw, q.role, q.year, q.metric])).toEqual([
      ['60.6%', 'actual', 2020, 'urbanization rate'],
      ['65%', 'target', 2025, 'urbanization rate'],
    ])
  })

  it('should read Baseline and Target columns when a table names them instead of years', () => {
    const text = plan('Box 1 Main Indicators\n\nIndicator\tUnit\tBaseline\tTarget\tAttribute\nGrain output\t100 million tonnes\t6.69\t>6.5\tBinding\nForest coverage\t%\t23.04*\t24.1\tBinding')
    const { quantities } = parseWithEnglish(text)
    expect(quantities.map((q) => [q.raw, q.value, q.unit, q.qualifier, q.role, q.year, q.metric])).toEqual([
      ['6.69', 669000000, 'ton', 'eq', 'actual', 2020, 'Grain output'],
      ['>6.5', 650000000, 'ton', 'gt', 'target', 2025, 'Grain output'],
      ['23.04*', 23.04, 'percent', 'eq', 'actual', 2020, 'Forest coverage'],
      ['24.1', 24.1, 'percent', 'eq', 'target', 2025, 'Forest coverage'],
    ])
  })
})

// ---------------------------------------------------------------------------
// End to end through parsePlan: Latin sentences and tables are read by the
// English finder only, everything else by the Chinese one.

function parseWithEnglish(text: string): { tree: Root; quantities: QuantityRecord[] } {
  const { tree, quantities } = parsePlan(text)
  return { tree, quantities }
}

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/english/${name}`, import.meta.url), 'utf8')

type Row = [raw: string, value: number | [number, number], unit: string, qualifier: string, role: string, year: number | null]

function view(q: QuantityRecord): Row {
  return [q.raw, q.value ?? [q.min!, q.max!], q.unit, q.qualifier, q.role, q.year]
}

describe('English fixtures end to end', () => {
  it('should read the outline fixture into the hand-written quantities when it is parsed', () => {
    const text = fixture('outline.txt')
    const { quantities } = parseWithEnglish(text)
    const expected: Row[] = [
      ['6.3 million', 6300000, 'person', 'eq', 'actual', 2020],
      ['3.2%', 3.2, 'percent', 'eq', 'actual', 2020],
      ['45.6 million', 45600000, 'person', 'eq', 'actual', 2020],
      ['RMB 1,280', 1280, 'CNY/month', 'eq', 'actual', 2020],
      ['RMB 1,620 per month', 1620, 'CNY/month', 'eq', 'actual', 2020],
      ['About 1.2 million', 1200000, 'person', 'approx', 'actual', 2020],
      ['350,000 people', 350000, 'person', 'eq', 'actual', 2020],
      ['at least 5.5 million', 5500000, 'person', 'gte', 'target', 2025],
      ['within 5.5%', 5.5, 'percent', 'lte', 'target', 2025],
      ['no more than 4.5%', 4.5, 'percent', 'lte', 'target', 2025],
      ['95 percent', 95, 'percent', 'eq', 'target', 2025],
      ['RMB 250 per person per month', 250, 'CNY/person/month', 'eq', 'target', 2025],
      ['about 6 percent', 6, 'percent', 'approx', 'target', 2025],
      ['30', 30, 'count', 'eq', 'target', 2025],
      ['no fewer than 10', 10, 'count', 'gte', 'target', 2025],
      ['3 to 5 million person-times', [3000000, 5000000], 'person-time', 'range', 'target', 2025],
      ['up to RMB 20,000 per person', 20000, 'CNY/person', 'lte', 'target', 2025],
    ]
    expect(quantities.map(view)).toEqual(expected)
    // raw is the exact input substring at the node's position
    for (const q of quantities) expect(text.slice(q.position.start.offset!, q.position.end.offset!)).toBe(q.raw)
  })

  it('should name the metrics and changes of the outline fixture when sentences name them', () => {
    const { quantities } = parseWithEnglish(fixture('outline.txt'))
    const by = (raw: string): QuantityRecord => quantities.find((q) => q.raw === raw)!
    expect(by('6.3 million').metric).toBe('new urban jobs')
    expect(by('3.2%').metric).toBe('registered urban unemployment rate')
    expect(by('within 5.5%').metric).toBe('surveyed urban unemployment rate')
    expect(by('95 percent').metric).toBe('participation rate of basic old-age insurance')
    expect(by('About 1.2 million').metric).toBe('rural workers')
    expect(by('30').classifier).toBe('incubators')
    expect(by('about 6 percent').change).toEqual({ direction: 'increase', period: 'annual' })
    expect(by('about 6 percent').metric).toBe('Per capita disposable income')
  })

  it('should read the indicator table fixture into the hand-written quantities when it is parsed', () => {
    const text = fixture('indicators.txt')
    const { quantities } = parseWithEnglish(text)
    const expected: Row[] = [
      ['[63]', 630000, 'person', 'eq', 'actual', 2020],
      ['[>55]', 550000, 'person', 'gt', 'target', 2025],
      ['5.2', 5.2, 'percent', 'eq', 'actual', 2020],
      ['<5.5', 5.5, 'percent', 'lt', 'target', 2025],
      ['91', 91, 'percent', 'eq', 'actual', 2020],
      ['95', 95, 'percent', 'eq', 'target', 2025],
      ['1,620', 1620, 'CNY', 'eq', 'actual', 2020],
      ['2,100', 2100, 'CNY', 'eq', 'target', 2025],
      ['5.3%', 5.3, 'percent', 'eq', 'target', 2025],
      ['10.8', 10.8, 'year', 'eq', 'actual', 2020],
      ['11.3', 11.3, 'year', 'eq', 'target', 2025],
      ['2.1', 21000, 'person', 'eq', 'actual', 2020],
      ['3.0', 30000, 'person', 'eq', 'target', 2025],
      ['7.4%', 7.4, 'percent', 'eq', 'target', 2025],
    ]
    expect(quantities.map(view)).toEqual(expected)
    const by = (raw: string): QuantityRecord => quantities.find((q) => q.raw === raw)!
    expect(by('5.2').metric).toBe('Surveyed urban unemployment rate')
    expect(by('7.4%').change).toEqual({ direction: 'increase', period: 'annual' })
    expect(by('[63]').inherited).toBe(true)
  })

  it('should read the plan period from an English title when the tree has none', () => {
    const { tree } = parseWithEnglish(fixture('outline.txt'))
    expect(englishPlanPeriod(tree)).toEqual({ start: 2021, end: 2025 })
  })

  it('should leave Chinese sentences to the Chinese finder when a document mixes languages', () => {
    const text = '一、主要目标\n城镇登记失业率控制在4%以内。\n\nBy 2025, the surveyed urban unemployment rate will be kept within 5.5%.\n'
    const { quantities } = parseWithEnglish(text)
    expect(quantities.map((q) => [q.raw, q.unit, q.qualifier])).toEqual([
      ['4%以内', 'percent', 'lte'],
      ['within 5.5%', 'percent', 'lte'],
    ])
    expect(quantities[1]).toMatchObject({ role: 'target', year: 2025, metric: 'surveyed urban unemployment rate' })
  })

  it('should read a bilingual side-by-side table when it has an English name column', () => {
    const text = '十四五就业规划\n\n指标\tIndicator\t2020年\t2025年\t属性\n城镇新增就业（万人）\tNew urban jobs (10,000 persons)\t[63]\t[>55]\t预期性\n城镇调查失业率（%）\tSurveyed urban unemployment rate (%)\t5.2\t<5.5\t预期性\n'
    const { quantities } = parseWithEnglish(text)
    expect(quantities.map((q) => [q.raw, q.value, q.unit, q.qualifier, q.role, q.year, q.metric])).toEqual([
      ['[63]', 630000, 'person', 'eq', 'actual', 2020, 'New urban jobs'],
      ['[>55]', 550000, 'person', 'gt', 'target', 2025, 'New urban jobs'],
      ['5.2', 5.2, 'percent', 'eq', 'actual', 2020, 'Surveyed urban unemployment rate'],
      ['<5.5', 5.5, 'percent', 'lt', 'target', 2025, 'Surveyed urban unemployment rate'],
    ])
  })

  it('should read the English tree fixture when its sections review the past and set tasks', () => {
    const text = readFileSync(new URL('../fixtures/tree/english.txt', import.meta.url), 'utf8')
    const { quantities } = parseWithEnglish(text)
    expect(quantities.map((q) => [q.raw, q.unit, q.qualifier, q.role, q.year])).toEqual([
      ['6.3 million', 'person', 'eq', 'actual', 2020],
      ['about 3%', 'percent', 'approx', 'actual', 2020],
      ['above 90%', 'percent', 'gt', 'actual', 2020],
      ['About 1.2 million', 'person', 'approx', 'actual', 2020],
      ['no more than RMB 200,000', 'CNY', 'lte', 'target', 2025],
      ['30 incubators', 'count', 'eq', 'target', 2025],
    ])
  })

  it('should keep existing quantity nodes when a sentence already has them', () => {
    const text = 'By 2025, at least 5.5 million new urban jobs will be created.\n'
    const ctx = createContext(text, createLocator(text))
    const { blocks, form } = readBlocks(text, ctx)
    const tree = buildTree(blocks, form, ctx)
    insertEnglishQuantities(tree, ctx)
    const once = JSON.stringify(tree)
    insertEnglishQuantities(tree, ctx)
    expect(JSON.stringify(tree)).toBe(once)
  })
})

describe('options.lang', () => {
  const text = 'Chapter 1 Main Targets\n\nBy 2025, the surveyed urban unemployment rate will be kept within 5.5%.'

  it('should read English sentences with the English finder when lang is auto', () => {
    expect(parsePlan(text).quantities.map((q) => [q.raw, q.qualifier, q.role, q.year])).toEqual([['within 5.5%', 'lte', 'target', 2025]])
  })

  it('should read every sentence with the Chinese finder when lang is zh', () => {
    const raws = parsePlan(text, { lang: 'zh' }).quantities.map((q) => q.raw)
    expect(raws).not.toContain('within 5.5%')
  })

  it('should read a Chinese sentence with the English finder only when lang is en', () => {
    const zh = '二、主要目标\n城镇新增就业50万人以上。'
    expect(parsePlan(zh).quantities.map((q) => q.raw)).toEqual(['50万人以上'])
    expect(parsePlan(zh, { lang: 'en' }).quantities.map((q) => q.raw)).not.toEqual(['50万人以上'])
  })
})
