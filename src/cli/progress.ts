/**
 * The progress bar on a terminal: files done / total, MB/s, ETA and
 * failures so far, redrawn at most ten times a second on stderr. Lines
 * logged while it shows are printed above it.
 */

export interface ProgressState {
  done: number
  total: number
  failed: number
  bytes: number
}

export interface Progress {
  update(state: ProgressState): void
  /** Print a line (a failure, a warning) without breaking the bar. */
  log(line: string): void
  /** Remove the bar. */
  clear(): void
}

/** `m:ss` or `h:mm:ss`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

/** One line of the bar for `state` after `elapsed` seconds, fitted to `width` columns. */
export function renderBar(state: ProgressState, elapsed: number, width: number): string {
  const rate = elapsed > 0 ? state.bytes / 1e6 / elapsed : 0
  const remaining = state.total - state.done
  const eta = state.done > 0 ? formatDuration((elapsed / state.done) * remaining) : '?'
  const info = ` ${state.done}/${state.total} files · ${rate.toFixed(1)} MB/s · ETA ${eta}${state.failed ? ` · ${state.failed} failed` : ''}`
  const barWidth = Math.max(10, Math.min(40, width - info.length - 3))
  const filled = state.total > 0 ? Math.round((state.done / state.total) * barWidth) : barWidth
  return `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]${info}`.slice(0, Math.max(20, width - 1))
}

/** A progress bar on `stream`, or a plain logger when `enabled` is false. */
export function createProgress(stream: NodeJS.WriteStream, enabled: boolean, now: () => number = Date.now): Progress {
  const start = now()
  let last = 0
  let shown = false
  let latest: ProgressState | undefined
  const draw = () => {
    if (!latest) return
    stream.write(`\r${renderBar(latest, (now() - start) / 1000, stream.columns || 80)}\x1b[K`)
    shown = true
  }
  const clear = () => {
    if (shown) stream.write('\r\x1b[K')
    shown = false
  }
  return {
    update(state) {
      latest = state
      if (!enabled) return
      const t = now()
      if (t - last < 100 && state.done < state.total) return
      last = t
      draw()
    },
    log(line) {
      if (!enabled) {
        stream.write(line + '\n')
        return
      }
      clear()
      stream.write(line + '\n')
      draw()
    },
    clear,
  }
}
