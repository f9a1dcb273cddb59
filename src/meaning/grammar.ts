/**
 * The cue lists of the meaning stages (`grammars/zh/roles.json`), validated
 * with zod once when this module is first imported.
 */
import { z } from 'zod'
import rolesJson from '../../grammars/zh/roles.json'

const rolesSchema = z.object({
  $comment: z.string(),
  headingAchieved: z.array(z.string()),
  headingActual: z.array(z.string()),
  headingActualWeak: z.array(z.string()),
  headingOutlook: z.array(z.string()),
  headingOutlookWeak: z.array(z.string()),
  headingTarget: z.array(z.string()),
  headingTargetWeak: z.array(z.string()),
  headingPresent: z.array(z.string()),
  forecastCues: z.array(z.string()),
  targetCues: z.array(z.string()),
  actualCues: z.array(z.string()),
  baselineConnectors: z.array(z.string()),
  baseMarkers: z.array(z.string()),
  columnActual: z.array(z.string()),
  columnTarget: z.array(z.string()),
  columnGrowth: z.array(z.string()),
  columnName: z.array(z.string()),
  columnAttribute: z.array(z.string()),
  columnRemark: z.array(z.string()),
  metricStripEnd: z.array(z.string()),
  metricStripStart: z.array(z.string()),
  metricWords: z.array(z.string()),
  metricObjectVerbs: z.array(z.string()),
  changeIncrease: z.array(z.string()),
  changeDecrease: z.array(z.string()),
  annualCues: z.array(z.string()),
  populationBound: z.array(z.string()),
  presentCues: z.array(z.string()),
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

/** True when `text` contains any of `words`. */
export function has(text: string, words: readonly string[]): boolean {
  return words.some((w) => text.includes(w))
}
