import { describe, expect, it } from 'vitest'
import { parsePlan } from '../src/index.js'

describe('indicator links', () => {
  it('should give a target quantity the canonical indicator its metric names', () => {
    const { quantities } = parsePlan('二、主要目标\n到2025年，全市城镇登记失业率控制在4%以内。')
    expect(quantities[0]).toMatchObject({ metric: expect.stringContaining('城镇登记失业率'), indicator: { id: 'registered-urban-unemployment-rate', zh: '城镇登记失业率' } })
    expect(quantities[0]!.indicator!.en).toMatch(/unemployment rate/i)
  })

  it('should link indicator-table rows by their name', () => {
    const text = '指标名称\t单位\t目标\t属性\n城镇登记失业率\t%\t3以内\t约束性\n城镇新增就业人数\t万人\t15\t预期性'
    const { indicators } = parsePlan(text)
    expect(indicators.map((i) => i.indicator?.id ?? null)).toEqual(['registered-urban-unemployment-rate', expect.any(String)])
  })

  it('should leave a quantity unlinked when its metric names no indicator', () => {
    const { quantities } = parsePlan('一、基础\n修缮办公楼3座。')
    expect(quantities).toHaveLength(1)
    expect(quantities[0]!.indicator).toBeUndefined()
  })
})
