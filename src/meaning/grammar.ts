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

/** English cues: the shared lists plus the verbs that end a subject phrase. */
const englishRolesSchema = sharedCues.extend({ subjectCut: words })

type EnglishCueList = Exclude<keyof z.infer<typeof englishRolesSchema>, '$comment' | 'subjectCut' | 'metricStripStart' | 'metricStripEnd'>

/** A case-insensitive regex matching any of `list` as a whole word or phrase. */
export function wholeWords(list: readonly string[]): RegExp {
  const alt = list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
  return new RegExp(`\\b(?:${alt})\\b`, 'i')
}

/** The English role cues: each cue list as one whole-word regex, the word sets of subject phrases. */
export interface EnglishRoleGrammar {
  cues: Readonly<Record<EnglishCueList, RegExp>>
  subjectCut: ReadonlySet<string>
  metricStripStart: ReadonlySet<string>
  metricStripEnd: ReadonlySet<string>
}

function loadEnglish(): EnglishRoleGrammar {
  const { $comment: _comment, subjectCut, metricStripStart, metricStripEnd, ...lists } = englishRolesSchema.parse(englishRolesJson)
  const cues = Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, wholeWords(v)])) as Record<EnglishCueList, RegExp>
  return { cues, subjectCut: new Set(subjectCut), metricStripStart: new Set(metricStripStart), metricStripEnd: new Set(metricStripEnd) }
}

/** The validated English role cues (built once). */
export const englishRoleGrammar: Readonly<EnglishRoleGrammar> = Object.freeze(loadEnglish())

/** True when `text` contains any of `words`. */
export function has(text: string, words: readonly string[]): boolean {
  return words.some((w) => text.includes(w))
}
