/**
 * The table cues (`grammars/zh/tables.json`): labels of indicator-table
 * columns and the words that make an explanation cell a requirement,
 * validated with zod once when this module is first imported.
 */
import { z } from 'zod'
import tablesJson from '../../grammars/zh/tables.json'

const tablesSchema = z.object({
  $comment: z.string(),
  /** Header of the column naming the indicators. */
  indicatorNameColumn: z.array(z.string()).min(1),
  /** Header words of the columns holding an indicator's values. */
  valueColumn: z.array(z.string()).min(1),
  /** Header words of the columns that explain or bound an indicator. */
  explanationColumn: z.array(z.string()).min(1),
  /** Words that make a bound in an explanation cell a requirement. */
  requirementCues: z.array(z.string()).min(1),
  /** Column names of a Word table's header run (spaces removed). */
  wordHeaderColumn: z.array(z.string()).min(1),
  /** Headers of a numbering column. */
  numberColumn: z.array(z.string()).min(1),
})

/** The validated table cues (built once). */
export const tableGrammar: Readonly<z.infer<typeof tablesSchema>> = Object.freeze(tablesSchema.parse(tablesJson))
