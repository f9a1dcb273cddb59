/**
 * Grammar tables of the quantities stage: `grammars/zh/units.json`,
 * `grammars/zh/qualifiers.json` and `grammars/zh/not-quantities.json`, validated
 * with zod once when this module is first imported.
 */
import { z } from 'zod'
import unitsJson from '../../grammars/zh/units.json'
import qualifiersJson from '../../grammars/zh/qualifiers.json'
import notQuantitiesJson from '../../grammars/zh/not-quantities.json'
import type { Qualifier } from '../core/types.js'
import { compileMasks, type MaskPatterns } from './masks.js'

const qualifier = z.enum(['eq', 'gte', 'gt', 'lte', 'lt', 'approx', 'range'])

const unitSchema = z.object({
  text: z.string().min(1),
  code: z.string().min(1),
  exp: z.number().int().optional(),
  factor: z.number().positive().optional(),
  classifier: z.string().optional(),
  cn: z.boolean().optional(),
  duration: z.boolean().optional(),
  notBefore: z.string().optional(),
})

const unitsSchema = z.object({
  $comment: z.string(),
  scales: z.record(z.string(), z.number().int()),
  units: z.array(unitSchema).min(1),
  prefixed: z.array(z.object({ text: z.string(), after: z.string(), code: z.string() })),
  perPersonContext: z.array(z.object({ cue: z.string(), from: z.string(), code: z.string() })),
  householdAsCount: z.array(z.string()),
  personNouns: z.array(z.string()),
  cnEnumerationClassifiers: z.string(),
  cnCountCues: z.array(z.string()),
  denominators: z.array(z.object({ text: z.string().min(1), code: z.string().min(1) })),
  areaDenominators: z.array(z.string()),
})

const wordSchema = z.object({ text: z.string().min(1), q: qualifier })

const qualifiersSchema = z.object({
  $comment: z.string(),
  before: z.array(wordSchema),
  after: z.array(wordSchema),
  afterScale: z.array(wordSchema),
  detached: z.array(z.string()),
  negators: z.array(z.string()),
  bareAfter: z.array(z.string()),
  rangeSeparators: z.string(),
  weakRangeSeparators: z.array(z.string()),
  boundRange: z.object({ lower: z.array(z.string().min(1)), upper: z.array(z.string().min(1)) }),
  ratioSeparators: z.string(),
  listSeparators: z.array(z.string()),
  vague: z.array(z.string()),
})

const notQuantitiesSchema = z.object({
  $comment: z.string(),
  masks: z.array(z.object({ why: z.string(), pattern: z.string() })),
})

export type UnitEntry = z.infer<typeof unitSchema>

export interface QualifierWord {
  text: string
  q: Qualifier
}

export interface QuantityGrammar {
  scales: ReadonlyMap<string, number>
  /** Units sorted longest first. */
  units: readonly UnitEntry[]
  prefixed: z.infer<typeof unitsSchema>['prefixed']
  perPersonContext: z.infer<typeof unitsSchema>['perPersonContext']
  householdAsCount: readonly string[]
  personNouns: readonly string[]
  /** Classifiers that, after a Chinese numeral, restate an enumeration (三项制度). */
  cnEnumerationClassifiers: string
  /** Words right before a Chinese numeral and 个/项 that make it a count (建设十五个). */
  cnCountCues: readonly string[]
  /** Units of a rate's denominator (个/万人, 元/亩), longest first. */
  denominators: readonly { text: string; code: string }[]
  /** Areas that, after 每 in the clause, make a number a density (每平方公里). */
  areaDenominators: readonly string[]
  before: readonly QualifierWord[]
  after: readonly QualifierWord[]
  afterScale: readonly QualifierWord[]
  detached: readonly string[]
  /** Modal negations that turn a comparison round (不宜超过 → lte). */
  negators: readonly string[]
  /** Signs and words after which a bare number is a threshold (≤100). */
  bareAfter: readonly string[]
  rangeSeparators: string
  weakRangeSeparators: readonly string[]
  /** Bound words that, closing two adjacent amounts (N元以上M元以下), make them one range. */
  boundRange: { lower: readonly string[]; upper: readonly string[] }
  ratioSeparators: string
  listSeparators: readonly string[]
  vague: readonly string[]
  /** One global regex over all not-quantity patterns. */
  masks: MaskPatterns
}

const byLength = <T extends { text: string }>(list: T[]): T[] => [...list].sort((a, b) => b.text.length - a.text.length)

function load(): QuantityGrammar {
  const units = unitsSchema.parse(unitsJson)
  const qualifiers = qualifiersSchema.parse(qualifiersJson)
  const not = notQuantitiesSchema.parse(notQuantitiesJson)
  return {
    scales: new Map(Object.entries(units.scales)),
    units: byLength(units.units),
    prefixed: byLength(units.prefixed),
    perPersonContext: units.perPersonContext,
    householdAsCount: units.householdAsCount,
    personNouns: units.personNouns,
    cnEnumerationClassifiers: units.cnEnumerationClassifiers,
    cnCountCues: [...units.cnCountCues].sort((a, b) => b.length - a.length),
    denominators: byLength(units.denominators),
    areaDenominators: units.areaDenominators,
    before: byLength(qualifiers.before),
    after: byLength(qualifiers.after),
    afterScale: byLength(qualifiers.afterScale),
    detached: qualifiers.detached,
    negators: qualifiers.negators,
    bareAfter: [...qualifiers.bareAfter].sort((a, b) => b.length - a.length),
    rangeSeparators: qualifiers.rangeSeparators,
    weakRangeSeparators: qualifiers.weakRangeSeparators,
    boundRange: qualifiers.boundRange,
    ratioSeparators: qualifiers.ratioSeparators,
    listSeparators: qualifiers.listSeparators,
    vague: qualifiers.vague,
    masks: compileMasks(not.masks),
  }
}

/** The validated quantity grammars (built once, never mutated). */
export const quantityGrammar: Readonly<QuantityGrammar> = Object.freeze(load())
