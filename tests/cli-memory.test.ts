/**
 * Long batches do not leak: the built CLI converting 10,000 files keeps
 * its memory flat. The resident set of the CLI process (main thread and
 * worker threads together) is sampled from `/proc` across the run; the
 * peak of the last quarter must not exceed the peak of the second quarter
 * by more than a small allowance. A leak that kept even 10 KB per file
 * would add about 25 MB between those windows.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url))
const SEEDS = new URL('../seeds/', import.meta.url)
const FILES = 10_000
/** Characters per generated file: a slice of a real plan. */
const SLICE = 400
const SAMPLE_MS = 50

const canRun = existsSync(CLI) && existsSync('/proc/self/status')

/** Resident set size of process `pid` in bytes, or undefined once it has exited. */
function rssOf(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : undefined
  } catch {
    return undefined
  }
}

function countFiles(dir: string): number {
  let n = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    n += entry.isDirectory() ? countFiles(join(dir, entry.name)) : 1
  }
  return n
}

const work = canRun ? mkdtempSync(join(tmpdir(), 'plan-parse-memory-')) : ''
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe.skipIf(!canRun)('plan2json on a long batch', () => {
  it(`should keep its memory flat when converting ${FILES.toLocaleString('en')} files`, async () => {
    const seeds = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(new URL(f, SEEDS), 'utf8'))
    const input = join(work, 'in')
    const output = join(work, 'out')
    const { mkdirSync } = await import('node:fs')
    mkdirSync(input)
    for (let i = 0; i < FILES; i++) {
      const seed = seeds[i % seeds.length]!
      const at = (i * 997) % Math.max(1, seed.length - SLICE)
      // Each file differs, so nothing can be cached across files.
      writeFileSync(join(input, `${String(i).padStart(5, '0')}.txt`), seed.slice(at, at + SLICE))
    }

    const child = spawn(process.execPath, [CLI, input, '-o', output, '--format', 'json', '--quiet', '--jobs', '2'], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const samples: number[] = []
    const timer = setInterval(() => {
      const rss = child.pid === undefined ? undefined : rssOf(child.pid)
      if (rss !== undefined) samples.push(rss)
    }, SAMPLE_MS)
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)))
    clearInterval(timer)

    expect(code, stderr).toBe(0)
    expect(countFiles(output)).toBe(FILES)
    expect(samples.length).toBeGreaterThanOrEqual(20)

    const quarter = Math.floor(samples.length / 4)
    const peak = (from: number, to: number): number => Math.max(...samples.slice(from, to))
    const second = peak(quarter, 2 * quarter)
    const last = peak(3 * quarter, samples.length)
    const mb = (x: number): string => `${(x / 2 ** 20).toFixed(0)} MB`
    expect(last, `peak RSS ${mb(second)} in the second quarter of the run, ${mb(last)} in the last`).toBeLessThan(second * 1.15 + 24 * 2 ** 20)
  }, 180_000)
})
