import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { gloss, glossKeys, glossKinds, glossLabel, type GlossKind } from '../src/output/glosses.js'
import { messageCodes } from '../src/core/messages.js'
import { matchMarker } from '../src/structure/numbering.js'

const read = (rel: string) => readFileSync(new URL(rel, import.meta.url), 'utf8')

/** Unit codes of the backquoted first column of UNITS.md's table. */
function unitCodesOfUnitsMd(): string[] {
  const codes: string[] = []
  for (const line of read('../eval/UNITS.md').split('\n')) {
    const m = /^\|\s*`([^`]+)`\s*\|/.exec(line)
    if (m?.[1]) codes.push(m[1])
  }
  return codes
}

/** Scheme ids of grammars/numbering.json. */
function schemeIds(): string[] {
  const json = JSON.parse(read('../grammars/numbering.json')) as { schemes: Array<{ id: string }> }
  return json.schemes.map((s) => s.id)
}

interface UnitGrammar {
  units: Array<{ text: string; code: string }>
  rates?: Array<{ suffix: string }>
  rateCodes?: string[]
}
const unitGrammars = (['zh', 'en'] as const).map((lang) => JSON.parse(read(`../grammars/${lang}/units.json`)) as UnitGrammar)

/** Every unit code the unit grammars can produce: each `code` anywhere in them, and each rate code with each rate suffix. */
function unitCodesOfGrammars(): string[] {
  const codes = new Set<string>()
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>
      if (typeof o.code === 'string') codes.add(o.code)
      Object.values(o).forEach(walk)
    }
  }
  for (const g of unitGrammars) {
    walk(g)
    for (const base of g.rateCodes ?? []) for (const r of g.rates ?? []) codes.add(base + r.suffix)
  }
  return [...codes]
}

/** Every classifier the unit grammars can produce: the written form of each `count` unit (个, 家, projects …). */
function classifiersOfGrammars(): string[] {
  return [...new Set(unitGrammars.flatMap((g) => g.units.filter((u) => u.code === 'count').map((u) => u.text)))]
}

/** Every scheme id a marker can carry: the ids of numbering.json and the level ids of multi-level schemes (decimal-2 for 1.1). */
function schemeIdsProduced(): string[] {
  const ids = new Set(schemeIds())
  for (let levels = 1; levels <= 8; levels++) {
    const m = matchMarker(`${Array.from({ length: levels }, () => '1').join('.')} 总体要求`)
    if (m) ids.add(m.id)
  }
  return [...ids]
}

/** Literal `type` values of the node interfaces in src/core/types.ts. */
function nodeTypesOfTypesTs(): string[] {
  const src = read('../src/core/types.ts')
  return [...src.matchAll(/^\s+type: '([A-Za-z]+)'$/gm)].map((m) => m[1]!).filter((t, i, a) => a.indexOf(t) === i)
}

/** Members of a string-literal union or field type in src/core/types.ts. */
function literalsOf(pattern: RegExp): string[] {
  const m = pattern.exec(read('../src/core/types.ts'))
  if (!m?.[1]) throw new Error(`pattern ${pattern} not found in types.ts`)
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]!)
}

const required: Array<[GlossKind, string[]]> = [
  ['nodeType', ['root', 'document', 'section', 'box', 'heading', 'paragraph', 'sentence', 'list', 'listItem', 'table', 'tableRow', 'tableCell', 'text', 'quantity', 'setAside']],
  ['documentKind', ['notice', 'plan', 'attachment']],
  ['classifier', ['个', '家', '所', '项', '件', '场', '届', '期', '次', '座', '条', '批', '类', '台', '套', '张', '本', '名', '位', '户', '人次']],
  ['qualifier', ['eq', 'gte', 'gt', 'lte', 'lt', 'approx', 'range']],
  ['role', ['target', 'actual', 'other']],
  ['changeDirection', ['increase', 'decrease']],
  ['changePeriod', ['annual', 'cumulative']],
  ['attribute', ['binding', 'expected']],
  ['accumulation', ['cumulative', 'new']],
  ['column', ['file', 'document', 'sectionPath', 'sentence', 'raw', 'value', 'min', 'max', 'unit', 'qualifier', 'role', 'metric', 'year']],
]

describe('gloss', () => {
  it.each(required)('should have a gloss for every required %s key', (kind, keys) => {
    for (const key of keys) expect(gloss(kind, key), `${kind}:${key}`).toBeDefined()
  })

  it('should gloss every node type declared in src/core/types.ts', () => {
    const types = nodeTypesOfTypesTs()
    expect(types.length).toBeGreaterThanOrEqual(15)
    for (const t of types) expect(gloss('nodeType', t), t).toBeDefined()
  })

  it('should gloss every document kind, qualifier, role, row kind, table form, set-aside reason and input form of src/core/types.ts', () => {
    const cases: Array<[GlossKind, RegExp]> = [
      ['documentKind', /kind: ('notice' \| 'plan' \| 'attachment')/],
      ['qualifier', /export type Qualifier = ([^\n]+)/],
      ['role', /export type Role = ([^\n]+)/],
      ['changeDirection', /direction: ([^\n]+)/],
      ['changePeriod', /period: ('annual' \| 'cumulative')/],
      ['attribute', /attribute\?: ([^\n]+)/],
      ['accumulation', /accumulation\?: ([^\n]+)/],
      ['tableRowKind', /kind: ('header' \| 'group' \| 'body')/],
      ['tableForm', /form: ('tsv'[^\n]+)/],
      ['setAsideReason', /reason: ('page-number'[^\n]+)/],
      ['listStyle', /style: ('shi'[^\n]+)/],
      ['inputForm', /export type InputForm = ([^\n]+)/],
    ]
    for (const [kind, re] of cases) {
      const values = literalsOf(re)
      expect(values.length, kind).toBeGreaterThan(1)
      for (const v of values) expect(gloss(kind, v), `${kind}:${v}`).toBeDefined()
    }
  })

  it('should gloss every unit code of UNITS.md', () => {
    const codes = unitCodesOfUnitsMd()
    expect(codes.length).toBeGreaterThan(30)
    for (const code of codes) expect(gloss('unit', code), code).toBeDefined()
  })

  it('should gloss every numbering scheme of grammars/numbering.json', () => {
    const ids = schemeIds()
    expect(ids.length).toBeGreaterThan(5)
    for (const id of ids) expect(gloss('scheme', id), id).toBeDefined()
  })

  it('should gloss every scheme id a marker can carry, levels of multi-level numbering included', () => {
    const ids = schemeIdsProduced()
    expect(ids).toContain('decimal-2')
    expect(ids).toContain('decimal-3')
    const missing = ids.filter((id) => !gloss('scheme', id))
    expect(missing).toEqual([])
  })

  it('should gloss every unit code the Chinese and English unit grammars produce', () => {
    const codes = unitCodesOfGrammars()
    expect(codes).toContain('ha')
    expect(codes).toContain('kW')
    expect(codes.length).toBeGreaterThan(30)
    expect(codes.filter((c) => !gloss('unit', c))).toEqual([])
  })

  it('should gloss every classifier of the Chinese and English unit grammars', () => {
    const classifiers = classifiersOfGrammars()
    expect(classifiers).toContain('个')
    expect(classifiers).toContain('projects')
    expect(classifiers.filter((c) => !gloss('classifier', c))).toEqual([])
  })

  it('should gloss every message code of src/core/messages.ts', () => {
    expect(messageCodes.length).toBeGreaterThan(0)
    for (const code of messageCodes) expect(gloss('message', code), code).toBeDefined()
  })

  it('should have non-empty zh and en text when any label is read', () => {
    let n = 0
    for (const kind of glossKinds) {
      const keys = glossKeys(kind)
      expect(keys.length, kind).toBeGreaterThan(0)
      for (const key of keys) {
        const g = gloss(kind, key)!
        expect(g.zh.trim(), `${kind}:${key}`).not.toBe('')
        expect(g.en.trim(), `${kind}:${key}`).not.toBe('')
        // The Chinese side of a label carries Chinese, digits or a symbol, never plain English words.
        expect(/^[A-Za-z ]+$/.test(g.zh) && !['Markdown', 'HTML'].includes(g.zh), `${kind}:${key} zh=${g.zh}`).toBe(false)
        // The English side never carries Han characters except as a quoted example.
        expect(/[\u4e00-\u9fff]/.test(g.en.replace(/\([^)]*\)/g, '')), `${kind}:${key} en=${g.en}`).toBe(false)
        n++
      }
    }
    expect(n).toBeGreaterThan(150)
  })

  it('should return undefined when the key or kind is unknown', () => {
    expect(gloss('unit', 'furlong')).toBeUndefined()
    expect(gloss('role', '')).toBeUndefined()
    expect(gloss('nope' as GlossKind, 'root')).toBeUndefined()
  })

  it('should return the binding and expected attribute labels when asked for them', () => {
    expect(gloss('attribute', 'binding')).toEqual({ zh: '约束性', en: 'binding' })
    expect(gloss('attribute', 'expected')).toEqual({ zh: '预期性', en: 'expected' })
    expect(gloss('accumulation', 'cumulative')).toEqual({ zh: '累计数', en: 'cumulative' })
    expect(gloss('accumulation', 'new')).toEqual({ zh: '新增数', en: 'new' })
  })

  it('should return frozen labels when a caller tries to change one', () => {
    const g = gloss('role', 'target')!
    expect(() => {
      ;(g as { en: string }).en = 'x'
    }).toThrow()
    expect(gloss('role', 'target')!.en).toBe('target')
  })
})

describe('glossLabel', () => {
  it.each([
    ['zh', '指标'],
    ['en', 'metric'],
    ['both', '指标 (metric)'],
  ] as const)('should give the %s label of a CSV column when asked for it', (lang, want) => {
    expect(glossLabel('column', 'metric', lang)).toBe(want)
  })

  it('should fall back to the key when there is no gloss', () => {
    expect(glossLabel('unit', 'furlong', 'en')).toBe('furlong')
    expect(glossLabel('unit', 'furlong', 'both')).toBe('furlong')
  })

  it('should not repeat a label when zh and en are the same', () => {
    expect(glossLabel('inputForm', 'markdown', 'both')).toBe('Markdown')
  })
})
