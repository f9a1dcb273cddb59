#!/usr/bin/env node
/**
 * Benchmark of the BUILT package (`dist/index.js`) against the libraries
 * people would use instead, in one run, on the same text:
 *
 * - plan-parse: `parsePlan(text)` on every seed, N times after W untimed
 *   passes over all seeds (steady state); MB/s, median and
 *   p95 time per document, retained heap and peak RSS per MB of input.
 * - remark-parse: `unified().use(remarkParse).parse(text)` on the same text
 *   (a floor for "just reading the text").
 * - @microsoft/recognizers-text-suite, Chinese number, percentage and
 *   number-with-unit models (currency, dimension, age, temperature) over
 *   the same sentences (split on 。！？；), one call per sentence, timed as
 *   alternating whole passes (and once interleaved sentence by sentence),
 *   and their quantity recall against `eval/gold` next to ours (a span
 *   overlapping a gold span counts).
 * - Scaling: the seeds concatenated to 1, 10 and 100 MB (UTF-8), each size
 *   parsed in a fresh child process so that its peak RSS is its own.
 *
 * Usage: `npm run bench` (builds first), or `node scripts/bench.mjs
 * [--quick] [--runs N] [--warmups N] [--sizes 1,10,100] [--json FILE]`.
 *
 * Sizes are UTF-8 bytes of the text, the size of the file on disk;
 * 1 MB = 1,000,000 bytes. Times come from `performance.now()`, memory from
 * `process.memoryUsage()` and `process.resourceUsage().maxRSS`.
 */
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'

const ROOT = new URL('../', import.meta.url)
const DIST = new URL('dist/index.js', ROOT)
const SEEDS = new URL('seeds/', ROOT)
const GOLD = new URL('eval/gold/', ROOT)
const MB = 1_000_000

// ---------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const args = { quick: false, runs: undefined, warmups: undefined, sizes: undefined, json: undefined, child: undefined }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--quick') args.quick = true
    else if (a === '--runs') args.runs = Number(argv[++i])
    else if (a === '--warmups') args.warmups = Number(argv[++i])
    else if (a === '--sizes') args.sizes = argv[++i].split(',').map(Number)
    else if (a === '--json') args.json = argv[++i]
    else if (a === '--scale-child') args.child = Number(argv[++i])
    else if (a === '--help' || a === '-h') {
      console.log('node scripts/bench.mjs [--quick] [--runs N] [--warmups N] [--sizes 1,10,100] [--json FILE]')
      process.exit(0)
    } else throw new Error(`unknown argument ${a}`)
  }
  args.runs ??= args.quick ? 3 : 20
  args.warmups ??= args.quick ? 1 : 5
  args.sizes ??= args.quick ? [1] : [1, 10, 100]
  return args
}

// ---------------------------------------------------------------------------
// Helpers

const utf8Bytes = (s) => Buffer.byteLength(s, 'utf8')

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[i]
}

const median = (xs) => quantile([...xs].sort((a, b) => a - b), 0.5)
const p95 = (xs) => quantile([...xs].sort((a, b) => a - b), 0.95)
const sum = (xs) => xs.reduce((a, b) => a + b, 0)
const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a')
const maxRssBytes = () => process.resourceUsage().maxRSS * 1024

function gc() {
  if (typeof globalThis.gc === 'function') {
    globalThis.gc()
    globalThis.gc()
  }
}

function table(rows, header) {
  const all = [header, ...rows].map((r) => r.map(String))
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...r[i]].length)))
  const line = (r) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`
  return [line(all[0]), `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...all.slice(1).map(line)].join('\n')
}

function loadSeeds() {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const text = readFileSync(new URL(file, SEEDS), 'utf8')
      const id = file.replace(/\.txt$/, '')
      let gold = []
      try {
        gold = readFileSync(new URL(`${id}.quantities.jsonl`, GOLD), 'utf8')
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l))
      } catch {
        // A seed without gold is benchmarked but not scored.
      }
      return { file, id, text, bytes: utf8Bytes(text), gold }
    })
}

/** Sentences of `text` with their offsets, split after 。！？；(and at blank lines). */
function sentences(text) {
  const out = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    const end = c === '。' || c === '！' || c === '？' || c === '；' ? i + 1 : c === '\n' && text[i + 1] === '\n' ? i : -1
    if (end < 0) continue
    if (text.slice(start, end).trim()) out.push({ start, text: text.slice(start, end) })
    start = end
  }
  if (text.slice(start).trim()) out.push({ start, text: text.slice(start) })
  return out
}

/** Fraction of gold spans overlapped by at least one predicted `[start, end)`. */
function recall(gold, spans) {
  if (gold.length === 0) return { hit: 0, total: 0 }
  const sorted = [...spans].sort((a, b) => a[0] - b[0])
  let hit = 0
  for (const g of gold) {
    // Linear scan is fine at seed scale (a few hundred spans).
    if (sorted.some(([s, e]) => s < g.end && g.start < e)) hit++
  }
  return { hit, total: gold.length }
}

// ---------------------------------------------------------------------------
// Peers

async function loadRemark() {
  const [{ unified }, { default: remarkParse }] = await Promise.all([import('unified'), import('remark-parse')])
  const processor = unified().use(remarkParse)
  return (text) => processor.parse(text)
}

async function loadRecognizers() {
  const mod = await import('@microsoft/recognizers-text-suite')
  const R = mod.default ?? mod
  const culture = R.Culture.Chinese
  const models = [R.recognizeNumber, R.recognizePercentage, R.recognizeCurrency, R.recognizeDimension, R.recognizeAge, R.recognizeTemperature]
  // Recognizer results have an inclusive `end`.
  return (text) => models.flatMap((recognize) => recognize(text, culture).map((r) => [r.start, r.end + 1]))
}

// ---------------------------------------------------------------------------
// Seeds: ours and remark-parse, N runs each, in this process

/**
 * Time each of `fns` on `text`, `runs` times, interleaved (A B C A B C …)
 * so that a change in machine load hits every contender alike.
 */
function timeInterleaved(fns, text, runs) {
  for (const fn of fns) fn(text) // warm-up, not counted
  const times = fns.map(() => [])
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now()
      fn(text)
      times[k].push(performance.now() - t0)
    })
  }
  return times
}

/**
 * Heap growth while the result of `fn(text)` is alive: `peak` right after
 * the call (garbage not yet collected, a lower bound on the transient
 * peak), `retained` after a full collection.
 */
function heapCost(fn, text) {
  gc()
  const before = process.memoryUsage().heapUsed
  let kept = fn(text)
  const peak = process.memoryUsage().heapUsed - before
  gc()
  const retained = process.memoryUsage().heapUsed - before
  if (kept === undefined) return { peak: NaN, retained: NaN }
  kept = undefined
  return { peak: Math.max(0, peak), retained: Math.max(0, retained) }
}

async function benchSeeds(seeds, runs, warmups, parsePlan, treeOnly) {
  const remark = await loadRemark()
  // Steady state, as in a long batch: every contender reads every seed
  // `warmups` times before anything is timed, so no seed is timed while
  // the JIT is still compiling (the first seed would otherwise pay for all).
  const contenders = treeOnly ? [parsePlan, remark, treeOnly] : [parsePlan, remark]
  for (let w = 0; w < warmups; w++) for (const seed of seeds) for (const fn of contenders) fn(seed.text)
  const rows = []
  for (const seed of seeds) {
    const [full, rem, tree] = timeInterleaved(treeOnly ? [parsePlan, remark, treeOnly] : [parsePlan, remark], seed.text, runs)
    rows.push({
      seed,
      full,
      tree,
      remark: rem,
      heap: heapCost(parsePlan, seed.text),
      remarkHeap: heapCost(remark, seed.text),
    })
  }
  return rows
}

/**
 * Their recognizers and our `parsePlan` over the same sentences, one text
 * per sentence. Timed as whole passes, theirs then ours, alternating for
 * `rounds` rounds (median pass): each library runs the workload the way a
 * user runs it, and a change in machine load hits both. Also timed once
 * interleaved sentence by sentence, as a harsher figure: there each call
 * starts with caches, inline caches and garbage left by the other library
 * (recognizers-text allocates heavily), which slows the lighter one most.
 */
function benchRecognizers(seeds, recognize, parsePlan, limitSentences, rounds) {
  const out = []
  for (const seed of seeds) {
    let list = sentences(seed.text)
    if (limitSentences) list = list.slice(0, limitSentences)
    const chars = sum(list.map((s) => s.text.length))
    const spans = []
    for (const s of list) for (const [a, b] of recognize(s.text)) spans.push([s.start + a, s.start + b])
    const passes = { theirs: [], ours: [] }
    for (let r = 0; r < rounds; r++) {
      let t0 = performance.now()
      for (const s of list) recognize(s.text)
      passes.theirs.push(performance.now() - t0)
      t0 = performance.now()
      for (const s of list) parsePlan(s.text)
      passes.ours.push(performance.now() - t0)
    }
    let interleavedTheirs = 0
    let interleavedOurs = 0
    for (const s of list) {
      const t0 = performance.now()
      recognize(s.text)
      const t1 = performance.now()
      parsePlan(s.text)
      interleavedOurs += performance.now() - t1
      interleavedTheirs += t1 - t0
    }
    const covered = list.length ? list[list.length - 1].start + list[list.length - 1].text.length : 0
    const gold = seed.gold.filter((g) => g.end <= covered)
    const ours = parsePlan(seed.text).quantities.map((q) => [q.position.start.offset, q.position.end.offset])
    out.push({
      seed,
      sentences: list.length,
      chars,
      ms: median(passes.theirs),
      oursMs: median(passes.ours),
      interleavedTheirs,
      interleavedOurs,
      theirSpans: spans.length,
      ourSpans: ours.filter(([a]) => a < covered).length,
      theirs: recall(gold, spans),
      ours: recall(gold, ours),
    })
  }
  return out
}

// ---------------------------------------------------------------------------
// Scaling: one child process per size

function concatenated(seeds, bytes) {
  const parts = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const s = seeds[i % seeds.length]
    parts.push(s.text)
    size += s.bytes + 2
  }
  return parts.join('\n\n')
}

async function scaleChild(sizeMb) {
  const { parsePlan } = await import(DIST.href)
  const seeds = loadSeeds()
  const text = concatenated(seeds, sizeMb * MB)
  const bytes = utf8Bytes(text)
  parsePlan(seeds[0].text) // warm-up
  gc()
  const rssBefore = process.memoryUsage().rss
  const heapBefore = process.memoryUsage().heapUsed
  const t0 = performance.now()
  let result = parsePlan(text)
  const ms = performance.now() - t0
  const heapAtEnd = process.memoryUsage().heapUsed
  gc()
  const heapAfter = process.memoryUsage().heapUsed
  const quantities = result.quantities.length
  result = undefined
  const out = {
    sizeMb,
    bytes,
    chars: text.length,
    ms,
    quantities,
    heapAtEnd: heapAtEnd - heapBefore,
    retainedHeap: heapAfter - heapBefore,
    rssBefore,
    maxRss: maxRssBytes(),
  }
  process.stdout.write(`${JSON.stringify(out)}\n`)
}

function runChild(sizeMb, timeoutMs) {
  return new Promise((resolve) => {
    const heapMb = Math.min(20_000, Math.max(4_096, sizeMb * 150))
    const child = spawn(
      process.execPath,
      ['--expose-gc', `--max-old-space-size=${heapMb}`, fileURLToPath(import.meta.url), '--scale-child', String(sizeMb)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const line = stdout.trim().split('\n').pop()
      try {
        resolve(JSON.parse(line))
      } catch {
        const why = signal === 'SIGKILL' ? `timed out after ${timeoutMs / 1000} s` : `exit ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' ')}`
        resolve({ sizeMb, failed: why })
      }
    })
  })
}

// ---------------------------------------------------------------------------
// Main

async function main() {
  const args = parseArgs(process.argv.slice(2))
  if (args.child !== undefined) return scaleChild(args.child)
  if (typeof globalThis.gc !== 'function') {
    // Re-run with --expose-gc so retained heap can be measured after a collection.
    const child = spawn(process.execPath, ['--expose-gc', ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' })
    child.on('close', (code) => process.exit(code ?? 1))
    return
  }

  const api = await import(DIST.href)
  const { parsePlan } = api
  // A tree-only entry point, if the package offers one.
  const treeOnly = typeof api.parseTree === 'function' ? (t) => api.parseTree(t) : undefined
  const seeds = loadSeeds()
  const totalBytes = sum(seeds.map((s) => s.bytes))
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  const report = {
    machine: { cpu, cores: os.availableParallelism?.() ?? os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}`, loadavg: os.loadavg() },
    runs: args.runs,
    warmups: args.warmups,
  }
  console.log(`plan-parse benchmark — ${cpu}, ${report.machine.cores} cores, ${report.machine.memoryGb} GB, Node ${process.version}`)
  console.log(`load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`)
  console.log(`${seeds.length} seeds, ${fmt(totalBytes / MB, 3)} MB UTF-8 (${sum(seeds.map((s) => s.text.length))} characters), ${args.runs} timed runs each after ${args.warmups} untimed passes over all seeds\n`)

  // 1. Seeds
  const rows = await benchSeeds(seeds, args.runs, args.warmups, parsePlan, treeOnly)
  const seedTable = rows.map((r) => {
    const mbs = (times) => r.seed.bytes / MB / (median(times) / 1000)
    return [
      r.seed.id.slice(0, 3),
      fmt(r.seed.bytes / 1000, 0),
      r.tree ? fmt(mbs(r.tree), 2) : 'n/a',
      fmt(mbs(r.full), 2),
      fmt(median(r.full), 1),
      fmt(p95(r.full), 1),
      fmt(mbs(r.remark), 2),
      fmt(median(r.full) / median(r.remark), 2),
      fmt(r.heap.peak / r.seed.bytes, 1),
      fmt(r.heap.retained / r.seed.bytes, 1),
      fmt(r.remarkHeap.retained / r.seed.bytes, 1),
    ]
  })
  const totals = (key) => sum(rows.map((r) => median(r[key])))
  const allMs = totals('full')
  const allRemark = totals('remark')
  const allTree = rows.every((r) => r.tree) ? totals('tree') : NaN
  const fullDocTimes = rows.flatMap((r) => r.full)
  seedTable.push([
    'all',
    fmt(totalBytes / 1000, 0),
    fmt(totalBytes / MB / (allTree / 1000), 2),
    fmt(totalBytes / MB / (allMs / 1000), 2),
    fmt(median(fullDocTimes), 1),
    fmt(p95(fullDocTimes), 1),
    fmt(totalBytes / MB / (allRemark / 1000), 2),
    fmt(allMs / allRemark, 2),
    fmt(Math.max(...rows.map((r) => r.heap.peak / r.seed.bytes)), 1),
    fmt(Math.max(...rows.map((r) => r.heap.retained / r.seed.bytes)), 1),
    fmt(Math.max(...rows.map((r) => r.remarkHeap.retained / r.seed.bytes)), 1),
  ])
  console.log('Seeds (median of runs; MB/s on UTF-8 bytes; ours/remark = our time / remark-parse time;')
  console.log('heap B/B = heap bytes per input byte: at the end of the parse before GC, and retained by the result after GC; "all" row: worst seed)\n')
  console.log(
    table(seedTable, ['seed', 'KB', 'tree MB/s', 'tree+qty MB/s', 'median ms', 'p95 ms', 'remark MB/s', 'ours/remark', 'heap B/B', 'kept B/B', 'remark kept B/B']),
  )
  const seedPeakRss = maxRssBytes()
  console.log(`\npeak RSS of this process so far: ${fmt(seedPeakRss / MB, 0)} MB (${fmt(seedPeakRss / totalBytes, 0)} bytes per input byte, includes Node itself and both libraries)`)
  report.seeds = rows.map((r) => ({
    seed: r.seed.id,
    bytes: r.seed.bytes,
    chars: r.seed.text.length,
    medianMs: median(r.full),
    p95Ms: p95(r.full),
    treeMedianMs: r.tree ? median(r.tree) : null,
    remarkMedianMs: median(r.remark),
    heapAtEndBytes: r.heap.peak,
    retainedHeapBytes: r.heap.retained,
    remarkRetainedHeapBytes: r.remarkHeap.retained,
  }))
  report.seedTotals = { bytes: totalBytes, ms: allMs, remarkMs: allRemark, treeMs: Number.isFinite(allTree) ? allTree : null, peakRss: seedPeakRss }

  // 2. recognizers-text
  const recognize = await loadRecognizers()
  const limit = args.quick ? 60 : undefined
  recognize('预热：城镇新增就业50万人。') // model construction, not counted
  const rounds = args.quick ? 1 : 3
  const rec = benchRecognizers(seeds, recognize, parsePlan, limit, rounds)
  const recTable = rec.map((r) => [
    r.seed.id.slice(0, 3),
    r.sentences,
    fmt(r.chars / (r.ms / 1000), 0),
    fmt(r.chars / (r.oursMs / 1000), 0),
    fmt(r.ms / r.oursMs, 1),
    fmt(r.interleavedTheirs / r.interleavedOurs, 1),
    r.theirs.total ? `${r.theirs.hit}/${r.theirs.total} = ${fmt((100 * r.theirs.hit) / r.theirs.total, 1)}%` : 'n/a',
    r.ours.total ? `${r.ours.hit}/${r.ours.total} = ${fmt((100 * r.ours.hit) / r.ours.total, 1)}%` : 'n/a',
    r.theirSpans,
    r.ourSpans,
  ])
  const recChars = sum(rec.map((r) => r.chars))
  const recMs = sum(rec.map((r) => r.ms))
  const oursMs = sum(rec.map((r) => r.oursMs))
  const interleaved = sum(rec.map((r) => r.interleavedTheirs)) / sum(rec.map((r) => r.interleavedOurs))
  const th = { hit: sum(rec.map((r) => r.theirs.hit)), total: sum(rec.map((r) => r.theirs.total)) }
  const ou = { hit: sum(rec.map((r) => r.ours.hit)), total: sum(rec.map((r) => r.ours.total)) }
  recTable.push([
    'all',
    sum(rec.map((r) => r.sentences)),
    fmt(recChars / (recMs / 1000), 0),
    fmt(recChars / (oursMs / 1000), 0),
    fmt(recMs / oursMs, 1),
    fmt(interleaved, 1),
    `${th.hit}/${th.total} = ${fmt((100 * th.hit) / th.total, 1)}%`,
    `${ou.hit}/${ou.total} = ${fmt((100 * ou.hit) / ou.total, 1)}%`,
    sum(rec.map((r) => r.theirSpans)),
    sum(rec.map((r) => r.ourSpans)),
  ])
  console.log(`\nrecognizers-text (Chinese number, percentage, currency, dimension, age, temperature models) on the same sentences${limit ? ` (first ${limit} per seed)` : ''}`)
  console.log(`chars/s on characters; speed-up = their time / ours on the same sentences, median of ${rounds} alternating whole passes;`)
  console.log('interleaved = the same, timed once sentence by sentence, theirs then ours (each call inherits the other\'s garbage and cold caches);')
  console.log('recall: gold quantities overlapped by a recognised span;')
  console.log('spans: how many spans each reports (theirs include years, ordinals and list numbers, so overlap recall flatters them)\n')
  console.log(table(recTable, ['seed', 'sentences', 'theirs chars/s', 'ours chars/s', 'speed-up', 'interleaved', 'their recall', 'our recall', 'their spans', 'our spans']))
  report.recognizers = { chars: recChars, rounds, ms: recMs, oursMs, interleavedSpeedup: interleaved, theirRecall: th, ourRecall: ou, perSeed: rec.map((r) => ({ seed: r.seed.id, sentences: r.sentences, chars: r.chars, ms: r.ms, oursMs: r.oursMs, interleavedTheirsMs: r.interleavedTheirs, interleavedOursMs: r.interleavedOurs, theirSpans: r.theirSpans, ourSpans: r.ourSpans, theirRecall: r.theirs, ourRecall: r.ours })) }

  // 3. Scaling
  const steps = []
  for (const size of args.sizes) {
    const step = await runChild(size, 30 * 60_000)
    steps.push(step)
  }
  const scaleTable = steps.map((s, i) => {
    if (s.failed) return [`${s.sizeMb} MB`, 'failed', s.failed, '', '', '', '', '']
    const prev = steps[i - 1]
    const ratio = prev && !prev.failed ? s.ms / prev.ms : NaN
    return [
      `${s.sizeMb} MB`,
      fmt(s.ms / 1000, 2),
      fmt(s.bytes / MB / (s.ms / 1000), 2),
      Number.isFinite(ratio) ? `${fmt(ratio, 1)}× for ${fmt(s.bytes / prev.bytes, 1)}×` : '',
      fmt(s.maxRss / MB, 0),
      fmt(s.maxRss / s.bytes, 1),
      fmt((s.maxRss - s.rssBefore) / s.bytes, 1),
      fmt(s.retainedHeap / s.bytes, 1),
    ]
  })
  console.log('\nScaling: seeds concatenated, one fresh process per size (peak RSS includes Node itself, ~40 MB)\n')
  console.log('RSS B/B: peak RSS per input byte; parse B/B: peak RSS growth during the parse per input byte; kept B/B: heap retained by the result\n')
  console.log(table(scaleTable, ['input', 'seconds', 'MB/s', 'time ratio', 'peak RSS MB', 'RSS B/B', 'parse B/B', 'kept B/B']))
  report.scaling = steps

  // 4. Goals
  const fullMbs = totalBytes / MB / (allMs / 1000)
  const worstStep = Math.max(...steps.map((s, i) => (i && !s.failed && !steps[i - 1].failed ? s.ms / steps[i - 1].ms / (s.bytes / steps[i - 1].bytes) : 0)))
  const okSteps = steps.filter((s) => !s.failed)
  const worstMem = okSteps.length ? Math.max(...okSteps.map((s) => s.maxRss / s.bytes)) : NaN
  const worstGrowth = okSteps.length ? Math.max(...okSteps.map((s) => (s.maxRss - s.rssBefore) / s.bytes)) : NaN
  // Node's own ~40 MB dominates small inputs: the goal is judged at the largest size that ran.
  const largest = okSteps[okSteps.length - 1]
  const largestMem = largest ? largest.maxRss / largest.bytes : NaN
  const largestGrowth = largest ? (largest.maxRss - largest.rssBefore) / largest.bytes : NaN
  const goals = [
    ['full parse ≥ 10 MB/s on one core (all seeds)', `${fmt(fullMbs, 2)} MB/s`, fullMbs >= 10],
    ['no slower than remark-parse over all seeds', `${fmt(allMs / allRemark, 2)}× remark's time`, allMs <= allRemark],
    ['≥ 20× faster than recognizers-text on the same sentences', `${fmt(recMs / oursMs, 1)}× (interleaved ${fmt(interleaved, 1)}×)`, recMs / oursMs >= 20],
    [
      'peak memory ≤ 10× input size (largest scaling step)',
      largest ? `${fmt(largestMem, 1)}× at ${largest.sizeMb} MB (parse alone ${fmt(largestGrowth, 1)}×; worst step ${fmt(worstMem, 1)}×, ${fmt(worstGrowth, 1)}×)` : 'n/a',
      largestMem <= 10,
    ],
    ['each 10× step costs ≤ 11× time', worstStep > 0 ? `worst ${fmt(worstStep * 10, 1)}× per 10×` : 'n/a', worstStep > 0 ? worstStep <= 1.1 : null],
  ]
  console.log('\nGoals\n')
  // null: not measured in this run (one scaling size gives no step)
  console.log(table(goals.map(([g, v, ok]) => [g, v, ok === null ? 'n/a' : ok ? 'met' : 'not met']), ['goal', 'measured', 'status']))
  report.goals = goals.map(([goal, measured, met]) => ({ goal, measured, met }))
  if (args.json) writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
