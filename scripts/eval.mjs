#!/usr/bin/env node
// Scores the built package against the gold copy in eval/gold with the
// reference scorer (eval/score.mjs, identical to the shared one), on every
// seed. Extra arguments are passed to the scorer (e.g. --json).
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const seeds = readdirSync(join(root, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join('seeds', f))
const out = execFileSync(
  process.execPath,
  [join('eval', 'score.mjs'), '--project', '.', '--gold', join('eval', 'gold'), ...process.argv.slice(2), ...seeds],
  { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 },
)
process.stdout.write(out)

// Share of target quantities linked to a canonical indicator (bilingual issue).
const { pathToFileURL } = await import('node:url')
const { parsePlan } = await import(pathToFileURL(join(root, 'dist', 'index.js')).href)
const { readFileSync } = await import('node:fs')
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
