/**
 * The README's example runs as written against the built package (the
 * import of `plan-parse` resolves through the package's own `exports`).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const root = new URL('../', import.meta.url)

describe('README', () => {
  it('should print what the README says when its example runs', () => {
    expect(existsSync(new URL('dist/index.js', root)), 'run `npm run build` first').toBe(true)
    const readme = readFileSync(new URL('README.md', root), 'utf8')
    const after = readme.slice(readme.indexOf('<!-- readme-example'))
    const code = /```js\n([\s\S]*?)```/.exec(after)![1]!
    const expected = /Yields:\s*```txt\n([\s\S]*?)```/.exec(after)![1]!
    mkdirSync(new URL('.tmp/', root), { recursive: true })
    const file = new URL('.tmp/readme-example.mjs', root)
    writeFileSync(file, code)
    const out = execFileSync(process.execPath, [file.pathname], { encoding: 'utf8' })
    expect(out).toBe(expected)
  })
})
