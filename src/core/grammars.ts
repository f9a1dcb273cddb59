/**
 * Grammar tables: data in `grammars/`, validated with zod when this module
 * is first imported. Each file names its sources in `$comment`.
 */
import { z } from 'zod'
import numberingJson from '../../grammars/numbering.json'
import layoutJson from '../../grammars/layout.json'

const label = z.object({ zh: z.string(), en: z.string() })

const schemeSchema = z.object({
  id: z.string(),
  kind: z.enum(['section', 'box', 'annex']),
  rank: z.number().int(),
  numeral: z.enum(['cn', 'arabic', 'circled', 'cn-or-arabic', 'decimal', 'roman-arabic-word', 'alpha', 'listed']),
  /** The marker characters of a `listed` numeral, in order (㈠㈡…). */
  digits: z.string().optional(),
  pattern: z.string(),
  label,
  sameAs: z.string().optional(),
  needsSequence: z.boolean().optional(),
  continuous: z.boolean().optional(),
  /** Numbers provisions written as sentences (第N条), never a bare title. */
  prose: z.boolean().optional(),
  needsRun: z.boolean().optional(),
})

const numberingSchema = z.object({
  $comment: z.string(),
  numerals: z.object({ cn: z.string(), circled: z.string(), roman: z.string(), words: z.array(z.string()) }),
  /** What the outline inference reads besides markers (see the file's $comment). */
  outline: z.object({ tocLine: z.string(), tocTitle: z.string(), partLabel: z.string() }),
  schemes: z.array(schemeSchema).min(1),
})

const layoutSchema = z.object({
  $comment: z.string(),
  /** Characters that end a sentence. */
  sentenceEnd: z.string(),
  /** Characters that end a heading title. */
  titleEnd: z.string(),
  /** Punctuation a broken PDF font map gave as wrong code points (Yi syllables for GB 2312 punctuation). */
  wrongGlyphs: z.object({
    $comment: z.string(),
    suspect: z.array(z.tuple([z.string().regex(/^[0-9A-F]{4}$/), z.string().regex(/^[0-9A-F]{4}$/)])).min(1),
    map: z.record(z.string().length(1), z.string().length(1)),
    withRepair: z.record(z.string().length(1), z.string().length(1)),
  }),
  /** Bracket and quote pairs kept balanced inside a sentence. */
  pairs: z.array(z.tuple([z.string(), z.string()])),
  /** Whole-line patterns of page numbers (－3－, - 3 -, 第3页). */
  pageNumber: z.array(z.string()),
  /** When bare numbers (`7`, `12本…`) form a run of page numbers. */
  pageRun: z.object({ $comment: z.string(), minRun: z.number().int().min(2), minLines: z.number().min(1), gluedBefore: z.string() }),
  /** Patterns of front-matter lines. */
  docNumber: z.string(),
  dateLine: z.string(),
  addressees: z.string(),
  /** A line naming the issuing organ under a title, and words it never holds. */
  issuerLine: z.string(),
  issuerNot: z.string(),
  /** A date line giving only year and month (a plan's cover). */
  monthLine: z.string(),
  /** The note under a document (附注): （此件公开发布）. */
  noteLine: z.string(),
  /** Lead-ins of in-paragraph enumerations. */
  listShi: z.string(),
  listDash: z.string(),
})

export type SchemeGrammar = z.infer<typeof schemeSchema> & { regex: RegExp }
export type LayoutGrammar = z.infer<typeof layoutSchema>

export interface Grammars {
  numerals: { cn: string; circled: string; roman: string; words: string[] }
  schemes: SchemeGrammar[]
  outline: { tocLine: RegExp; tocTitle: RegExp; partLabel: RegExp }
  layout: LayoutGrammar & { pageNumberRegex: RegExp[] }
}

function load(): Grammars {
  const numbering = numberingSchema.parse(numberingJson)
  const layout = layoutSchema.parse(layoutJson)
  return {
    numerals: numbering.numerals,
    schemes: numbering.schemes.map((s) => ({ ...s, regex: new RegExp(s.pattern, 'u') })),
    outline: {
      tocLine: new RegExp(numbering.outline.tocLine, 'u'),
      tocTitle: new RegExp(numbering.outline.tocTitle, 'u'),
      partLabel: new RegExp(numbering.outline.partLabel, 'u'),
    },
    layout: { ...layout, pageNumberRegex: layout.pageNumber.map((p) => new RegExp(p, 'u')) },
  }
}

/** The validated grammars (immutable; built once). */
export const grammars: Readonly<Grammars> = Object.freeze(load())
