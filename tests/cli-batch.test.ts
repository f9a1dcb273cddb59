/**
 * Batch runs of the built CLI (`dist/cli.js`; `npm test` builds it): two
 * thousand files in one run, and an interrupted run that a rerun resumes.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PlanOutput } from '../src/output/schema.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const cli = path.join(root, 'dist', 'cli.js')
const scratch = mkdtempSync(path.join(tmpdir(), 'plan2json-batch-'))

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` (or `npm test`, which builds first)')
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A small plan whose numbers depend on `i`. */
function smallPlan(i: number): string {
  return [
    `第${i}号区就业工作计划`,
    '一、主要目标',
    `城镇新增就业${i + 1}万人，城镇登记失业率控制在4%以内。`,
    '二、主要措施',
    '（一）加强职业培训',
    `全年开展职业技能培训${(i % 50) + 2}万人次。`,
    '（二）完善社会保障',
    '企业职工基本养老保险参保人数达到95万人。',
    '',
  ].join('\n')
}

/** Files under `dir` (hidden ones too), relative to it. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(path.join(dir, d.name)).map((f) => path.join(d.name, f)) : [d.name],
  )
}

describe('plan2json on a batch', { timeout: 120_000 }, () => {
  it('should convert 2,000 small files in one run when given their folder', () => {
    const input = path.join(scratch, 'many')
    const out = path.join(scratch, 'many-out')
    const count = 2000
    for (let i = 0; i < count; i++) {
      const dir = path.join(input, `d${String(Math.floor(i / 100)).padStart(2, '0')}`)
      if (i % 100 === 0) mkdirSync(dir, { recursive: true })
      writeFileSync(path.join(dir, `plan-${i}.txt`), smallPlan(i))
    }
    const run = spawnSync(process.execPath, [cli, 'many', '-o', out, '-j', '2'], { cwd: scratch, encoding: 'utf8' })
    expect(run.stderr).toContain(`${count} inputs: ${count} converted, 0 failed`)
    expect(run.status).toBe(0)
    const written = listFiles(out).filter((f) => f.endsWith('.json'))
    expect(written).toHaveLength(count)
    expect(listFiles(out).filter((f) => f.endsWith('.tmp'))).toEqual([])
    for (const i of [0, 999, 1999]) {
      const file = path.join(out, 'many', `d${String(Math.floor(i / 100)).padStart(2, '0')}`, `plan-${i}.txt.json`)
      const json = JSON.parse(readFileSync(file, 'utf8')) as PlanOutput
      expect(json.source?.path).toBe(path.join('many', `d${String(Math.floor(i / 100)).padStart(2, '0')}`, `plan-${i}.txt`))
      expect(json.quantities.map((q) => q.raw)).toContain(`${i + 1}万人`)
    }
  })

  it('should stop after the files in flight when interrupted, and resume on a rerun', async () => {
    const input = path.join(scratch, 'interrupted')
    const out = path.join(scratch, 'interrupted-out')
    mkdirSync(input, { recursive: true })
    const seed = readFileSync(path.join(root, 'seeds', readdirSync(path.join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort()[1]!), 'utf8')
    const count = 12
    for (let i = 0; i < count; i++) writeFileSync(path.join(input, `p${String(i).padStart(2, '0')}.txt`), seed)

    const child = spawn(process.execPath, [cli, 'interrupted', '-o', out, '-j', '1'], { cwd: scratch })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    // Interrupt as soon as the first output exists.
    const first = path.join(out, 'interrupted', 'p00.txt.json')
    for (let tries = 0; tries < 600 && !existsSync(first); tries++) await new Promise((r) => setTimeout(r, 50))
    child.kill('SIGINT')
    const code = await exited
    expect(code).toBe(130)
    expect(stderr).toContain('interrupted')
    const done = listFiles(path.join(out, 'interrupted'))
    expect(done.filter((f) => f.endsWith('.tmp'))).toEqual([])
    expect(done.length).toBeGreaterThanOrEqual(1)
    expect(done.length).toBeLessThan(count)
    for (const f of done) expect(() => JSON.parse(readFileSync(path.join(out, 'interrupted', f), 'utf8'))).not.toThrow()

    const rerun = spawnSync(process.execPath, [cli, 'interrupted', '-o', out, '-j', '2'], { cwd: scratch, encoding: 'utf8' })
    expect(rerun.status).toBe(0)
    expect(rerun.stderr).toContain(`${count - done.length} converted, 0 failed, ${done.length} skipped`)
    expect(listFiles(path.join(out, 'interrupted'))).toHaveLength(count)
  })
})
