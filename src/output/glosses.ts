/**
 * Bilingual labels for the closed vocabularies of the output.
 *
 * The data is `grammars/glosses.json`, validated with zod once when this
 * module is first imported. Every vocabulary (node types, numbering
 * schemes, unit codes, classifiers, qualifiers, roles, …) maps a key to a
 * `{ zh, en }` pair; the CLI picks one side for `--lang zh|en` or both.
 */
import { z } from 'zod'
import glossesJson from '../../grammars/glosses.json'
import numberingJson from '../../grammars/numbering.json'
import { messageCodes, messageText } from '../core/messages.js'

/** A label in both languages. */
export interface Gloss {
  zh: string
  en: string
}

/** The vocabularies that have glosses. */
export type GlossKind =
  | 'nodeType'
  | 'documentKind'
  | 'scheme'
  | 'unit'
  | 'classifier'
  | 'qualifier'
  | 'role'
  | 'changeDirection'
  | 'changePeriod'
  | 'attribute'
  | 'accumulation'
  | 'message'
  | 'tableRowKind'
  | 'tableForm'
  | 'setAsideReason'
  | 'listStyle'
  | 'inputForm'
  | 'domain'
  | 'column'

/** Every kind, in the order of the data file. */
export const glossKinds: readonly GlossKind[] = Object.freeze([
  'nodeType',
  'documentKind',
  'scheme',
  'unit',
  'classifier',
  'qualifier',
  'role',
  'changeDirection',
  'changePeriod',
  'attribute',
  'accumulation',
  'message',
  'tableRowKind',
  'tableForm',
  'setAsideReason',
  'listStyle',
  'inputForm',
  'domain',
  'column',
] as const)

const label = z.object({ zh: z.string().trim().min(1), en: z.string().trim().min(1) }).strict()
const table = z.record(z.string().min(1), label)

const glossesSchema = z
  .object({
    $comment: z.string().min(1),
    ...Object.fromEntries(glossKinds.map((k) => [k, table])),
  })
  .strict()

/** The scheme labels of `grammars/numbering.json`: the fallback for schemes without an entry here. */
const numberingLabels = z.object({ schemes: z.array(z.object({ id: z.string(), label })) })

function load(): ReadonlyMap<GlossKind, ReadonlyMap<string, Gloss>> {
  const data = glossesSchema.parse(glossesJson) as unknown as Record<GlossKind, Record<string, Gloss>>
  const out = new Map<GlossKind, ReadonlyMap<string, Gloss>>()
  for (const kind of glossKinds) {
    const entries = Object.entries(data[kind]).map(([k, v]): [string, Gloss] => [k, Object.freeze({ zh: v.zh, en: v.en })])
    if (kind === 'scheme') {
      const own = new Set(entries.map(([k]) => k))
      for (const s of numberingLabels.parse(numberingJson).schemes) {
        if (!own.has(s.id)) entries.push([s.id, Object.freeze({ zh: s.label.zh, en: s.label.en })])
      }
    }
    if (kind === 'message') {
      const own = new Set(entries.map(([k]) => k))
      for (const code of messageCodes) {
        if (!own.has(code)) entries.push([code, Object.freeze({ ...messageText(code) })])
      }
    }
    out.set(kind, new Map(entries))
  }
  return out
}

const glosses = load()

/**
 * The `{ zh, en }` label of `key` in the vocabulary `kind`, or `undefined`
 * when the key has none (never throws for an unknown key).
 *
 * @example
 *   gloss('attribute', 'binding')   // → { zh: '约束性', en: 'binding' }
 *   gloss('unit', 'CNY/person/month') // → { zh: '元/人·月', en: 'yuan per person per month' }
 *   gloss('scheme', 'paren-cn')     // → { zh: '括号汉字数字（（一））', en: 'Chinese numeral in brackets ((1))' }
 *   gloss('unit', 'furlong')        // → undefined
 */
export function gloss(kind: GlossKind, key: string): Gloss | undefined {
  return glosses.get(kind)?.get(key)
}

/**
 * The keys that have a gloss in `kind`, in data-file order.
 *
 * @example
 *   glossKeys('role') // → ['target', 'actual', 'other']
 */
export function glossKeys(kind: GlossKind): string[] {
  return [...(glosses.get(kind)?.keys() ?? [])]
}

/**
 * A label in the requested language: `zh`, `en`, or `both` (`中文 (English)`).
 * Falls back to `key` itself when there is no gloss, so output never loses
 * information.
 *
 * @example
 *   glossLabel('column', 'metric', 'both') // → '指标 (metric)'
 *   glossLabel('column', 'metric', 'zh')   // → '指标'
 *   glossLabel('unit', 'furlong', 'en')    // → 'furlong'
 */
export function glossLabel(kind: GlossKind, key: string, lang: 'zh' | 'en' | 'both'): string {
  const g = gloss(kind, key)
  if (!g) return key
  if (lang === 'both') return g.zh === g.en ? g.zh : `${g.zh} (${g.en})`
  return g[lang]
}
