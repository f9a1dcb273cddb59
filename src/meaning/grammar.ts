/**
 * The cue lists of the meaning stages (`grammars/zh/roles.json`,
 * `grammars/en/roles.json`), validated with zod once when this module is
 * first imported. Both files share the keys of `sharedCues`; each adds the
 * lists only its language's rules read.
 */
import { z } from 'zod'
import rolesJson from '../../grammars/zh/roles.json'
import englishRolesJson from '../../grammars/en/roles.json'

const words = z.array(z.string().min(1))

/** The cue lists both languages have: the same rule reads them. */
const sharedCues = z.object({
  $comment: z.string(),
  headingActual: words,
  headingActualWeak: words,
  headingOutlook: words,
  headingOutlookWeak: words,
  headingTarget: words,
  headingTargetWeak: words,
  forecastCues: words,
  targetCues: words,
  actualCues: words,
  presentCues: words,
  annualCues: words,
  changeIncrease: words,
  changeDecrease: words,
  columnActual: words,
  columnTarget: words,
  columnGrowth: words,
  metricStripStart: words,
  metricStripEnd: words,
})

const rolesSchema = sharedCues.extend({
  headingAchieved: z.array(z.string()),
  headingPresent: z.array(z.string()),
  baselineConnectors: z.array(z.string()),
  baseMarkers: z.array(z.string()),
  columnName: z.array(z.string()),
  columnAttribute: z.array(z.string()),
  columnRemark: z.array(z.string()),
  metricWords: z.array(z.string()),
  metricObjectVerbs: z.array(z.string()),
  populationBound: z.array(z.string()),
  metricScope: z.array(z.string()),
  metricInnerCut: z.array(z.string()),
  trendAdverbs: z.array(z.string()),
  metricRightStop: z.array(z.string()),
  amountNouns: z.array(z.string().min(1)),
  relativeVerbs: z.array(z.string()),
  changeOnly: z.array(z.string()),
  areaAsides: z.array(z.string()),
  metricInnerLead: z.array(z.string()),
  baseAfter: z.array(z.string()),
  normativeCues: z.array(z.string()),
  definitionLead: z.array(z.string()),
  parameterNouns: z.array(z.string()),
  propertyBound: z.array(z.string()),
  propertyNouns: z.array(z.string()),
  futureMarkers: z.array(z.string()),
})

/** The validated role cues (built once). */
export const roleGrammar = Object.freeze(((): z.infer<typeof rolesSchema> => {
  const g = rolesSchema.parse(rolesJson)
  const byLength = (a: string[]): string[] => [...a].sort((x, y) => y.length - x.length)
  return { ...g, metricStripEnd: byLength(g.metricStripEnd), metricStripStart: byLength(g.metricStripStart) }
})())

/** English cues: the shared lists plus the verbs that end a subject phrase and the words around years. */
const englishRolesSchema = sharedCues.extend({
  subjectCut: words,
  years: z.object({
    since: words,
    baseMarkers: words,
    periodBaseMarkers: words,
    periodStart: words,
    ordinals: z.record(z.string().min(1), z.number().int().min(1)),
  }),
})

type EnglishCueList = Exclude<keyof z.infer<typeof englishRolesSchema>, '$comment' | 'subjectCut' | 'metricStripStart' | 'metricStripEnd' | 'years'>

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Alternatives of phrases, any run of blanks between their words. */
const phrases = (list: readonly string[]): string => list.map((w) => w.split(' ').map(escape).join('\\s+')).join('|')

/** A case-insensitive regex matching any of `list` as a whole word or phrase. */
export function wholeWords(list: readonly string[]): RegExp {
  const alt = list.map(escape).join('|')
  return new RegExp(`\\b(?:${alt})\\b`, 'i')
}

/** The English role cues: each cue list as one whole-word regex, the word sets of subject phrases. */
export interface EnglishRoleGrammar {
  cues: Readonly<Record<EnglishCueList, RegExp>>
  subjectCut: ReadonlySet<string>
  metricStripStart: ReadonlySet<string>
  metricStripEnd: ReadonlySet<string>
  /** Tests of the words before a year or plan period (each anchored at the end of the text before it). */
  years: {
    since: RegExp
    base: RegExp
    periodBase: RegExp
    periodStart: RegExp
    ordinals: ReadonlyMap<string, number>
    /** The 14th / Fourteenth Five-Year Plan (period): digits in group 1, a spelled ordinal in group 2. */
    plan: RegExp
  }
}

function yearTests(y: z.infer<typeof englishRolesSchema>['years']): EnglishRoleGrammar['years'] {
  const upToYear = '\\s+(?:the\\s+)?(?:end\\s+of\\s+)?$'
  return {
    since: new RegExp(`\\b(?:${phrases(y.since)})${upToYear}`),
    base: new RegExp(`\\b(?:${phrases(y.baseMarkers)})${upToYear}`),
    periodBase: new RegExp(`\\b(?:${phrases(y.periodBaseMarkers)})${upToYear.slice(0, -1)}(?:the\\s+)?$`),
    periodStart: new RegExp(`\\b(?:${phrases(y.periodStart)})\\s+of\\s+(?:the\\s+)?$`),
    ordinals: new Map(Object.entries(y.ordinals)),
    plan: new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)|(${Object.keys(y.ordinals).map(escape).join('|')}))\\s+five-year\\s+plan(?:\\s+period)?`, 'gi'),
  }
}

function loadEnglish(): EnglishRoleGrammar {
  const { $comment: _comment, subjectCut, metricStripStart, metricStripEnd, years, ...lists } = englishRolesSchema.parse(englishRolesJson)
  const cues = Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, wholeWords(v)])) as Record<EnglishCueList, RegExp>
  return { cues, subjectCut: new Set(subjectCut), metricStripStart: new Set(metricStripStart), metricStripEnd: new Set(metricStripEnd), years: yearTests(years) }
}

/** The validated English role cues (built once). */
export const englishRoleGrammar: Readonly<EnglishRoleGrammar> = Object.freeze(loadEnglish())

/** True when `text` contains any of `words`. */
export function has(text: string, words: readonly string[]): boolean {
  return words.some((w) => text.includes(w))
}
