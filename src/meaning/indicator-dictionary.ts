/**
 * The canonical indicator dictionary: one id per indicator, with its
 * official English name, so that targets can be joined across plans,
 * provinces and years.
 *
 * The data is `grammars/indicators.json`, validated with zod once when this
 * module is first imported; a normalised index of every name and variant is
 * built at the same time, so a look-up costs a few hash probes per prefix of
 * the metric (linear in its length).
 */
import { z } from 'zod'
import indicatorsJson from '../../grammars/indicators.json'

import type { IndicatorRef } from '../core/types.js'

export type { IndicatorRef }

/** A full dictionary entry. */
export interface IndicatorEntry extends IndicatorRef {
  /** Chinese phrasings plans write besides `zh`. */
  variants: readonly string[]
  /** Unit code of UNITS.md (or of the file's `extraUnits`). */
  unit: string
  domain: string
  /** Key of the file's `sources`: where the English name comes from. */
  source: string
  /** `official`: checked against the source; `recalled`: follows the source as remembered, not yet checked; `adapted`: built from its terms. */
  basis: 'official' | 'recalled' | 'adapted'
}

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const entrySchema = z
  .object({
    id: z.string().regex(kebab),
    en: z.string().trim().min(1),
    zh: z.string().trim().min(1),
    variants: z.array(z.string().trim().min(1)),
    unit: z.string().min(1),
    domain: z.string().min(1),
    source: z.string().min(1),
    basis: z.enum(['official', 'recalled', 'adapted']),
  })
  .strict()

const sourceSchema = z
  .object({
    title: z.string().min(1),
    publisher: z.string().min(1),
    year: z.number().int().optional(),
    part: z.string().optional(),
  })
  .strict()

const dictionarySchema = z
  .object({
    $comment: z.string().min(1),
    extraUnits: z.record(z.string(), z.string()),
    matching: z
      .object({
        $comment: z.string(),
        prefixes: z.array(z.string().min(1)),
        prefixPatterns: z.array(z.string().min(1)),
        noise: z.array(z.string().min(1)),
        suffixes: z.array(z.string().min(1)),
        suffixSynonyms: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
        synonyms: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
        changeSynonyms: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
      })
      .strict(),
    sources: z.record(z.string(), sourceSchema),
    indicators: z.array(entrySchema).min(1),
  })
  .strict()
  .superRefine((d, ctx) => {
    const ids = new Set<string>()
    for (const e of d.indicators) {
      if (ids.has(e.id)) ctx.addIssue({ code: 'custom', message: `duplicate indicator id ${e.id}` })
      ids.add(e.id)
      if (!(e.source in d.sources)) ctx.addIssue({ code: 'custom', message: `indicator ${e.id}: unknown source ${e.source}` })
    }
  })

type Matching = z.infer<typeof dictionarySchema>['matching']

/** Characters outside ASCII and the CJK Unified Ideographs block, the only ones NFKC may change. */
const NOT_NFKC_STABLE = /[^\u0000-\u007f\u4e00-\u9fff]/

/** Bracketed asides left after the synonyms: 执业(助理)医师 reads as 执业医师 on both sides. */
const ASIDE = /\([^()]*\)/g

/**
 * Full-width to ASCII, case, synonyms (单位地区生产总值 → 单位gdp,
 * 细颗粒物(pm2.5) → pm2.5), bracketed asides, whitespace, punctuation, 的,
 * noise words, and one trailing change word folded to its synonym (下降 → 降低).
 */
function normalise(text: string, m: Matching): string {
  // ASCII and the CJK Unified Ideographs block are NFKC-stable: skip the
  // (costly) normalisation for the common all-Han metric.
  let s = (NOT_NFKC_STABLE.test(text) ? text.normalize('NFKC') : text).toLowerCase()
  for (const [from, to] of m.synonyms) if (s.includes(from)) s = s.split(from).join(to)
  s = s.replace(ASIDE, '').replace(/[\s\p{P}\p{S}]+/gu, '').replace(/的/g, '')
  for (const w of m.noise) if (s.includes(w)) s = s.split(w).join('')
  for (const [from, to] of m.changeSynonyms) {
    if (s.endsWith(from) && s.length > from.length) {
      s = s.slice(0, -from.length) + to
      break
    }
  }
  return s
}

/** The matching rules with synonyms in the form `normalise` compares (lower case, longest first). */
function prepare(m: Matching): Matching {
  const lower = (pairs: ReadonlyArray<[string, string]>): Array<[string, string]> =>
    pairs.map(([a, b]): [string, string] => [a.normalize('NFKC').toLowerCase(), b.normalize('NFKC').toLowerCase()]).sort((x, y) => y[0].length - x[0].length)
  return { ...m, synonyms: lower(m.synonyms), changeSynonyms: lower(m.changeSynonyms) }
}

/** `s` with one trailing suffix removed (after suffix synonyms), keeping ≥ 2 characters. */
function core(s: string, m: Matching, suffixes: readonly string[]): string {
  for (const [from, to] of m.suffixSynonyms) {
    if (s.endsWith(from)) {
      s = s.slice(0, -from.length) + to
      break
    }
  }
  for (const suf of suffixes) {
    if (s.length - suf.length >= 2 && s.endsWith(suf)) return s.slice(0, -suf.length)
  }
  return s
}

interface Index {
  entries: readonly IndicatorEntry[]
  byId: ReadonlyMap<string, IndicatorEntry>
  /** Normalised name → entry. */
  exact: ReadonlyMap<string, IndicatorEntry>
  /** Suffix-stripped normalised name → entry; null when two entries share it. */
  cores: ReadonlyMap<string, IndicatorEntry | null>
  /** Keys claimed by more than one indicator (should be empty; tested). */
  conflicts: readonly string[]
  matching: Matching
  prefixes: readonly string[]
  prefixRegexes: readonly RegExp[]
  suffixes: readonly string[]
}

function build(): Index {
  const data = dictionarySchema.parse(indicatorsJson)
  const m = prepare(data.matching)
  const suffixes = [...m.suffixes].sort((a, b) => b.length - a.length)
  const entries = data.indicators.map((e) => Object.freeze({ ...e, variants: Object.freeze([...e.variants]) }) as IndicatorEntry)
  const byId = new Map(entries.map((e) => [e.id, e]))
  const exact = new Map<string, IndicatorEntry>()
  const cores = new Map<string, IndicatorEntry | null>()
  const conflicts: string[] = []
  for (const e of entries) {
    for (const name of [e.zh, ...e.variants]) {
      const n = normalise(name, m)
      const had = exact.get(n)
      if (had && had.id !== e.id) conflicts.push(`${name}: ${had.id} / ${e.id}`)
      else exact.set(n, e)
      const c = core(n, m, suffixes)
      const hadCore = cores.get(c)
      if (hadCore === undefined) cores.set(c, e)
      else if (hadCore !== null && hadCore.id !== e.id) {
        conflicts.push(`${name} (core ${c}): ${hadCore.id} / ${e.id}`)
        cores.set(c, null)
      }
    }
  }
  return {
    entries: Object.freeze(entries),
    byId,
    exact,
    cores,
    conflicts: Object.freeze(conflicts),
    matching: m,
    prefixes: m.prefixes.map((p) => normalise(p, m)).sort((a, b) => b.length - a.length),
    prefixRegexes: m.prefixPatterns.map((p) => new RegExp(p, 'u')),
    suffixes,
  }
}

const index = build()

/** The metric after removing one leading prefix, or null when none applies. */
function stripPrefix(s: string): string | null {
  for (const p of index.prefixes) {
    if (s.startsWith(p) && s.length - p.length >= 2) return s.slice(p.length)
  }
  for (const re of index.prefixRegexes) {
    const hit = re.exec(s)
    if (hit && hit[0].length > 0 && s.length - hit[0].length >= 2) return s.slice(hit[0].length)
  }
  return null
}

function ref(e: IndicatorEntry): IndicatorRef {
  return { id: e.id, en: e.en, zh: e.zh }
}

/**
 * The canonical indicator a metric names, or `null`.
 *
 * Tolerates full-width forms, whitespace and punctuation, leading scope
 * words (全市, 全区, 本地户籍, 苏州籍, 城乡, 实现 …), trailing count words
 * (人数, 人员, 数量, 总量, 数 …) and 比重/比例/占比. The growth of an indicator
 * (`…增长`, `…年增长率`) is not the indicator and gives `null`, as do
 * words that name no single indicator (`失业率`, `覆盖率`).
 *
 * @example
 *   matchIndicator('城镇失业登记率')
 *   // → { id: 'registered-urban-unemployment-rate', en: 'Registered urban unemployment rate', zh: '城镇登记失业率' }
 *   matchIndicator('本区户籍高校毕业生年末总体就业率')?.id // → 'college-graduate-employment-rate'
 *   matchIndicator('全市城镇新增就业人数')?.id            // → 'new-urban-jobs'
 *   matchIndicator('城镇职工养老保险参保人数增长')          // → null
 */
export function matchIndicator(metric: string | null | undefined): IndicatorRef | null {
  if (!metric) return null
  let s: string | null = normalise(metric, index.matching)
  // Each pass removes at least one character, so this ends.
  while (s && s.length >= 2) {
    const hit = index.exact.get(s) ?? index.cores.get(core(s, index.matching, index.suffixes))
    if (hit) return ref(hit)
    s = stripPrefix(s)
  }
  return null
}

/**
 * The dictionary entry with this id, or `undefined`.
 *
 * @example
 *   getIndicator('surveyed-urban-unemployment-rate')?.en // → 'Surveyed urban unemployment rate'
 */
export function getIndicator(id: string): IndicatorEntry | undefined {
  return index.byId.get(id)
}

/** Every entry of the dictionary, in file order (frozen). */
export const indicatorEntries: readonly IndicatorEntry[] = index.entries

/** Names claimed by two indicators; empty for a consistent dictionary. @internal */
export const indicatorConflicts: readonly string[] = index.conflicts
