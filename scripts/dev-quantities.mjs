// Dev check of the quantity finder against the gold, without the tree
// stage: each seed is cut into pieces at sentence ends, tabs and blank-line
// paragraph breaks, line breaks are removed, and `findQuantities` runs on
// each piece. Prints span recall/precision and value/unit/qualifier
// agreement, then the misses. Usage: node scripts/dev-quantities.mjs [seed-prefix] [--misses]
import { build } from 'esbuild'
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { pathToFileURL, fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = join(mkdtempSync(join(tmpdir(), 'dev-q-')), 'find.mjs')
await build({ entryPoints: [join(root, 'src/quantities/find.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' })
const { findQuantities } = await import(pathToFileURL(out).href)

const only = process.argv.slice(2).find((a) => !a.startsWith('--'))
const showMisses = process.argv.includes('--misses')
const seeds = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt') && (!only || f.startsWith(only)))
let T = { gold: 0, pred: 0, hit: 0, value: 0, unit: 0, qual: 0 }
for (const f of seeds) {
  const name = f.replace(/\.txt$/, '')
  const text = readFileSync(join(root, 'seeds', f), 'utf8')
  const gold = readFileSync(join(root, 'eval/gold', `${name}.quantities.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
  const preds = []
  // pieces: split at 。；！？ and tabs; drop line breaks inside a piece
  let chars = []
  let offs = []
  const flush = (cell) => {
    if (chars.length) {
      const s = chars.join('')
      const o = offs
      for (const m of findQuantities(s, { cell })) preds.push({ ...m, s: o[m.start], e: o[m.end - 1] + 1 })
    }
    chars = []
    offs = []
  }
  const lines = text.split('\n')
  let base = 0
  for (const line of lines) {
    const isRow = line.includes('\t')
    for (let k = 0; k < line.length; k++) {
      const c = line[k]
      if (c === '\r') continue
      if (isRow && c === '\t') { flush(true); continue }
      chars.push(c)
      offs.push(base + k)
      if ('。；！？'.includes(c)) flush(false)
    }
    if (isRow) flush(true)
    base += line.length + 1
  }
  flush(false)
  const used = new Set()
  const rows = []
  let hit = 0, value = 0, unit = 0, qual = 0
  for (const g of gold) {
    const p = preds.find((p) => !used.has(p) && p.s < g.end && g.start < p.e)
    if (!p) { rows.push(`  MISS ${JSON.stringify(g.raw)} ${g.unit} ${g.qualifier} | ${text.slice(g.start - 12, g.end + 4).replace(/\s/g, '')}`); continue }
    used.add(p)
    hit++
    const gv = g.value ?? (g.parts ? g.parts.join(':') : `${g.min}-${g.max}`)
    const pv = p.value ?? (p.parts ? p.parts.join(':') : `${p.min}-${p.max}`)
    const vOk = String(gv) === String(pv)
    value += vOk
    unit += g.unit === p.unit
    qual += g.qualifier === p.qualifier
    if (!vOk || g.unit !== p.unit || g.qualifier !== p.qualifier) rows.push(`  DIFF ${JSON.stringify(g.raw)} gold ${gv} ${g.unit} ${g.qualifier} / got ${pv} ${p.unit} ${p.qualifier} | ${text.slice(g.start - 10, g.end + 4).replace(/\s/g, '')}`)
  }
  for (const p of preds) if (!used.has(p)) rows.push(`  EXTRA ${JSON.stringify(text.slice(p.s, p.e))} ${p.unit} | ${text.slice(p.s - 12, p.e + 6).replace(/\s/g, '')}`)
  const P = hit / preds.length, R = hit / gold.length
  console.log(`${name}: gold ${gold.length} pred ${preds.length} P ${P.toFixed(3)} R ${R.toFixed(3)} F1 ${(2 * P * R / (P + R)).toFixed(3)} value ${(value / hit).toFixed(3)} unit ${(unit / hit).toFixed(3)} qual ${(qual / hit).toFixed(3)}`)
  if (showMisses) console.log(rows.join('\n'))
  T.gold += gold.length; T.pred += preds.length; T.hit += hit; T.value += value; T.unit += unit; T.qual += qual
}
console.log(`ALL: P ${(T.hit / T.pred).toFixed(3)} R ${(T.hit / T.gold).toFixed(3)} value ${(T.value / T.hit).toFixed(3)} unit ${(T.unit / T.hit).toFixed(3)} qual ${(T.qual / T.hit).toFixed(3)}`)
