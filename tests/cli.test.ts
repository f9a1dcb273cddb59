/**
 * End-to-end tests of the built CLI (`dist/cli.js`; `npm test` builds it).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import iconv from 'iconv-lite'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTable } from 'micromark-extension-gfm-table'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PlanOutput } from '../src/output/schema.js'
import type { FlowContent, QuantityRecord } from '../src/core/types.js'


/** Markdown → mdast with GFM tables, as remark-gfm registers them. */
function parseMarkdown(md: string) {
  const processor = unified().use(remarkParse)
  const data = processor.data()
  data.micromarkExtensions = [gfmTable()]
  data.fromMarkdownExtensions = [gfmTableFromMarkdown()]
  return processor.parse(md)
}

const root = fileURLToPath(new URL('..', import.meta.url))
const cli = path.join(root, 'dist', 'cli.js')
const seedsDir = path.join(root, 'seeds')
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()
const scratch = mkdtempSync(path.join(tmpdir(), 'plan2json-e2e-'))
/** Time limit of a step that runs the CLI (generous: CI machines may be busy). */
const SLOW = 120_000

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function plan2json(args: string[], options: { cwd?: string; input?: Uint8Array | string } = {}): Run {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: options.cwd ?? scratch,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` (or `npm test`, which builds first)')
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const schemaRun = () => plan2json(['schema'])
let validate: ReturnType<Ajv2020['compile']>
beforeAll(() => {
  if (!existsSync(cli)) return
  const run = schemaRun()
  expect(run.code).toBe(0)
  validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(run.stdout) as object)
}, SLOW)

function expectValid(json: unknown, label: string): void {
  const ok = validate(json)
  expect(ok ? [] : validate.errors?.slice(0, 5), label).toEqual([])
}

function sections(nodes: readonly FlowContent[], out: Array<{ depth: number; line: string }> = []) {
  for (const n of nodes) {
    if (n.type === 'section' || n.type === 'box') {
      // one space between marker and title unless the marker ends in punctuation (一、 （一） vs 专栏4 第一章)
      const marker = n.marker.raw.trim()
      out.push({ depth: n.depth, line: `${marker}${/[\p{P}\s]$/u.test(marker) ? '' : ' '}${n.title.trim()}`.trim() })
      sections(n.children, out)
    }
  }
  return out
}

/** A minimal RFC 4180 reader, to parse the CSV output back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(field), (field = '')
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++
    } else field += c
  }
  if (field !== '' || row.length) row.push(field), rows.push(row)
  return rows
}

describe('plan2json', { timeout: SLOW }, () => {
  it('should print help with examples when given --help', () => {
    const run = plan2json(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Usage:')
    expect(run.stdout).toContain('Examples:')
    expect(run.stdout).toContain('--format')
    // PDF and DOCX are converted, not rejected
    expect(run.stdout).toMatch(/PDF or Word \.docx file/)
    expect(run.stdout).toContain('x.pdf → x.pdf.json')
  })

  it('should write x.pdf, x.docx and x.txt of one folder to three outputs when converting the folder', () => {
    const fixtures = path.join(root, 'fixtures', 'binary')
    const dir = path.join(scratch, 'same-name')
    const out = path.join(scratch, 'same-name-out')
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, 'x.pdf'), readFileSync(path.join(fixtures, 'sample.pdf')))
    writeFileSync(path.join(dir, 'x.docx'), readFileSync(path.join(fixtures, 'sample.docx')))
    writeFileSync(path.join(dir, 'x.txt'), readFileSync(path.join(fixtures, 'sample.txt')))
    const run = plan2json(['same-name', '-o', out])
    expect(run.code).toBe(0)
    expect(readdirSync(path.join(out, 'same-name')).sort()).toEqual(['x.docx.json', 'x.pdf.json', 'x.txt.json'])
    const kinds = ['x.docx.json', 'x.pdf.json', 'x.txt.json'].map((f) => (JSON.parse(readFileSync(path.join(out, 'same-name', f), 'utf8')) as PlanOutput).source?.encoding)
    expect(kinds).toEqual(['docx', 'pdf', 'utf-8'])
  })

  it('should name the closest flag and exit 2 when a flag is unknown', () => {
    const run = plan2json(['--fromat', 'csv', 'x.txt'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('unknown option --fromat (did you mean --format?)')
  })

  it('should exit 2 when several inputs have nowhere to go', () => {
    const run = plan2json([path.join(seedsDir, seeds[0]!), path.join(seedsDir, seeds[1]!)])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('-o OUTDIR')
  })

  it('should print the same JSON Schema as plan.schema.json when given schema', () => {
    expect(JSON.parse(schemaRun().stdout)).toEqual(JSON.parse(readFileSync(path.join(root, 'plan.schema.json'), 'utf8')))
  })

  describe('should convert every seed to valid JSON when given the seed folder', () => {
    const out = path.join(scratch, 'seeds-out')
    let run: Run
    beforeAll(() => {
      run = plan2json([seedsDir, '-o', out, '-j', '2'])
    }, SLOW)
    it('should exit 0 and summarise when every seed converts', () => {
      expect(run.stderr).toMatch(new RegExp(`${seeds.length} inputs: ${seeds.length} converted, 0 failed`))
      expect(run.code).toBe(0)
    })
    it.each(seeds)('should write a schema-valid %s with its source info when converting it', (seed) => {
      const file = path.join(out, 'seeds', `${seed}.json`)
      const json = JSON.parse(readFileSync(file, 'utf8')) as PlanOutput
      expectValid(json, seed)
      expect(json.source).toMatchObject({ bytes: statSync(path.join(seedsDir, seed)).size, encoding: 'utf-8', confidence: 1, bom: false, warnings: [] })
      expect(json.source!.form).toBe(json.tree.data.form)
      expect(json.tree.children.length).toBeGreaterThan(0)
      expect(sections(json.tree.children.flatMap((d) => d.children)).length).toBeGreaterThan(0)
    })
    it('should leave no temporary files when the run ends', () => {
      const all = readdirSync(out, { recursive: true }) as string[]
      expect(all.filter((f) => f.endsWith('.tmp'))).toEqual([])
    })
    it('should skip existing outputs when rerun, and redo them when given --force', () => {
      const file = path.join(out, 'seeds', `${seeds[0]!}.json`)
      writeFileSync(file, '{"marker":true}')
      const again = plan2json([seedsDir, '-o', out])
      expect(again.code).toBe(0)
      expect(again.stderr).toContain(`${seeds.length} skipped`)
      expect(readFileSync(file, 'utf8')).toBe('{"marker":true}')
      const forced = plan2json([path.join(seedsDir, seeds[0]!), '-o', path.join(out, 'seeds'), '--force'])
      expect(forced.code).toBe(0)
      expectValid(JSON.parse(readFileSync(file, 'utf8')), seeds[0]!)
    })
  })

  describe('should decode re-encoded seeds to the same result', () => {
    const dir = path.join(scratch, 'encodings')
    const out = path.join(scratch, 'encodings-out')
    const variants: Array<{ name: string; bytes: (text: string) => Uint8Array; expect: string[] }> = [
      { name: 'utf8', bytes: (t) => Buffer.from(t, 'utf8'), expect: ['utf-8'] },
      { name: 'gb18030', bytes: (t) => iconv.encode(t, 'gb18030'), expect: ['gb18030', 'gbk', 'gb2312'] },
      { name: 'utf16le-bom', bytes: (t) => iconv.encode(t, 'utf-16le', { addBOM: true }), expect: ['utf-16le'] },
      { name: 'utf16be-bom', bytes: (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(t, 'utf-16be')]), expect: ['utf-16be'] },
      { name: 'gbk', bytes: (t) => iconv.encode(t, 'gbk'), expect: ['gbk', 'gb2312'] },
      // What GBK can represent of the seed, as UTF-8: the reference for the gbk files.
      { name: 'gbk-as-utf8', bytes: (t) => Buffer.from(iconv.decode(iconv.encode(t, 'gbk'), 'gbk'), 'utf8'), expect: ['utf-8'] },
    ]
    let run: Run
    const load = (variant: string, seed: string) =>
      JSON.parse(readFileSync(path.join(out, 'encodings', variant, `${seed}.json`), 'utf8')) as PlanOutput
    beforeAll(() => {
      for (const v of variants) {
        mkdirSync(path.join(dir, v.name), { recursive: true })
        for (const seed of seeds) writeFileSync(path.join(dir, v.name, seed), v.bytes(readFileSync(path.join(seedsDir, seed), 'utf8')))
      }
      run = plan2json(['encodings', '-o', out, '-q'])
    }, SLOW)
    it('should exit 0 when every encoding decodes', () => {
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
    })
    it.each(variants.filter((v) => v.name !== 'gbk-as-utf8').flatMap((v) => seeds.map((s) => [v.name, s] as const)))('should detect %s for %s', (variant, seed) => {
      const json = load(variant, seed)
      expect(variants.find((v) => v.name === variant)!.expect).toContain(json.source!.encoding)
      expect(json.source!.warnings.filter((w) => w.code === 'undecodable-bytes')).toEqual([])
      const reference = load(variant === 'gbk' ? 'gbk-as-utf8' : 'utf8', seed)
      expect(json.tree).toEqual(reference.tree)
      expect(json.quantities).toEqual(reference.quantities)
      expect(json.indicators).toEqual(reference.indicators)
    })
  })

  it('should read PDF and DOCX files to the same outline as their text', () => {
    const fixtures = path.join(root, 'fixtures', 'binary')
    const outline = (file: string) => plan2json([path.join(fixtures, file), '--format', 'outline'])
    const text = outline('sample.txt')
    expect(text.code).toBe(0)
    expect(text.stdout.split('\n').length).toBeGreaterThan(3)
    for (const file of ['sample.docx', 'sample.pdf']) {
      const run = outline(file)
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).toBe(text.stdout)
    }
    const json = JSON.parse(plan2json([path.join(fixtures, 'sample.docx')]).stdout) as PlanOutput
    expect(json.source).toMatchObject({ encoding: 'docx', confidence: 1 })
    expectValid(json, 'sample.docx')
  })

  describe('should report bad inputs and go on when a folder mixes good and bad files', () => {
    const dir = path.join(scratch, 'mixed')
    const out = path.join(scratch, 'mixed-out')
    let run: Run
    beforeAll(() => {
      mkdirSync(dir, { recursive: true })
      writeFileSync(path.join(dir, 'good.txt'), readFileSync(path.join(seedsDir, seeds[3]!)))
      writeFileSync(path.join(dir, 'good-gbk.htm'), iconv.encode('<html><body><p>一、主要目标</p><p>城镇新增就业3万人。</p></body></html>', 'gbk'))
      writeFileSync(path.join(dir, 'empty.txt'), '')
      writeFileSync(path.join(dir, 'report.pdf'), Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'))
      writeFileSync(path.join(dir, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]))
      symlinkSync(path.join(dir, 'deleted.txt'), path.join(dir, 'link.txt'))
      run = plan2json(['mixed', 'mixed/absent.txt', '-o', out])
    }, SLOW)
    it('should exit 1 when some inputs fail', () => {
      expect(run.code).toBe(1)
    })
    it.each([
      ['empty.txt', 'empty file (0 bytes)'],
      ['report.pdf', 'cannot read: '],
      ['photo.txt', 'not a text file: this is a PNG image'],
      ['link.txt', 'unreadable: no such file or directory'],
      ['absent.txt', 'no such file or directory'],
    ])('should name %s and the reason', (file, reason) => {
      const line = run.stderr.split('\n').find((l) => l.includes(`${path.join('mixed', file)}: `))
      expect(line).toContain(reason)
    })
    it('should convert the good files and write nothing for the bad ones when the batch ends', () => {
      expect(run.stderr).toContain('7 inputs: 2 converted, 5 failed')
      expect(readdirSync(path.join(out, 'mixed')).sort()).toEqual(['good-gbk.htm.json', 'good.txt.json'])
      const html = JSON.parse(readFileSync(path.join(out, 'mixed', 'good-gbk.htm.json'), 'utf8')) as PlanOutput
      expect(html.source).toMatchObject({ encoding: 'gb2312', form: 'html' })
      expectValid(html, 'good-gbk.htm')
    })
  })

  it('should read stdin and report undecodable bytes with their offset when given -', () => {
    const head = Buffer.from('一、主要目标\n城镇新增就业3万人', 'utf8')
    const input = Buffer.concat([head, Buffer.from([0xff]), Buffer.from('。\n二、重点任务\n加强培训。\n', 'utf8')])
    const run = plan2json(['-'], { input })
    expect(run.code).toBe(0)
    const json = JSON.parse(run.stdout) as PlanOutput
    expectValid(json, 'stdin')
    expect(json.source).toMatchObject({ path: '-', encoding: 'utf-8', bytes: input.length })
    expect(json.source!.warnings).toEqual([expect.objectContaining({ code: 'undecodable-bytes', offset: head.length })])
    expect(run.stderr).toContain(`byte offset ${head.length}`)
    expect(sections(json.tree.children.flatMap((d) => d.children)).map((s) => s.line)).toEqual(['一、主要目标', '二、重点任务'])
  })

  it('should list every parser message when given --verbose, and print nothing on stderr when given --quiet', () => {
    const seed = path.join(seedsDir, seeds[2]!)
    const json = JSON.parse(plan2json([seed]).stdout) as PlanOutput
    const verbose = plan2json([seed, '--verbose', '--format', 'outline'])
    expect(verbose.code).toBe(0)
    const listed = verbose.stderr.split('\n').filter((l) => / \[[a-z-]+\]$/.test(l))
    expect(listed).toHaveLength(json.messages.length + json.source!.warnings.length)
    for (const m of json.messages) expect(listed.some((l) => l.includes(m.reason) && l.endsWith(`[${m.ruleId}]`))).toBe(true)
    const quiet = plan2json([seed, '--quiet', '--format', 'outline'])
    expect(quiet.stderr).toBe('')
    expect(quiet.stdout).toBe(verbose.stdout)
  })

  it('should force an encoding when given --encoding', () => {
    const run = plan2json(['-', '--encoding', 'big5', '--format', 'outline'], { input: iconv.encode('一、主要目標\n就業三萬人。\n二、重點任務\n', 'big5') })
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n').filter(Boolean)).toEqual(['  一、主要目標', '  二、重點任務'])
  })

  describe('should write every format so that it parses back when given two seeds', () => {
    const a = path.join(seedsDir, seeds[0]!)
    const b = path.join(seedsDir, seeds[2]!)
    let jsonA: PlanOutput
    let jsonB: PlanOutput
    beforeAll(() => {
      jsonA = JSON.parse(plan2json([a]).stdout) as PlanOutput
      jsonB = JSON.parse(plan2json([b]).stdout) as PlanOutput
    }, SLOW)

    it('should stream jsonl in input order when given --format jsonl', () => {
      const run = plan2json([a, b, '--format', 'jsonl', '-j', '2'])
      expect(run.code).toBe(0)
      const lines = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as QuantityRecord & { file: string })
      expect(lines).toHaveLength(jsonA.quantities.length + jsonB.quantities.length)
      expect(lines.map((l) => l.file)).toEqual([...jsonA.quantities.map(() => a), ...jsonB.quantities.map(() => b)])
      expect(lines.map(({ file: _, ...q }) => q)).toEqual([...jsonA.quantities, ...jsonB.quantities])
    })

    it('should write one CSV row per quantity into OUTDIR/quantities.csv, with a BOM, when given --format csv --excel', () => {
      const out = path.join(scratch, 'csv-out')
      const run = plan2json([a, b, '--format', 'csv', '--excel', '-o', out])
      expect(run.code).toBe(0)
      const text = readFileSync(path.join(out, 'quantities.csv'), 'utf8')
      expect(text.startsWith('\ufeff')).toBe(true)
      const [header, ...rows] = readCsv(text.slice(1))
      expect(header).toEqual(['file', 'document', 'sectionPath', 'sentence', 'raw', 'value', 'min', 'max', 'unit', 'qualifier', 'role', 'metric', 'year', 'indicator'])
      const all = [...jsonA.quantities, ...jsonB.quantities]
      expect(rows).toHaveLength(all.length)
      rows.forEach((row, i) => {
        const q = all[i]!
        expect(row).toEqual([
          i < jsonA.quantities.length ? a : b,
          String(q.document),
          q.sectionPath.join(' > '),
          q.context,
          q.raw,
          q.value === undefined ? '' : String(q.value),
          q.min === undefined ? '' : String(q.min),
          q.max === undefined ? '' : String(q.max),
          q.unit,
          q.qualifier,
          q.role,
          q.metric ?? '',
          q.year === null ? '' : String(q.year),
          q.indicator?.en ?? '',
        ])
      })
      expect(plan2json([a, '--format', 'csv', '-o', out]).code).toBe(2)
    })

    it('should print headings indented by depth when given --format outline', () => {
      const run = plan2json([a, '--format', 'outline'])
      expect(run.code).toBe(0)
      const lines = run.stdout.split('\n').filter(Boolean)
      const expected = sections(jsonA.tree.children.flatMap((d) => d.children))
      const indented = lines.filter((l) => l.startsWith('  '))
      expect(indented).toEqual(expected.map((s) => `${'  '.repeat(s.depth)}${s.line}`))
    })

    it('should print markdown whose headings mirror the sections when given --format md', () => {
      const run = plan2json([a, '--format', 'md'])
      expect(run.code).toBe(0)
      const mdast = parseMarkdown(run.stdout)
      const headings = mdast.children.filter((n) => n.type === 'heading')
      const expected = sections(jsonA.tree.children.flatMap((d) => d.children))
      const titled = jsonA.tree.children.filter((d) => d.title || d.marker).length
      expect(headings).toHaveLength(expected.length + titled)
      const sectionHeadings = headings.filter((h) => h.depth > 1)
      expect(sectionHeadings.map((h) => h.depth)).toEqual(expected.map((s) => Math.min(6, s.depth + 1)))
    })
  })
})
