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

  it('should link each of ten common indicators when one target sentence names them all', () => {
    const text =
      '二、发展目标\n到2025年，全区地区生产总值年均增长6.5%左右，常住人口城镇化率达到72%，城镇调查失业率控制在5.5%以内，全社会研发经费投入强度达到2.8%，单位地区生产总值能耗下降14%，细颗粒物（PM2.5）平均浓度降至32微克/立方米，地级及以上城市空气质量优良天数比率达到88%以上，森林覆盖率达到45%，人均预期寿命达到80岁，每千人口执业（助理）医师数达到3.5人。'
    const { quantities } = parsePlan(text)
    expect(quantities.map((q) => q.indicator?.id ?? null)).toEqual([
      'gdp-growth',
      'urbanization-rate',
      'surveyed-urban-unemployment-rate',
      'rd-intensity',
      'energy-intensity-reduction',
      'pm25-concentration',
      'good-air-quality-days-ratio',
      'forest-coverage-rate',
      'life-expectancy',
      'licensed-doctors-per-1000',
    ])
  })

  it('should leave a quantity unlinked when its metric names no indicator', () => {
    const { quantities } = parsePlan('一、基础\n修缮办公楼3座。')
    expect(quantities).toHaveLength(1)
    expect(quantities[0]!.indicator).toBeUndefined()
  })
})
