/**
 * Fixture pairs: `fixtures/tree/<name>.<ext>` and the expected outline in
 * `<name>.outline.json`. Missing expectations are written on first run and
 * with `UPDATE=1`; review them as diffs.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parsePlan } from '../src/index.js'
import type { Nodes, Root } from '../src/core/types.js'

const dir = new URL('../fixtures/tree/', import.meta.url)
const inputs = readdirSync(dir).filter((f) => !f.endsWith('.json')).sort()

/** A compact, reviewable view of a parse: documents, headings, tables, messages. */
export function outlineOf(tree: Root, messages: Array<{ ruleId: string }>) {
  const documents = tree.children.map((d) => {
    const headings: string[] = []
    const tables: string[] = []
    const walk = (n: Nodes, parent: string | null): void => {
      let next = parent
      if ((n.type === 'section' || n.type === 'box') && 'marker' in n) {
        headings.push(`${'  '.repeat(n.depth - 1)}${n.marker.raw} [${n.marker.scheme} ${n.marker.ordinal}] ${n.title} (parent: ${parent ?? '-'})`)
        next = n.title
      }
      if (n.type === 'table') tables.push(`${n.form}: ${n.children.map((r) => `${r.kind}:${r.children.length}`).join(' ')}`)
      if ('children' in n) for (const c of n.children as Nodes[]) walk(c, next)
    }
    for (const c of d.children) walk(c, null)
    return {
      kind: d.kind,
      title: d.title ?? null,
      marker: d.marker?.raw ?? null,
      headings,
      tables,
    }
  })
  return { form: tree.data.form, period: tree.data.period ?? null, documents, messages: messages.map((m) => m.ruleId) }
}

describe('tree fixtures', () => {
  for (const name of inputs) {
    it(`should parse ${name} into the reviewed outline`, () => {
      const text = readFileSync(new URL(name, dir), 'utf8')
      const { tree, messages } = parsePlan(text)
      const actual = outlineOf(tree, messages)
      const expectedFile = new URL(`${name.replace(/\.[^.]+$/, '')}.outline.json`, dir)
      if (process.env.UPDATE || !existsSync(expectedFile)) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`)
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')))
    })
  }
})
