import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parsePlan } from '../src/parse.js'

const seed = (name: string): string => readFileSync(new URL(`../seeds/${name}.txt`, import.meta.url), 'utf8')

describe('buildIndicators', () => {
  const result = parsePlan(seed('002_c8d00181d410df55'))

  it('should make one indicator per row when a table has 指标名称, 单位 and 目标 columns', () => {
    const names = result.indicators.map((i) => i.name)
    expect(names).toContain('城镇新增就业人数')
    expect(names.filter((n) => n === '人才资源总量').length).toBe(2)
  })

  it('should link baseline, target and growth when the row has 完成情况, 目标 and 年增长率 cells', () => {
    const ind = result.indicators.find((i) => i.name === '人才资源总量' && i.growth)
    expect(ind).toBeDefined()
    expect(ind!.baseline).toMatchObject({ value: 241500, unit: 'person', role: 'actual', year: 2020 })
    expect(ind!.target).toMatchObject({ value: 370000, role: 'target', year: 2025 })
    expect(ind!.growth).toMatchObject({ value: 8.9, unit: 'percent' })
    expect(ind!.attribute).toBe('expected')
    expect(ind!.accumulation).toBe('cumulative')
    expect(ind!.group).toBe('人才队伍建设')
  })

  it('should read 约束性 as binding when the attribute column says so', () => {
    const ind = result.indicators.find((i) => i.name === '城镇登记失业率')
    expect(ind?.attribute).toBe('binding')
  })
})

describe('collectQuantities', () => {
  const result = parsePlan(seed('000_b5922f56b63f245e'))

  it('should give every quantity its section path when it stands in a section', () => {
    const q = result.quantities.find((x) => x.raw.startsWith('4%以内'))
    expect(q?.sectionPath.some((t) => t.includes('主要目标'))).toBe(true)
    expect(q?.context).toContain('城镇登记失业率')
  })

  it('should list the quantities in document order when collected', () => {
    const offsets = result.quantities.map((q) => q.position.start.offset!)
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets)
  })
})
