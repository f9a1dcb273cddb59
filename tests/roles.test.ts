import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parsePlan } from '../src/parse.js'
import { cleanMetric, timeRefs } from '../src/roles.js'

const seed = (name: string): string => readFileSync(new URL(`../seeds/${name}.txt`, import.meta.url), 'utf8')

describe('timeRefs', () => {
  it.each([
    ['2010年底，我市', 2010],
    ['“十五”末', 2005],
    ['十二五期间', 2015],
    ['到“十四五”末', 2025],
  ])('should date %s as %d', (t, y) => {
    expect(timeRefs(t)[0]?.year).toBe(y)
  })

  it('should mark a comparison base when 比 comes before the year', () => {
    expect(timeRefs('比“十五”末增长82%')[0]?.base).toBe(true)
  })
})

describe('cleanMetric', () => {
  it.each([
    ['全市城镇登记失业率控制在', '城镇登记失业率'],
    ['“十一五”期间我市新增就业', '新增就业'],
    ['力争人才资源总量', '人才资源总量'],
  ])('should reduce %s to %s', (raw, metric) => {
    expect(cleanMetric(raw)).toBe(metric)
  })
})

describe('assignRoles on a real plan', () => {
  const result = parsePlan(seed('000_b5922f56b63f245e'))
  const byRaw = (raw: string) => result.quantities.find((q) => q.raw.replace(/\s/g, '') === raw)

  it('should make a goal of the plan period a target when it stands under 主要目标', () => {
    expect(byRaw('4%以内')).toMatchObject({ role: 'target', year: 2015, metric: '城镇登记失业率', qualifier: 'lte' })
  })

  it('should make a review figure an actual of the past period when it stands under 发展情况', () => {
    expect(byRaw('78.43万人')).toMatchObject({ role: 'actual', year: 2010, metric: '新增就业', value: 784300 })
  })

  it('should give each item of a 分别 list its own metric when the items share a head noun', () => {
    expect(byRaw('318.8万人')?.metric).toContain('养老')
    expect(byRaw('287.1万人')?.metric).toContain('工伤')
  })

  it('should date a baseline by its own time reference when the sentence says 由…提高到', () => {
    expect(byRaw('929元')).toMatchObject({ role: 'actual', year: 2005, unit: 'CNY/person/month' })
  })

  it('should record a decrease when the number follows 下降', () => {
    expect(byRaw('0.48个百分点')?.change).toMatchObject({ direction: 'decrease' })
  })
})
