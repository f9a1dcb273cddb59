import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table'
import { gfmTable } from 'micromark-extension-gfm-table'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { afterAll, describe, expect, it } from 'vitest'
import { parseCommandLine, UsageError } from '../src/cli/args.js'
import { csvField, csvHeader, toCsvRows, toMarkdown, toOutline } from '../src/cli/formats.js'
import { globToRegExp, splitPattern } from '../src/cli/glob.js'
import { expandInputs } from '../src/cli/inputs.js'
import { renderBar } from '../src/cli/progress.js'
import { closest } from '../src/cli/suggest.js'
import { outputPathFor } from '../src/cli/write.js'
import { parsePlan } from '../src/parse.js'


/** Markdown → mdast with GFM tables, as remark-gfm registers them. */
function parseMarkdown(md: string) {
  const processor = unified().use(remarkParse)
  const data = processor.data()
  data.micromarkExtensions = [gfmTable()]
  data.fromMarkdownExtensions = [gfmTableFromMarkdown()]
  return processor.parse(md)
}

const scratch = mkdtempSync(path.join(tmpdir(), 'plan2json-units-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function usageError(argv: string[]): string {
  try {
    parseCommandLine(argv, 2)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`)
}

describe('command line', () => {
  it.each([
    [['--fromat', 'csv', 'a.txt'], 'did you mean --format?'],
    [['--out-dir', 'x', 'a.txt'], 'did you mean --out?'],
    [['--exel', 'a.txt'], 'did you mean --excel?'],
    [['--foce', 'a.txt'], 'did you mean --force?'],
    [['--format', 'jsn', 'a.txt'], 'did you mean "json"?'],
    [['--format', 'xlsx', 'a.txt'], 'expected one of: json, jsonl, csv, outline, md'],
    [['--jobs', '0', 'a.txt'], '--jobs needs a whole number'],
    [['--excel', 'a.txt'], '--excel only applies to --format csv'],
    [['a.txt', '--format'], 'needs a value'],
    [[], 'no input given'],
    [['-', '-'], 'stdin (-) can be read only once'],
  ])('should report a usage error when given %j', (argv, message) => {
    expect(usageError(argv)).toContain(message)
  })

  it('should read every option when they are all given', () => {
    const command = parseCommandLine(['a', 'b/', '-o', 'out', '-f', 'csv', '--excel', '-e', 'gbk', '--form', 'html', '-j', '3', '--force', '-q', '--lang', 'zh'], 8)
    expect(command).toEqual({
      kind: 'run',
      options: { inputs: ['a', 'b/'], outDir: 'out', format: 'csv', encoding: 'gbk', form: 'html', jobs: 3, force: true, quiet: true, verbose: false, excel: true, pretty: false, lang: 'zh' },
    })
  })

  it('should default jobs to the core count and format to json when not given', () => {
    expect(parseCommandLine(['a.txt'], 6)).toMatchObject({ kind: 'run', options: { jobs: 6, format: 'json', outDir: undefined } })
  })

  it.each([
    [['--help'], 'help'],
    [['-h', 'x'], 'help'],
    [['--version'], 'version'],
    [['schema'], 'schema'],
  ])('should recognise %j', (argv, kind) => {
    expect(parseCommandLine(argv, 2).kind).toBe(kind)
  })

  it('should suggest nothing when no flag is close', () => {
    expect(closest('--zzzzzzzzzz', ['--format', '--out'])).toBeUndefined()
  })
})

describe('glob', () => {
  it.each([
    ['plans/**/*.txt', 'plans', ['a.txt', 'x/y/b.txt'], ['a.md', 'x/b.txt.bak']],
    ['plans/*.{txt,md}', 'plans', ['a.txt', 'b.md'], ['x/a.txt', 'a.htm']],
    ['data/20[01]?/*.htm', 'data', ['2012/a.htm', '2009/b.htm'], ['2020/a.htm', '2012/a.html']],
    ['*.txt', '.', ['a.txt'], ['d/a.txt']],
    ['a/**', 'a', ['x', 'x/y/z'], []],
  ])('should match %s', (pattern, base, yes, no) => {
    const split = splitPattern(pattern)
    expect(split.base).toBe(base)
    const re = globToRegExp(split.rest)
    for (const p of yes) expect(re.test(p), p).toBe(true)
    for (const p of no) expect(re.test(p), p).toBe(false)
  })
})

describe('inputs', () => {
  it('should list files in order, skip hidden and unrelated files, and report broken paths when expanding a folder', async () => {
    const root = path.join(scratch, 'walk')
    mkdirSync(path.join(root, 'b', '.hidden'), { recursive: true })
    mkdirSync(path.join(root, 'out'), { recursive: true })
    for (const f of ['b/2.txt', 'b/1.htm', 'a.md', 'notes.json', 'b/.hidden/x.txt', '.DS_Store', 'scan.pdf', 'out/a.json', 'out/c.txt', 'page']) {
      writeFileSync(path.join(root, f), 'x')
    }
    symlinkSync(path.join(root, 'nowhere.txt'), path.join(root, 'broken.txt'))
    const { files, problems } = await expandInputs([root, path.join(root, 'a.md'), path.join(root, 'missing.txt')], { exclude: path.join(root, 'out'), cwd: scratch })
    expect(files.map((f) => f.rel)).toEqual(['walk/a.md', 'walk/b/1.htm', 'walk/b/2.txt', 'walk/page', 'walk/scan.pdf'])
    expect(problems).toEqual([
      { display: path.join(root, 'broken.txt'), reason: 'unreadable: no such file or directory' },
      { display: path.join(root, 'missing.txt'), reason: 'no such file or directory' },
    ])
  })

  it('should expand a glob, and report one that matches nothing, when given patterns', async () => {
    const root = path.join(scratch, 'glob')
    mkdirSync(path.join(root, 'x'), { recursive: true })
    writeFileSync(path.join(root, 'x', 'a.txt'), 'x')
    writeFileSync(path.join(root, 'x', 'b.md'), 'x')
    const { files, problems } = await expandInputs(['glob/**/*.txt', 'glob/*.htm'], { cwd: scratch })
    expect(files.map((f) => f.display)).toEqual([path.join('glob', 'x', 'a.txt')])
    expect(problems).toEqual([{ display: 'glob/*.htm', reason: 'no files match this pattern' }])
  })

  it('should mirror input paths under the output folder when computing output paths', () => {
    expect(outputPathFor('plans/2012/a.txt', 'json', '/o')).toBe(path.resolve('/o/plans/2012/a.txt.json'))
    expect(outputPathFor('a.htm', 'outline', '/o')).toBe(path.resolve('/o/a.htm.outline.txt'))
    expect(outputPathFor('stdin', 'md', '/o')).toBe(path.resolve('/o/stdin.md'))
    expect(outputPathFor('page', 'json', '/o')).toBe(path.resolve('/o/page.json'))
  })

  it('should give every input its own output path when names differ only in their extension', () => {
    const names = ['x.pdf', 'x.docx', 'x.txt', 'x.htm', 'x.md', 'x']
    for (const format of ['json', 'outline', 'md'] as const) {
      const outs = names.map((n) => outputPathFor(path.join('plans', n), format, '/o'))
      expect(new Set(outs).size).toBe(names.length)
    }
    expect(outputPathFor('plans/x.pdf', 'json', '/o')).toBe(path.resolve('/o/plans/x.pdf.json'))
    expect(outputPathFor('plans/x.docx', 'json', '/o')).toBe(path.resolve('/o/plans/x.docx.json'))
  })
})

describe('formats', () => {
  const plan = [
    '某市就业工作实施方案',
    '一、主要目标',
    '城镇新增就业3万人，城镇登记失业率控制在4%以内。',
    '二、重点任务',
    '（一）稳定就业',
    '开展职业培训2万人次，一是加强培训；二是加强服务。',
    '（二）完善保障',
    '养老保险参保率达到95%以上。',
  ].join('\n')
  const result = parsePlan(plan)

  it('should quote CSV fields when they hold commas, quotes or line breaks', () => {
    expect([csvField('a,b'), csvField('say "hi"'), csvField('x\ny'), csvField(3.5), csvField(null), csvField('plain')]).toEqual([
      '"a,b"',
      '"say ""hi"""',
      '"x\ny"',
      '3.5',
      '',
      'plain',
    ])
  })

  it('should name the CSV columns in Chinese when asked', () => {
    expect(csvHeader('en')).toBe('file,document,sectionPath,sentence,raw,value,min,max,unit,qualifier,role,metric,year,indicator\r\n')
    expect(csvHeader('zh').split(',')[0]).toBe('文件')
  })

  it('should write one CSV row per quantity when given records', () => {
    const rows = toCsvRows('p.txt', result.quantities).split('\r\n').filter(Boolean)
    expect(rows).toHaveLength(result.quantities.length)
    for (const [i, row] of rows.entries()) expect(row).toContain(result.quantities[i]!.raw)
  })

  it('should indent headings by depth when rendering the outline', () => {
    const sections: Array<[number, string]> = []
    const visit = (nodes: readonly unknown[]) => {
      for (const n of nodes as Array<{ type: string; depth: number; marker: { raw: string }; title: string; children: unknown[] }>) {
        if (n.type === 'section' || n.type === 'box') {
          sections.push([n.depth, `${n.marker.raw}${/[\p{P}\s]$/u.test(n.marker.raw) ? '' : ' '}${n.title}`])
          visit(n.children)
        }
      }
    }
    for (const doc of result.tree.children) visit(doc.children)
    expect(sections.length).toBeGreaterThanOrEqual(4)
    const lines = toOutline(result.tree).split('\n').filter(Boolean)
    for (const [depth, line] of sections) expect(lines).toContain(`${'  '.repeat(depth)}${line}`)
  })

  it('should render markdown whose headings follow the hierarchy when parsed back', () => {
    const md = toMarkdown(result.tree)
    const mdast = parseMarkdown(md)
    const headings = mdast.children.filter((n) => n.type === 'heading')
    expect(headings.map((h) => h.depth)).toContain(2)
    expect(headings.map((h) => h.depth)).toContain(3)
    expect(md).toContain('## 一、主要目标')
    expect(md).toContain('### （一）稳定就业')
    expect(md).toContain('城镇新增就业3万人')
  })

  it('should keep one space between marker and title when the marker ends in a letter or digit', () => {
    const tree = parsePlan('一、重点任务\n\n（一）防洪减灾。完善堤防体系。\n\n专栏3 防洪减灾重点项目\n\n新建堤防40公里。\n\n第一章 总则\n\n第二章 目标\n').tree
    const md = toMarkdown(tree)
    expect(md).toContain('## 一、重点任务')
    expect(md).toContain('### （一）防洪减灾')
    expect(md).toContain('完善堤防体系')
    expect(md).toMatch(/#+ 专栏3 防洪减灾重点项目/)
    expect(md).toMatch(/#+ 第一章 总则/)
    const outline = toOutline(tree)
    expect(outline).toContain('专栏3 防洪减灾重点项目')
    expect(outline).toContain('第二章 目标')
    expect(outline).not.toMatch(/专栏3防洪/)
  })

  it('should render tables as pipe tables when the plan has one', () => {
    const md = toMarkdown(parsePlan('指标\t单位\t2015年\n城镇新增就业\t万人\t3\n失业率\t%\t4\n').tree)
    const mdast = parseMarkdown(md)
    const table = mdast.children.find((n) => n.type === 'table')
    expect(table?.type).toBe('table')
    expect(md).toContain('城镇新增就业')
  })
})

describe('progress', () => {
  it('should show files, rate, ETA and failures when drawing the bar', () => {
    const line = renderBar({ done: 50, total: 200, failed: 2, bytes: 10e6 }, 5, 100)
    expect(line).toContain('50/200 files')
    expect(line).toContain('2.0 MB/s')
    expect(line).toContain('ETA 0:15')
    expect(line).toContain('2 failed')
    expect(line.length).toBeLessThan(100)
  })
})

describe('labels in two languages', () => {
  const result = parsePlan('二、主要目标\n到2025年，城镇登记失业率控制在3.5%以内，城镇新增就业15万人以上。')

  it('should keep codes and give English indicator names when lang is en', () => {
    const [row] = toCsvRows('p.txt', result.quantities, 'en').split('\r\n')
    expect(row).toContain(',percent,lte,target,城镇登记失业率,2025,')
    expect(row!.split(',').at(-1)).toMatch(/unemployment rate/i)
  })

  it('should write units, qualifiers, roles and indicators as Chinese labels when lang is zh', () => {
    const [row] = toCsvRows('p.txt', result.quantities, 'zh').split('\r\n')
    expect(row).not.toContain('percent')
    expect(row).not.toContain(',lte,')
    expect(row!.split(',').at(-1)).toBe('城镇登记失业率')
  })

  it('should tag document lines with their kind in the chosen language when lang is given', () => {
    expect(toOutline(result.tree, 'en').split('\n')[0]).toMatch(/^\[[a-z ]+\]/)
    expect(toOutline(result.tree, 'zh').split('\n')[0]).toMatch(/^\[[\u4e00-\u9fff]+\]/)
    expect(toOutline(result.tree).split('\n')[0]).toBe('  二、主要目标')
  })
})
