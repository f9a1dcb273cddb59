/**
 * The quantities stage picks one reader per sentence and table by the
 * language it is written in, and walks the tree once.
 */
import { describe, expect, it } from 'vitest'
import { createContext } from '../src/core/context.js'
import { createLocator } from '../src/core/source-map.js'
import type { Nodes, Quantity, Root } from '../src/core/types.js'
import { readBlocks } from '../src/layout/index.js'
import { insertQuantities } from '../src/quantities/insert.js'
import { insertWith } from '../src/quantities/split.js'
import { buildTree } from '../src/structure/tree.js'

function treeOf(text: string): { tree: Root; ctx: ReturnType<typeof createContext> } {
  const ctx = createContext(text, createLocator(text))
  const { blocks, form } = readBlocks(text, ctx)
  return { tree: buildTree(blocks, form, ctx), ctx }
}

function quantities(node: Nodes): Quantity[] {
  if (node.type === 'quantity') return [node]
  return 'children' in node ? (node.children as Nodes[]).flatMap(quantities) : []
}

const mixed = '全县新增就业岗位不少于三千个。\n\nThe county will add at least 3,000 jobs and keep the jobless rate within 4.5%.\n'

describe('one quantities stage for both languages', () => {
  it('reads each sentence with the reader of its language when lang is auto', () => {
    const { tree, ctx } = treeOf(mixed)
    insertQuantities(tree, ctx, 'auto')
    const got = quantities(tree).map((q) => [q.raw, q.value, q.unit, q.qualifier])
    expect(got).toEqual([
      ['不少于三千个', 3000, 'count', 'gte'],
      ['at least 3,000 jobs', 3000, 'person', 'gte'],
      ['within 4.5%', 4.5, 'percent', 'lte'],
    ])
  })

  it('reads everything with the Chinese reader when lang is zh', () => {
    const { tree, ctx } = treeOf(mixed)
    insertQuantities(tree, ctx, 'zh')
    // the Chinese finder does not read "at least" or "within"
    const english = quantities(tree).filter((q) => /[a-z]/.test(q.raw))
    expect(english).toEqual([])
  })

  it('leaves alone the sentences no reader is picked for', () => {
    const { tree, ctx } = treeOf(mixed)
    insertWith(tree, ctx, () => null)
    expect(quantities(tree)).toEqual([])
  })
})

describe('English counted nouns from the unit grammar', () => {
  it('counts people with a bare scaled number after "number of … persons"', async () => {
    const { findEnglishQuantities } = await import('../src/quantities/english.js')
    const [q] = findEnglishQuantities('The number of insured rural persons rose to 2.1 million.')
    expect(q).toMatchObject({ value: 2100000, unit: 'person' })
    const [r] = findEnglishQuantities('Exports rose to 2.1 million.')
    expect(r).toMatchObject({ value: 2100000, unit: 'none' })
  })

  it('reads a counted noun after modifiers, not across a stop word', async () => {
    const { findEnglishQuantities } = await import('../src/quantities/english.js')
    expect(findEnglishQuantities('Build 40 new business incubators.')).toMatchObject([{ value: 40, unit: 'count', classifier: 'incubators' }])
    expect(findEnglishQuantities('Build 40 of the incubators.')).toEqual([])
  })
})
