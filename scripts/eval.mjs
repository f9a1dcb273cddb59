#!/usr/bin/env node
// `npm run eval`: scores the built package with the reference scorer
// (eval/score.mjs, identical to the shared one) against the gold copy in
// eval/gold, on every seed. Printed last, so that a tail of the output shows
// it, after two extra tables: the same scorer on the hand-annotated held-out
// excerpts (fixtures/quantities), and the headings of the PDF and DOCX
// versions of the seeds (fixtures/binary; their offsets differ, so markers
// and titles are matched), then the development corpus of real plans from
// other issuers and forms (eval/dev, gold beside each text). Extra arguments
// go to the seed scorer (--json).
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const run = (args) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 })
const json = process.argv.includes('--json')

if (!json) {
  for (const script of ['eval-binary.mjs', 'eval-heldout.mjs']) {
    console.log(`== ${script}`)
    process.stdout.write(run([join(root, 'scripts', script)]))
    console.log()
  }
}

/** The `.txt` files of a folder, relative to the project, in order. */
const texts = (dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f))
const score = (gold, files) => run([join('eval', 'score.mjs'), '--project', '.', '--gold', gold, ...process.argv.slice(2), ...files])

if (!json) {
  console.log('== development corpus (eval/score.mjs against eval/dev)')
  process.stdout.write(score(join('eval', 'dev'), texts(join('eval', 'dev'))))
  console.log()
}
const seeds = texts('seeds')
if (!json) console.log('== seeds (eval/score.mjs against eval/gold)')
process.stdout.write(score(join('eval', 'gold'), seeds))
if (json) process.exit(0)

// Share of target quantities linked to a canonical indicator.
const { parsePlan } = await import(pathToFileURL(join(root, 'dist', 'index.js')).href)
let targets = 0
let linked = 0
for (const seed of seeds) {
  for (const q of parsePlan(readFileSync(join(root, seed), 'utf8')).quantities) {
    if (q.role !== 'target') continue
    targets++
    if (q.indicator) linked++
  }
}
console.log(`INDICATORS target quantities with an indicator id: ${linked}/${targets} = ${(linked / Math.max(1, targets)).toFixed(3)}`)
