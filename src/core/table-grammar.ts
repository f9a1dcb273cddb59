/**
 * The table cues (`grammars/zh/tables.json`, `grammars/en/tables.json`):
 * labels of indicator-table columns and the words that make an explanation
 * cell a requirement, validated with zod once when this module is first
 * imported. Both files share the column lists of `sharedColumns`.
 */
import { z } from 'zod'
import tablesJson from '../../grammars/zh/tables.json'
import englishTablesJson from '../../grammars/en/tables.json'

const labels = z.array(z.string().min(1)).min(1)

/** Column headers both languages list: compared with the whole header. */
const sharedColumns = z.object({
  $comment: z.string(),
  /** Headers of columns whose cells are never quantities. */
  skipColumn: labels,
  /** Headers of the column giving each row's unit. */
  unitColumn: labels,
  /** Header of the column naming the indicators. */
  indicatorNameColumn: labels,
})

const tablesSchema = sharedColumns.extend({
  /** Header words of the columns holding an indicator's values. */
  valueColumn: labels,
  /** Header words of the columns that explain or bound an indicator. */
  explanationColumn: labels,
  /** Words that make a bound in an explanation cell a requirement. */
  requirementCues: labels,
  /** Column names of a Word table's header run (spaces removed). */
  wordHeaderColumn: labels,
  /** Headers of a numbering column. */
  numberColumn: labels,
  /** Headers of the attribute column (属性). */
  attributeColumn: labels,
  /** The words of an attribute cell (约束性, 预期性). */
  attributeCell: labels,
})

const englishTablesSchema = sharedColumns.extend({
  /** First words of headers of columns whose cells are never quantities (Responsible Unit). */
  skipColumnPrefix: z.array(z.string().min(1)),
})

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A case-insensitive regex matching a whole header equal to one of `names` or starting with one of `prefixes`. */
export function wholeHeader(names: readonly string[], prefixes: readonly string[] = []): RegExp {
  const alt = [...names.map(escape), ...prefixes.map((p) => `${escape(p)}.*`)].join('|')
  return new RegExp(`^(?:${alt})$`, 'i')
}

/** The column tests of one language's tables. */
export interface ColumnTests {
  skipColumn: RegExp
  unitColumn: RegExp
  indicatorNameColumn: RegExp
}

function columnTests(g: z.infer<typeof sharedColumns>, prefixes: readonly string[] = []): ColumnTests {
  return { skipColumn: wholeHeader(g.skipColumn, prefixes), unitColumn: wholeHeader(g.unitColumn), indicatorNameColumn: wholeHeader(g.indicatorNameColumn) }
}

const zh = tablesSchema.parse(tablesJson)
const en = englishTablesSchema.parse(englishTablesJson)

/** The validated table cues (built once). */
export const tableGrammar: Readonly<z.infer<typeof tablesSchema>> = Object.freeze(zh)

/** The column tests of Chinese and English tables. */
export const columnGrammar: Readonly<{ zh: ColumnTests; en: ColumnTests }> = Object.freeze({ zh: columnTests(zh), en: columnTests(en, en.skipColumnPrefix) })
