/**
 * plan2json: batch conversion of plan files to JSON, JSON Lines, CSV, an
 * outline or markdown. See `plan2json --help` and docs/cli.md.
 */
import { main } from './cli/run.js'

// `plan2json … | head`: a closed pipe ends the program quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`plan2json: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    process.exitCode = 1
  },
)
