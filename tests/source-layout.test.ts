/**
 * The folders of `src/` are the stages of the pipeline, and the README's
 * Algorithm section lists them one to one: a folder added, removed or
 * renamed without the README (or the other way round) fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const root = new URL('../', import.meta.url)

/** The folders named in the first column of the README's folder table. */
function readmeFolders(): string[] {
  const readme = readFileSync(new URL('README.md', root), 'utf8')
  const section = readme.slice(readme.indexOf('## Algorithm'), readme.indexOf('\n## ', readme.indexOf('## Algorithm') + 1))
  return [...section.matchAll(/^\| `src\/([a-z-]+)\/` \|/gm)].map((m) => m[1]!).sort()
}

describe('source layout', () => {
  it('should list every folder of src/ in the README Algorithm table, and nothing else', () => {
    const src = new URL('src/', root)
    const folders = readdirSync(src).filter((f) => statSync(new URL(f, src)).isDirectory()).sort()
    expect(readmeFolders()).toEqual(folders)
  })

  it('should keep only the entry points at the top of src/', () => {
    const files = readdirSync(new URL('src/', root)).filter((f) => f.endsWith('.ts')).sort()
    expect(files).toEqual(['index.ts', 'parse.ts'])
  })
})
