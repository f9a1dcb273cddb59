/**
 * Run conversion tasks on a pool of worker threads and deliver results in
 * input order. A crashed or stuck worker fails its task and is replaced;
 * `stop()` lets the tasks in flight finish and dispatches no more.
 */
import { Worker } from 'node:worker_threads'
import { convert, type ConvertResult, type ConvertTask } from './convert.js'

export interface PoolOptions {
  /** Number of worker threads; 1 or no `workerUrl` runs in the main thread. */
  jobs: number
  /** The worker script (`dist/worker.js`). */
  workerUrl?: URL
  /** Fail a task that takes longer than this (ms). */
  timeoutMs: number
  /** Called with each result, in task order. */
  onResult: (result: ConvertResult) => void | Promise<void>
}

export interface PoolRun {
  /** Resolves when every dispatched task has been delivered. */
  done: Promise<void>
  /** Dispatch no more tasks; those in flight finish. */
  stop(): void
  /** Number of tasks dispatched so far. */
  dispatched(): number
}

/** Deliver results in order: hold back those that arrive early. */
function orderedDelivery(onResult: PoolOptions['onResult']) {
  const early = new Map<number, ConvertResult>()
  let next = 0
  let chain: Promise<void> = Promise.resolve()
  return {
    accept(result: ConvertResult): Promise<void> {
      early.set(result.index, result)
      while (early.has(next)) {
        const r = early.get(next)!
        early.delete(next)
        next++
        chain = chain.then(() => onResult(r))
      }
      // Handled here so that a failure is not reported as unhandled; `flushed` still rejects.
      chain.catch(() => undefined)
      return chain
    },
    flushed: () => chain,
  }
}

/** Run `tasks` (whose `index` is their position) and deliver results in order. */
export function runPool(tasks: readonly ConvertTask[], options: PoolOptions): PoolRun {
  let stopped = false
  let cursor = 0
  const delivery = orderedDelivery(options.onResult)
  const jobs = Math.max(1, Math.min(options.jobs, tasks.length))

  if (jobs === 1 || !options.workerUrl) {
    const done = (async () => {
      while (!stopped && cursor < tasks.length) {
        const task = tasks[cursor++]!
        await delivery.accept(await convert(task))
        // Let signal handlers run between files.
        await new Promise((resolve) => setImmediate(resolve))
      }
      await delivery.flushed()
    })()
    return { done, stop: () => void (stopped = true), dispatched: () => cursor }
  }

  const workerUrl = options.workerUrl
  const done = new Promise<void>((resolve, reject) => {
    let running = 0
    const finishIfIdle = () => {
      // A failing `onResult` (a full disk, a closed pipe) rejects `done`.
      if (running === 0 && (stopped || cursor >= tasks.length)) delivery.flushed().then(resolve, reject)
    }
    const startWorker = () => {
      if (stopped || cursor >= tasks.length) return finishIfIdle()
      const worker = new Worker(workerUrl)
      running++
      let current: ConvertTask | undefined
      let timer: NodeJS.Timeout | undefined
      let retired = false
      const retire = (replace: boolean) => {
        if (retired) return
        retired = true
        running--
        if (timer) clearTimeout(timer)
        void worker.terminate()
        if (replace) startWorker()
        else finishIfIdle()
      }
      const failCurrent = (reason: string) => {
        if (!current) return
        const task = current
        current = undefined
        void delivery.accept({ index: task.index, ok: false, reason, bytes: task.bytes?.length ?? 0 })
      }
      const next = () => {
        if (stopped || cursor >= tasks.length) return retire(false)
        current = tasks[cursor++]!
        timer = setTimeout(() => {
          failCurrent(`gave up after ${Math.round(options.timeoutMs / 1000)} s (the parser did not finish)`)
          retire(true)
        }, options.timeoutMs)
        worker.postMessage(current)
      }
      worker.on('message', (result: ConvertResult) => {
        if (timer) clearTimeout(timer)
        current = undefined
        void delivery.accept(result)
        next()
      })
      worker.on('error', (error) => {
        failCurrent(`worker crashed: ${error.message}`)
        retire(true)
      })
      worker.on('exit', () => {
        failCurrent('worker exited unexpectedly')
        retire(true)
      })
      next()
    }
    for (let i = 0; i < jobs; i++) startWorker()
  })
  return { done, stop: () => void (stopped = true), dispatched: () => cursor }
}
