#!/usr/bin/env node
// Scores the headings of the PDF and DOCX versions of the seeds
// (fixtures/binary/seed-NNN.*, made by scripts/make-binary-fixtures.mjs)
// against the gold outlines, by marker key and title similarity as
// eval/score.mjs does (offsets differ from the text files, so they are not
// used), then the real PDF and DOCX files of eval/dev-binary against their
// outline gold. Each seed fixture holds the part of its seed up to `end` (see
// fixtures/binary/seeds.json); only gold headings in that part count.
//
// usage: node scripts/eval-binary.mjs [--json]   (after `npm run build`)
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { scoreHeadings } from '../eval/score.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const dir = join(root, 'fixtures/binary')
const { parseDocument } = await import(join(root, 'dist/index.js'))
const manifest = JSON.parse(readFileSync(join(dir, 'seeds.json'), 'utf8'))
const asJson = process.argv.includes('--json')

function headingsOf(tree) {
  const out = []
  const walk = (node, parents) => {
    if (node.marker && typeof node.title === 'string') {
      out.push({ marker: node.marker.raw, title: node.title, depth: parents.length + 1, parent: parents.at(-1)?.title ?? null, start: null })
      parents = [...parents, node]
    }
    if (node.type === 'document') parents = []
    for (const c of node.children ?? []) walk(c, parents)
  }
  walk(tree, [])
  return out
}

const f1 = (m, g, p) => (g + p === 0 ? 1 : (2 * m) / (g + p))
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ')
const rows = []
const totals = {}
for (const [name, info] of Object.entries(manifest)) {
  const gold = readFileSync(join(root, 'eval/gold', `${info.seed}.outline.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
    .filter((g) => g.start < info.end)
  for (const kind of ['docx', 'pdf']) {
    const file = join(dir, `${name}.${kind}`)
    if (!existsSync(file)) continue
    let h = null
    let error = null
    try {
      const result = await parseDocument(new Uint8Array(readFileSync(file)))
      h = scoreHeadings(gold, headingsOf(result.tree))
    } catch (e) {
      error = String(e?.message ?? e).split('\n')[0]
    }
    rows.push({ name: `${name}.${kind}`, error, h })
    const t = (totals[kind] ??= { gold: 0, pred: 0, matched: 0, depthOk: 0 })
    if (h) for (const k in t) t[k] += h[k]
    else t.gold += gold.length
  }
}
// Real PDF and DOCX files from other issuers (eval/dev-binary): every
// heading of NAME.outline.jsonl counts, matched by marker and title.
const devDir = join(root, 'eval/dev-binary')
const devFiles = existsSync(devDir) ? readdirSync(devDir).filter((f) => /\.(?:pdf|docx)$/i.test(f)).sort() : []
for (const f of devFiles) {
  const goldFile = join(devDir, f.replace(/\.[^.]+$/, '.outline.jsonl'))
  if (!existsSync(goldFile)) continue
  const gold = readFileSync(goldFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
  let h = null
  let error = null
  try {
    const result = await parseDocument(new Uint8Array(readFileSync(join(devDir, f))))
    h = scoreHeadings(gold, headingsOf(result.tree))
  } catch (e) {
    error = String(e?.message ?? e).split('\n')[0]
  }
  rows.push({ name: f, error, h })
  const t = (totals['dev-binary'] ??= { gold: 0, pred: 0, matched: 0, depthOk: 0 })
  if (h) for (const k in t) t[k] += h[k]
  else t.gold += gold.length
}

if (asJson) {
  console.log(JSON.stringify({ rows: rows.map((r) => ({ ...r, h: r.h && { ...r.h, misses: r.h.misses.slice(0, 30) } })), totals }, null, 1))
} else {
  console.log('binary fixture                      gold  pred  match  headF1  depth')
  for (const r of rows) {
    const h = r.h
    console.log(`${r.name.padEnd(34)} ${String(h?.gold ?? '-').padStart(5)} ${String(h?.pred ?? '-').padStart(5)} ${String(h?.matched ?? '-').padStart(6)}  ${h ? fmt(f1(h.matched, h.gold, h.pred)) : '  -  '}  ${h ? fmt(h.depthOk / h.matched) : '  -  '}${r.error ? `  ERROR ${r.error}` : ''}`)
  }
  for (const [kind, t] of Object.entries(totals)) console.log(`SUMMARY ${kind} headingF1=${fmt(f1(t.matched, t.gold, t.pred))} depth=${fmt(t.depthOk / t.matched)} matched=${t.matched}/${t.gold}`)
}
