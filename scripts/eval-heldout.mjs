#!/usr/bin/env node
// Scores the built package on the held-out quantity fixtures
// (fixtures/quantities/heldout-*.txt, annotated by hand before the parser
// was run on them) with the reference scorer, exactly as the seeds are
// scored. Extra arguments are passed to the scorer (e.g. --json).
// Run `npx tsup` first (or `npm run build`).
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dir = join('fixtures', 'quantities')
const files = readdirSync(join(root, dir))
  .filter((f) => /^heldout-.*\.txt$/.test(f))
  .sort()
  .map((f) => join(dir, f))
const out = execFileSync(
  process.execPath,
  [join('eval', 'score.mjs'), '--project', '.', '--gold', dir, ...process.argv.slice(2), ...files],
  { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 },
)
process.stdout.write(out)
