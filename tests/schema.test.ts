import { readFileSync, readdirSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { parsePlan } from '../src/parse.js'
import { parseResultSchema, planJsonSchema, planOutputSchema, quantityRecordSchema } from '../src/output/schema.js'
import type { ParseResult, Position, QuantityRecord } from '../src/core/types.js'

const seedsDir = new URL('../seeds/', import.meta.url)
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'))

const ajv = new Ajv2020({ allErrors: true, strict: true })
const validate = ajv.compile(planJsonSchema())

function at(start: number, end: number): Position {
  return { start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } }
}

/** A hand-built result using every node type, typed against `types.ts`. */
function sample(): ParseResult {
  const record: QuantityRecord = {
    raw: '4%以内',
    value: 4,
    unit: 'percent',
    qualifier: 'lte',
    role: 'target',
    year: 2015,
    metric: '城镇登记失业率',
    change: { direction: 'decrease', period: 'annual', baseYear: 2010 },
    position: at(14, 18),
    sectionPath: ['主要目标'],
    document: 0,
    context: '城镇登记失业率控制在4%以内。',
  }
  const { sectionPath: _s, document: _d, context: _c, ...quantity } = record
  const marker = { raw: '一、', scheme: 'cn-dun', ordinal: 1, position: at(0, 2) }
  return {
    tree: {
      type: 'root',
      data: { form: 'plain', period: { start: 2011, end: 2015 } },
      position: at(0, 40),
      children: [
        {
          type: 'document',
          kind: 'plan',
          title: '规划',
          date: { raw: '二○一一年十一月十日', iso: '2011-11-10' },
          position: at(0, 40),
          children: [
            {
              type: 'section',
              marker,
              title: '主要目标',
              depth: 1,
              position: at(0, 40),
              children: [
                { type: 'heading', position: at(0, 6), children: [{ type: 'sentence', position: at(0, 6), children: [{ type: 'text', value: '一、主要目标', position: at(0, 6) }] }] },
                {
                  type: 'paragraph',
                  position: at(7, 19),
                  children: [
                    {
                      type: 'sentence',
                      position: at(7, 19),
                      children: [
                        { type: 'text', value: '城镇登记失业率控制在', position: at(7, 14) },
                        { type: 'quantity', ...quantity },
                        { type: 'text', value: '。', position: at(18, 19) },
                      ],
                    },
                    { type: 'list', style: 'shi', position: at(19, 22), children: [{ type: 'listItem', bullet: '一是', position: at(19, 22), children: [] }] },
                  ],
                },
                {
                  type: 'table',
                  form: 'tsv',
                  position: at(22, 30),
                  children: [{ type: 'tableRow', kind: 'header', position: at(22, 30), children: [{ type: 'tableCell', header: true, position: at(22, 26), children: [] }] }],
                },
                { type: 'setAside', reason: 'page-number', value: '－3－', position: at(30, 33) },
                { type: 'box', marker: { ...marker, raw: '专栏1', scheme: 'box' }, title: '重点工程', depth: 2, position: at(33, 40), children: [] },
              ],
            },
          ],
        },
      ],
    },
    messages: [{ ruleId: 'broken-sequence', source: 'plan-parse', reason: 'x', reasonZh: 'x', place: at(0, 1), fatal: false }],
    quantities: [record],
    indicators: [{ name: '城镇登记失业率', unit: 'percent', target: record, attribute: 'expected', position: at(22, 30) }],
  }
}

describe('schema', () => {
  it.each(seeds)('should accept the parse of %s when checked by zod and by the JSON Schema', (name) => {
    const result = parsePlan(readFileSync(new URL(name, seedsDir), 'utf8'))
    const json: unknown = JSON.parse(JSON.stringify(result))
    const zod = parseResultSchema.safeParse(json)
    expect(zod.success ? [] : zod.error.issues.slice(0, 5)).toEqual([])
    expect(validate(json) ? [] : validate.errors?.slice(0, 5)).toEqual([])
  })

  it('should accept every node type when a result uses them all', () => {
    const json: unknown = JSON.parse(JSON.stringify(sample()))
    expect(planOutputSchema.safeParse(json).success).toBe(true)
    expect(validate(json)).toBe(true)
  })

  it.each([
    ['an unknown node field', (r: ParseResult) => Object.assign(r.tree.children[0]!, { extra: 1 })],
    ['a wrong qualifier', (r: ParseResult) => Object.assign(r.quantities[0]!, { qualifier: 'about' })],
    ['a NaN value (null in JSON)', (r: ParseResult) => Object.assign(r.quantities[0]!, { value: Number.NaN })],
    ['an unknown message code', (r: ParseResult) => Object.assign(r.messages[0]!, { ruleId: 'nope' })],
    ['a missing position', (r: ParseResult) => delete (r.tree.children[0] as { position?: Position }).position],
    ['a section without depth', (r: ParseResult) => delete (r.tree.children[0]!.children[0] as { depth?: number }).depth],
  ] as const)('should reject a result when it has %s', (_, spoil) => {
    const result = sample()
    spoil(result)
    const json: unknown = JSON.parse(JSON.stringify(result))
    expect(planOutputSchema.safeParse(json).success).toBe(false)
    expect(validate(json)).toBe(false)
  })

  it('should describe records with their section path when generating the JSON Schema', () => {
    const schema = planJsonSchema() as { $defs: Record<string, { required?: string[] }> }
    expect(schema.$defs.QuantityRecord?.required).toEqual(expect.arrayContaining(['sectionPath', 'document', 'context', 'unit', 'qualifier']))
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(['Root', 'Document', 'Section', 'Box', 'Sentence', 'Quantity', 'Table', 'Source']))
    expect(quantityRecordSchema.safeParse(sample().quantities[0]).success).toBe(true)
  })

  it('should match the committed plan.schema.json when regenerated (run `npm run schema` after changing types)', () => {
    const committed: unknown = JSON.parse(readFileSync(new URL('../plan.schema.json', import.meta.url), 'utf8'))
    expect(committed).toEqual(planJsonSchema())
  })
})
