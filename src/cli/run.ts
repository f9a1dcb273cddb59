/**
 * plan2json's main program: arguments → inputs → worker pool → outputs,
 * progress and summary. Returns the exit code: 0 all converted, 1 some
 * failed, 2 usage error, 130 interrupted.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, open, rename } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { planJsonSchema } from '../output/schema.js'
import { HELP, parseCommandLine, UsageError, type RunOptions } from './args.js'
import type { ConvertResult, ConvertTask } from './convert.js'
import { csvHeader } from './formats.js'
import { expandInputs } from './inputs.js'
import { runPool } from './pool.js'
import { createProgress, formatDuration } from './progress.js'
import { outputPathFor, temporaryPathFor } from './write.js'

/** Where the program writes and what it knows about its terminal. */
export interface Io {
  stdout: NodeJS.WriteStream
  stderr: NodeJS.WriteStream
  stdin: NodeJS.ReadStream
  /** Register a Ctrl-C handler; returns a function that removes it. */
  onInterrupt(handler: () => void): () => void
}

const defaultIo: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  onInterrupt(handler) {
    process.on('SIGINT', handler)
    return () => process.off('SIGINT', handler)
  },
}

/** Per-file timeout of the parser. */
const TIMEOUT_MS = 5 * 60 * 1000

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string }
    return pkg.version ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

function workerUrl(): URL | undefined {
  const url = new URL('./worker.js', import.meta.url)
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : undefined
}

async function readStdin(stdin: NodeJS.ReadStream): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))
  return new Uint8Array(Buffer.concat(chunks))
}

/** Write to a stream, waiting when its buffer is full. */
async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (text === '' || stream.write(text)) return
  await new Promise<void>((resolve) => stream.once('drain', () => resolve()))
}

/** A file written through a temporary file and renamed into place on `commit`. */
async function openSink(target: string): Promise<{ write(text: string): Promise<void>; commit(): Promise<void> }> {
  await mkdir(path.dirname(target), { recursive: true })
  const temporary = temporaryPathFor(target)
  const handle = await open(temporary, 'w')
  return {
    async write(text) {
      await handle.write(text)
    },
    async commit() {
      await handle.close()
      await rename(temporary, target)
    },
  }
}

/** Run plan2json with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let command
  try {
    command = parseCommandLine(argv)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`plan2json: ${error.message}\n`)
      return 2
    }
    throw error
  }
  switch (command.kind) {
    case 'help':
      io.stdout.write(HELP)
      return 0
    case 'version':
      io.stdout.write(`${version()}\n`)
      return 0
    case 'schema':
      io.stdout.write(JSON.stringify(planJsonSchema(), null, 2) + '\n')
      return 0
    case 'run':
      try {
        return await run(command.options, io)
      } catch (error) {
        if (error instanceof UsageError) {
          io.stderr.write(`plan2json: ${error.message}\n`)
          return 2
        }
        throw error
      }
  }
}

async function run(options: RunOptions, io: Io): Promise<number> {
  const started = Date.now()
  const aggregate = options.format === 'jsonl' || options.format === 'csv'
  const { files, problems } = await expandInputs(options.inputs, options.outDir ? { exclude: options.outDir } : {})
  if (!options.outDir && !aggregate && files.length > 1) {
    throw new UsageError(`${files.length} inputs need an output directory: add -o OUTDIR (or use --format jsonl or csv to stream them)`)
  }
  const aggregatePath = aggregate && options.outDir ? path.resolve(options.outDir, `quantities.${options.format}`) : undefined
  if (aggregatePath && existsSync(aggregatePath) && !options.force) {
    throw new UsageError(`${path.join(options.outDir!, path.basename(aggregatePath))} exists; add --force to overwrite it`)
  }

  if (options.outDir) {
    try {
      await mkdir(options.outDir, { recursive: true })
    } catch (error) {
      throw new UsageError(`cannot create the output directory ${options.outDir}: ${(error as Error).message}`)
    }
  }

  // No bar when the output itself goes to the same terminal: it would break the lines.
  const barOn = !options.quiet && io.stderr.isTTY === true && (options.outDir !== undefined || io.stdout.isTTY !== true)
  const progress = createProgress(io.stderr, barOn)
  const report = (line: string) => progress.log(line)
  let failed = 0
  let converted = 0
  let skipped = 0
  let quantities = 0
  let indicators = 0
  let bytes = 0
  for (const p of problems) {
    failed++
    report(`plan2json: ${p.display}: ${p.reason}`)
  }

  // Per-file outputs: skip those that exist (resume) unless --force.
  const tasks: ConvertTask[] = []
  const owners = new Map<string, string>()
  let stdinBytes: Uint8Array | undefined
  for (const file of files) {
    let out: string | undefined
    if (options.outDir && !aggregate) {
      out = outputPathFor(file.rel, options.format as 'json' | 'outline' | 'md', options.outDir)
      const owner = owners.get(out)
      if (owner !== undefined) {
        failed++
        report(`plan2json: ${file.display}: output ${out} is also the output of ${owner}; rename one of them`)
        continue
      }
      owners.set(out, file.display)
      if (file.path !== '-' && path.resolve(file.path) === out) {
        failed++
        report(`plan2json: ${file.display}: the output would overwrite the input; choose another -o directory`)
        continue
      }
      if (!options.force && existsSync(out)) {
        skipped++
        continue
      }
    }
    if (file.path === '-') stdinBytes ??= await readStdin(io.stdin)
    tasks.push({
      index: tasks.length,
      path: file.path,
      display: file.display,
      ...(file.path === '-' && stdinBytes ? { bytes: stdinBytes } : {}),
      ...(out ? { out } : {}),
      format: options.format,
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(options.form ? { form: options.form } : {}),
      pretty: options.pretty,
      verbose: options.verbose,
      ...(options.lang ? { lang: options.lang } : {}),
    })
  }

  // Aggregated outputs stream to stdout or to a temporary file renamed at the end.
  const sink = aggregatePath ? await openSink(aggregatePath) : undefined
  const emit = async (text: string) => {
    if (sink) await sink.write(text)
    else await write(io.stdout, text)
  }
  if (options.format === 'csv') await emit((options.excel ? '\ufeff' : '') + csvHeader(options.lang ?? 'en'))

  const total = tasks.length
  let interrupted = false
  progress.update({ done: 0, total, failed, bytes: 0 })
  const pool = runPool(tasks, {
    jobs: options.jobs,
    ...(workerUrl() ? { workerUrl: workerUrl()! } : {}),
    timeoutMs: TIMEOUT_MS,
    async onResult(result: ConvertResult) {
      const task = tasks[result.index]!
      if (result.ok) {
        converted++
        quantities += result.stats.quantities
        indicators += result.stats.indicators
        bytes += result.stats.bytes
        if (!options.quiet) for (const note of result.notes) report(note)
        if (result.text !== undefined) await emit(result.text)
      } else {
        failed++
        bytes += result.bytes
        report(`plan2json: ${task.display}: ${result.reason}`)
      }
      progress.update({ done: converted + (failed - problems.length), total, failed, bytes })
    },
  })
  const removeHandler = io.onInterrupt(() => {
    if (interrupted) {
      progress.clear()
      io.stderr.write('plan2json: interrupted again, quitting now\n')
      process.exit(130)
    }
    interrupted = true
    pool.stop()
    report('plan2json: interrupted: finishing the files in progress (Ctrl-C again to quit now)')
  })
  try {
    await pool.done
  } finally {
    removeHandler()
  }
  progress.clear()

  await sink?.commit()

  if (!options.quiet) {
    const seconds = (Date.now() - started) / 1000
    const parts = [`${converted} converted`, `${failed} failed`]
    if (skipped) parts.push(`${skipped} skipped (output exists; --force to redo)`)
    const notRun = total - pool.dispatched()
    if (interrupted && notRun > 0) parts.push(`${notRun} not started (interrupted; rerun to resume)`)
    io.stderr.write(
      `plan2json: ${files.length + problems.length} input${files.length + problems.length === 1 ? '' : 's'}: ${parts.join(', ')} · ` +
        `${quantities} quantities · ${indicators} indicators · ${seconds < 60 ? `${seconds.toFixed(1)} s` : formatDuration(seconds)}\n`,
    )
  }
  if (interrupted) return 130
  if (files.length + problems.length === 0) {
    io.stderr.write('plan2json: no input files found\n')
    return 1
  }
  return failed > 0 ? 1 : 0
}
