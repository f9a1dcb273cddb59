/** Command-line arguments of plan2json: flags, values, usage errors with suggestions. */
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import type { InputForm } from '../core/types.js'
import { closest } from './suggest.js'

export const FORMATS = ['json', 'jsonl', 'csv', 'outline', 'md'] as const
export type OutputFormat = (typeof FORMATS)[number]

export const FORMS = ['pdf-text', 'web-text', 'markdown', 'html', 'plain'] as const satisfies readonly InputForm[]

/** Options of a conversion run. */
export interface RunOptions {
  inputs: string[]
  outDir: string | undefined
  format: OutputFormat
  encoding: string | undefined
  form: InputForm | undefined
  jobs: number
  force: boolean
  quiet: boolean
  verbose: boolean
  excel: boolean
  pretty: boolean
  /** Label language, when given. */
  lang?: 'en' | 'zh' | 'both' | undefined
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'schema' }
  | { kind: 'run'; options: RunOptions }

/** A mistake in the command line: reported with exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

const optionSpec = {
  out: { type: 'string', short: 'o' },
  format: { type: 'string', short: 'f' },
  encoding: { type: 'string', short: 'e' },
  form: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  force: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean', short: 'v' },
  excel: { type: 'boolean' },
  pretty: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const

/** Every long flag, for suggestions. */
export const FLAGS = Object.keys(optionSpec).map((name) => `--${name}`)

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  const guess = closest(value, allowed)
  throw new UsageError(`invalid value "${value}" for ${flag}${guess ? ` (did you mean "${guess}"?)` : ''}; expected one of: ${allowed.join(', ')}`)
}

/**
 * Read the command line (without `node` and the script).
 *
 * @throws {UsageError} for unknown flags (naming the closest valid one),
 *   missing or invalid values, and contradictory options.
 */
export function parseCommandLine(argv: readonly string[], cores = availableParallelism()): Command {
  const { tokens } = parseArgs({ args: [...argv], options: optionSpec, strict: false, allowPositionals: true, tokens: true })
  const values: Record<string, string | boolean> = {}
  const positionals: string[] = []
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value)
    if (token.kind !== 'option') continue
    const spec = (optionSpec as Record<string, { type: 'string' | 'boolean' }>)[token.name]
    if (!spec) {
      const guess = token.rawName.startsWith('--') ? closest(token.rawName, FLAGS) : undefined
      throw new UsageError(`unknown option ${token.rawName}${guess ? ` (did you mean ${guess}?)` : ''}; see plan2json --help`)
    }
    if (spec.type === 'string') {
      if (token.value === undefined || token.value === '') throw new UsageError(`option ${token.rawName} needs a value; see plan2json --help`)
      values[token.name] = token.value
    } else {
      if (token.inlineValue) throw new UsageError(`option ${token.rawName} takes no value`)
      values[token.name] = true
    }
  }
  if (values.help) return { kind: 'help' }
  if (values.version) return { kind: 'version' }
  if (positionals[0] === 'schema' && positionals.length === 1) return { kind: 'schema' }
  if (positionals.length === 0) throw new UsageError('no input given; try plan2json --help')

  const format = oneOf('--format', typeof values.format === 'string' ? values.format : 'json', FORMATS)
  const form = typeof values.form === 'string' ? oneOf('--form', values.form, FORMS) : undefined
  const lang = typeof values.lang === 'string' ? oneOf('--lang', values.lang, ['en', 'zh', 'both'] as const) : undefined
  let jobs = cores
  if (typeof values.jobs === 'string') {
    jobs = Number(values.jobs)
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs needs a whole number of at least 1, got "${values.jobs}"`)
  }
  if (values.excel && format !== 'csv') throw new UsageError('--excel only applies to --format csv')
  if (values.quiet && values.verbose) throw new UsageError('--quiet and --verbose contradict each other')
  if (positionals.filter((p) => p === '-').length > 1) throw new UsageError('stdin (-) can be read only once')
  return {
    kind: 'run',
    options: {
      inputs: positionals,
      outDir: typeof values.out === 'string' ? values.out : undefined,
      format,
      encoding: typeof values.encoding === 'string' ? values.encoding : undefined,
      form,
      jobs,
      force: values.force === true,
      quiet: values.quiet === true,
      verbose: values.verbose === true,
      excel: values.excel === true,
      pretty: values.pretty === true,
      lang,
    },
  }
}

export const HELP = `plan2json: convert Chinese government plans (规划, 工作计划, 实施方案) to JSON, CSV or markdown

Usage:
  plan2json PATH... [-o OUTDIR] [options]
  plan2json schema              print the JSON Schema of the JSON output

PATH is a file, a directory (read recursively; hidden files are skipped),
a quoted glob pattern ('plans/**/*.txt'), or - for stdin. Input may be
plain text, markdown or HTML in UTF-8, UTF-16, GB18030/GBK/GB2312 or Big5,
or a PDF or Word .docx file (read through its text layer; a scanned PDF
needs OCR first). Other files a folder holds in document, image or archive
form (.doc, .wps, .jpg, .zip …) are listed as failures naming what they are.
With -o, each output is named after the whole input file name:
x.txt → x.txt.json, x.pdf → x.pdf.json (.outline.txt, .md for those formats).

Options:
  -o, --out DIR        write one output per input under DIR, mirroring the
                       input paths (jsonl/csv: one file DIR/quantities.*)
  -f, --format FMT     json (default): tree, quantities, indicators, messages, source
                       jsonl: one quantity per line, all inputs
                       csv: one row per quantity, all inputs
                       outline: indented headings
                       md: the plan as clean markdown
      --excel          csv: add a BOM so Excel shows Chinese correctly
      --lang LANG      labels in en, zh or both: csv headers and coded values
                       (unit, qualifier, role, indicator), document kinds in
                       outline and md (default: csv in en, no tags)
      --pretty         indent JSON output
  -e, --encoding ENC   force the encoding of text inputs (utf-8, gbk, gb18030,
                       big5, utf-16le …)
      --form FORM      force the input form: ${FORMS.join(', ')}
  -j, --jobs N         parse N files at a time (default: number of cores)
      --force          overwrite existing outputs (default: skip them, so a
                       rerun resumes an interrupted batch)
  -q, --quiet          no progress bar and no summary
  -v, --verbose        list every decoding warning and parse message
  -h, --help           show this help
  -V, --version        show the version

Exit codes: 0 all inputs converted, 1 some failed, 2 usage error,
130 interrupted (Ctrl-C stops after the files being parsed).

Examples:
  plan2json plan.txt                          # JSON to stdout
  plan2json plan.txt --format outline         # headings only
  plan2json downloads/ -o out/                # a folder, mirrored under out/
  plan2json 'downloads/**/*.htm' -o out/ -j 4
  plan2json downloads/ --format csv --excel -o out/   # out/quantities.csv for Excel
  plan2json downloads/ --format jsonl > quantities.jsonl
  curl -s https://example.org/plan.html | plan2json - --format md
  plan2json old-plan.txt --encoding big5
`
