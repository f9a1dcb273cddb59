/**
 * plan2json: batch conversion of plan files to JSON, JSON Lines, CSV, an
 * outline or markdown. See `plan2json --help` and the README section "Batch conversion".
 */
import { main } from './run.js'

// `plan2json … | head`: a closed pipe ends the program quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  process.stderr.write(`plan2json: cannot write to stdout: ${error.message}\n`)
  process.exit(1)
})

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    const e = error as NodeJS.ErrnoException
    // Output errors (a full disk, a read-only folder) are the user's to fix; anything else is a bug.
    const text = e?.syscall ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(error)
    process.stderr.write(`plan2json: ${e?.syscall ? '' : 'internal error: '}${text}\n`)
    process.exitCode = 1
  },
)
