/**
 * Adversarial inputs: `parsePlan` must finish in time linear in the input
 * and return a sound tree, however strange the text.
 *
 * Time is never compared to an absolute bound: each case is compared to a
 * same-size plain-prose baseline parsed in the same test, so a slow or
 * busy machine slows both. A case fails when it takes more than
 * `FACTOR × baseline + SLACK_MS`, the signature of super-linear work
 * (backtracking regular expressions, quadratic scans, re-parsing).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { parsePlan } from '../src/parse.js'
import type { ParseResult } from '../src/core/types.js'
import { positionProblems } from './property-invariants.js'

/** How many times slower than plain prose of the same size a case may be. */
const FACTOR = 50
/** Fixed allowance for set-up work that does not depend on size. */
const SLACK_MS = 500
/** Per-test timeout: generous, the assertion is the relative bound. */
const TIMEOUT_MS = 240_000

const PROSE =
  '城镇新增就业人数达到50万人，城镇登记失业率控制在4%以内。全面推进人力资源和社会保障事业发展，' +
  '基本养老保险参保率达到95%以上；新增技能人才10万人。'

/** Plain prose of `length` characters, hard-wrapped like a PDF export. */
function prose(length: number): string {
  const flat = PROSE.repeat(Math.ceil(length / PROSE.length)).slice(0, length)
  const lines: string[] = []
  for (let i = 0; i < flat.length; i += 39) lines.push(flat.slice(i, i + 39))
  // Line breaks replace every 40th character so the length stays exact.
  return lines.join('\n').slice(0, length)
}

function cn(n: number): string {
  const d = '零一二三四五六七八九'
  if (n < 10) return d[n]!
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`
  if (n < 100) return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`
  return String(n)
}

/** The numbering schemes of a plan, outermost first, as marker makers. */
const SCHEMES: Array<(n: number) => string> = [
  (n) => `第${cn(n)}章`,
  (n) => `第${cn(n)}节`,
  (n) => `${cn(n)}、`,
  (n) => `（${cn(n)}）`,
  (n) => `${n}.`,
  (n) => `（${n}）`,
  (n) => String.fromCharCode(0x2460 + ((n - 1) % 20)),
  (n) => `专栏${n}`,
]

function table(rows: number, cols: number, cell: (r: number, c: number) => string, row: (cells: string[]) => string): string[] {
  const out: string[] = []
  for (let r = 0; r < rows; r++) out.push(row(Array.from({ length: cols }, (_, c) => cell(r, c))))
  return out
}

interface Case {
  name: string
  /** The size the issue asks for, in units of `make`. */
  n: number
  /** The input at size `n` (a count of markers, cells, levels …). */
  make: (n: number) => string
  /** Extra checks on the full-size result, beyond "no throw, positions sound". */
  check?: (result: ParseResult, text: string) => void
  /** Known open problem: the case is skipped, naming the finding, until it is fixed. */
  open?: string
}

function count(result: ParseResult, type: string): number {
  let n = 0
  const visit = (node: { type: string; children?: unknown[] }): void => {
    if (node.type === type) n++
    for (const kid of (node.children ?? []) as Array<{ type: string; children?: unknown[] }>) visit(kid)
  }
  visit(result.tree)
  return n
}

function alternatingHeadings(n: number): string {
  const lines: string[] = []
  for (let i = 0; i < n; i++) lines.push(`${SCHEMES[i % SCHEMES.length]!(Math.floor(i / SCHEMES.length) + 1)}标题`)
  return lines.join('\n')
}

const CASES: Case[] = [
  { name: '100,000 repeated markers run together (一、一、一、…)', n: 100_000, make: (n) => '一、'.repeat(n) },
  { name: '100,000 repeated markers one per line', n: 100_000, make: (n) => '一、\n'.repeat(n) },
  { name: '100,000 repeated bracketed markers one per line', n: 100_000, make: (n) => '（一）\n'.repeat(n) },
  { name: 'a 1 MB line without punctuation', n: 131_072, make: (n) => '发展经济保障民生'.repeat(n) },
  { name: '100,000 digits', n: 100_000, make: (n) => '1'.repeat(n) },
  { name: '100,000 digits followed by a unit', n: 100_000, make: (n) => `${'9'.repeat(n)}万人` },
  { name: '100,000 Chinese numerals followed by a unit', n: 7_143, make: (n) => `${'一二三四五六七八九十百千万亿'.repeat(n)}人` },
  { name: '50,000 decimal points between digits', n: 50_000, make: (n) => '1.'.repeat(n) },
  { name: '10,000 quantities in one sentence', n: 5_000, make: (n) => '增长5%，达到10万人，'.repeat(n) },
  {
    name: '10,000 nesting levels of alternating schemes',
    n: 10_000,
    make: alternatingHeadings,
    check: (result) => expect(count(result, 'section') + count(result, 'box')).toBeGreaterThan(1_000),
  },
  { name: '10,000 nested markdown block quotes', n: 10_000, make: (n) => `${'>'.repeat(n)} 一、文本` },
  { name: '10,000 nested markdown list items', n: 10_000, make: (n) => Array.from({ length: n }, (_, i) => `${' '.repeat((i % 200) * 2)}- 项目`).join('\n') },
  {
    name: 'a tab-separated table with 100,000 cells',
    n: 1_000,
    make: (n) => table(n, 100, (r, c) => String(r * c), (cells) => cells.join('\t')).join('\n'),
  },
  {
    name: 'a markdown pipe table with 100,000 cells',
    n: 10_000,
    make: (n) => [`|${'指标|'.repeat(10)}`, `|${'---|'.repeat(10)}`, ...table(n, 10, (r, c) => String(r + c), (cells) => `|${cells.join('|')}|`)].join('\n'),
  },
  {
    name: 'a Word table export with 100,000 cells',
    n: 25_000,
    make: (n) =>
      `序号\n\t指标\n\t单位\n\t目标\n${table(n, 4, (r, c) => (c === 0 ? String(r + 1) : c === 2 ? '万人' : String(r)), (cells) => cells.map((x) => `\t${x}`).join('\n')).join('\n')}`,
  },
  {
    name: 'an HTML table with 100,000 cells',
    n: 10_000,
    make: (n) => `<table>${table(n, 10, (r, c) => `<td>${r + c}</td>`, (cells) => `<tr>${cells.join('')}</tr>`).join('')}</table>`,
  },
  { name: 'every kind of bracket left open, 100,000 times', n: 7_143, make: (n) => '（【《“‘「『〔［｛([{<'.repeat(n) },
  { name: '100,000 open full-width parentheses before a sentence end', n: 100_000, make: (n) => `${'（'.repeat(n)}一、目标。` },
  { name: '100,000 open quotation marks', n: 100_000, make: (n) => '“'.repeat(n) },
  { name: '33,333 open book-title marks with text', n: 33_333, make: (n) => '《规划'.repeat(n) },
  { name: '10,000 nested HTML elements left open', n: 10_000, make: (n) => `${'<div>'.repeat(n)}一、目标` },
  { name: '10,000 nested HTML table cells left open', n: 10_000, make: (n) => '<table><tr><td>'.repeat(n) },
  { name: '100,000 sentence ends', n: 100_000, make: (n) => '。'.repeat(n) },
  { name: '100,000 blank lines', n: 100_000, make: (n) => '\n'.repeat(n) },
  { name: '100,000 blank lines between paragraphs', n: 50_000, make: (n) => '一、目标\n\n'.repeat(n) },
  { name: '100,000 ideographic spaces', n: 100_000, make: (n) => '\u3000'.repeat(n) },
  { name: '100,000 spaces', n: 100_000, make: (n) => ' '.repeat(n) },
  { name: '100,000 tabs', n: 100_000, make: (n) => '\t'.repeat(n) },
  { name: '100,000 pipes', n: 100_000, make: (n) => '|'.repeat(n) },
  { name: '100,000 hashes and asterisks', n: 50_000, make: (n) => '#*'.repeat(n) },
  { name: '25,000 attachment markers', n: 25_000, make: (n) => '附件1\n'.repeat(n) },
  { name: '20,000 box markers', n: 20_000, make: (n) => '专栏1\n'.repeat(n) },
]

function timed<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now()
  const value = fn()
  return { ms: performance.now() - t0, value }
}

/**
 * Steps towards the full size, each √10 ≈ 3.16× the last: a super-linear
 * case fails on a small step instead of hanging the suite (a synchronous
 * parse cannot be interrupted by a test timeout).
 */
const STEPS = [0.001, 0.00316, 0.01, 0.0316, 0.1, 0.316, 1]
/**
 * Largest time growth tolerated from one step to the next. Linear work
 * grows 3.16×, quadratic 10×, cubic 32×.
 */
const MAX_STEP_GROWTH = 8
/** Below this a step is too short for its growth to be measured reliably (ms). */
const MEASURABLE_MS = 100

describe('parsePlan on adversarial input', () => {
  beforeAll(() => {
    // Warm up the parser so the first case does not pay for compilation.
    for (let i = 0; i < 3; i++) parsePlan(prose(20_000))
  })

  for (const c of CASES) {
    const test = c.open ? it.skip : it
    test(
      `should finish within ${FACTOR}× a same-size prose baseline and return a sound tree when given ${c.name}`,
      () => {
        let previous: number | undefined
        for (const step of STEPS) {
          const text = c.make(Math.max(1, Math.round(c.n * step)))
          const baseline = prose(text.length)
          const base = Math.min(timed(() => parsePlan(baseline)).ms, timed(() => parsePlan(baseline)).ms)
          const { ms, value: result } = timed(() => parsePlan(text))
          const what = `${c.name} at ${step}× size (${text.length} characters): ${ms.toFixed(0)} ms, same-size prose ${base.toFixed(0)} ms`
          expect(ms, what).toBeLessThan(FACTOR * base + SLACK_MS)
          if (previous !== undefined && ms > MEASURABLE_MS) {
            expect(ms / previous, `${what}; ${(ms / previous).toFixed(1)}× the time of the 3.16× smaller input`).toBeLessThan(MAX_STEP_GROWTH)
          }
          previous = Math.max(ms, 25)
          expect(result.tree.type).toBe('root')
          expect(positionProblems(result, text)).toEqual([])
          if (step === 1) c.check?.(result, text)
        }
      },
      TIMEOUT_MS,
    )
  }
})
