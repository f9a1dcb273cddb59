import { describe, expect, it } from 'vitest'
import { parsePlan } from '../src/parse.js'
import type { Quantity, QuantityRecord, Table, TableCell } from '../src/core/types.js'
import { treeProblems } from './property-invariants.js'

function tables(text: string): Table[] {
  const out: Table[] = []
  const walk = (n: { type: string; children?: unknown[] }): void => {
    if (n.type === 'table') out.push(n as Table)
    else for (const c of (n.children ?? []) as Array<{ type: string; children?: unknown[] }>) walk(c)
  }
  walk(parsePlan(text).tree)
  return out
}

const quantities = (cell: TableCell | undefined): Quantity[] => (cell?.children ?? []).filter((c): c is Quantity => c.type === 'quantity')

const plan = (table: string): string => `某县“十四五”卫生健康发展规划\n一、主要目标\n到2025年，全县卫生健康服务能力明显提升。\n${table}\n`
const page = (table: string): string =>
  `<html><body><p>某县“十四五”卫生健康发展规划</p><p>一、主要目标</p><p>到2025年，全县卫生健康服务能力明显提升。</p>\n${table}\n</body></html>`

describe('HTML table spans', () => {
  const text = page(
    '<table><tr><td rowspan="2">类别</td><td rowspan="2">指标</td><td rowspan="2">单位</td><td colspan="2">目标值</td></tr>' +
      '<tr><td>2020年</td><td>2025年</td></tr>' +
      '<tr><td rowspan="2">医疗资源</td><td>每千人口医疗卫生机构床位数</td><td>张</td><td>5.1</td><td>6.2</td></tr>' +
      '<tr><td>每千人口执业（助理）医师数</td><td>人</td><td>2.6</td><td>3.1</td></tr></table>',
  )

  it('should expand rowspan and colspan into a grid of virtual cells when a header has two rows', () => {
    const [t] = tables(text)
    expect(t).toBeDefined()
    const [head, sub] = t!.children
    expect(head!.kind).toBe('header')
    expect(sub!.kind).toBe('header')
    expect(head!.children).toHaveLength(5)
    expect(head!.children[3]!.data).toEqual({ colSpan: 2 })
    expect(head!.children[4]!.data).toEqual({ spanOf: { row: 0, column: 3 } })
    expect(head!.children[4]!.children).toEqual([])
    expect(sub!.children).toHaveLength(5)
    expect(sub!.children[0]!.data).toEqual({ spanOf: { row: 0, column: 0 } })
    expect(sub!.children[3]!.position.start.offset).toBe(text.indexOf('<td>2020年'))
  })

  it('should keep every body value in its column when a category cell spans rows', () => {
    const [t] = tables(text)
    const second = t!.children[3]!
    expect(second.children).toHaveLength(5)
    expect(second.children[0]!.data).toEqual({ spanOf: { row: 2, column: 0 } })
    expect(quantities(second.children[3])[0]).toMatchObject({ value: 2.6, role: 'actual', year: 2020 })
    expect(quantities(second.children[4])[0]).toMatchObject({ value: 3.1, role: 'target', year: 2025 })
  })

  it('should keep positions nested and every character covered when cells are virtual', () => {
    expect(treeProblems(parsePlan(text), text)).toEqual([])
  })

  it('should build indicators with the category as group when the name is in the second column', () => {
    const text2 = page(
      '<table><tr><td>类别</td><td>指标</td><td>单位</td><td>2020年</td><td>2025年</td></tr>' +
        '<tr><td rowspan="2">医疗资源</td><td>每千人口医疗卫生机构床位数</td><td>张</td><td>5.1</td><td>6.2</td></tr>' +
        '<tr><td>每千人口执业（助理）医师数</td><td>人</td><td>2.6</td><td>3.1</td></tr></table>',
    )
    const inds = parsePlan(text2).indicators
    expect(inds.map((i) => i.name)).toEqual(['每千人口医疗卫生机构床位数', '每千人口执业（助理）医师数'])
    expect(inds[1]).toMatchObject({ group: '医疗资源', unit: '人' })
    expect(inds[1]!.baseline).toMatchObject({ value: 2.6, year: 2020 })
    expect(inds[1]!.target).toMatchObject({ value: 3.1, year: 2025 })
  })
})

describe('indicator tables with year columns', () => {
  const text = plan(
    '指标\t单位\t2020年\t2025年\t属性\n' +
      '人均预期寿命\t岁\t78.5\t79.5\t预期性\n' +
      '每千人口拥有3岁以下婴幼儿托位数\t个\t1.2\t4.5\t预期性\n' +
      '新增医疗卫生机构床位数\t张\t——\t[800]\t约束性',
  )
  const result = parsePlan(text)

  it('should make target records from the year after the plan start when there is no 目标 column', () => {
    const ind = result.indicators.find((i) => i.name === '人均预期寿命')
    expect(ind?.baseline).toMatchObject({ value: 78.5, role: 'actual', year: 2020 })
    expect(ind?.target).toMatchObject({ value: 79.5, role: 'target', year: 2025 })
    expect(ind?.attribute).toBe('expected')
  })

  it('should not read a number of the indicator name as a quantity when the table has value columns', () => {
    expect(result.quantities.some((q) => q.raw.startsWith('3岁'))).toBe(false)
    expect(result.indicators.find((i) => i.name.startsWith('每千人口拥有'))?.target).toMatchObject({ value: 4.5 })
  })

  it('should read a bracketed cell as the period total when it is written [800]', () => {
    const ind = result.indicators.find((i) => i.name === '新增医疗卫生机构床位数')
    expect(ind?.target).toMatchObject({ value: 800, role: 'target', year: 2025, change: { direction: 'increase', period: 'cumulative' } })
    expect(ind?.accumulation).toBe('cumulative')
    expect(ind?.attribute).toBe('binding')
  })

  it('should keep each stage its year when targets are staged over 2022年, 2025年 and 2035年', () => {
    const staged = parsePlan(plan('指标\t单位\t2022年\t2025年\t2035年\n森林覆盖率\t%\t30\t32\t35'))
    const ind = staged.indicators[0]
    expect(ind?.stages?.map((q) => [q.value, q.year])).toEqual([
      [30, 2022],
      [32, 2025],
      [35, 2035],
    ])
    expect(ind?.target).toMatchObject({ value: 35, year: 2035 })
  })
})

describe('explanation columns', () => {
  it('should make a requirement a target and a definition other when an explanation cell holds both', () => {
    const text = plan(
      '序号\t指标\t解释\n' +
        '1\t社区绿地覆盖率（%）\t服务半径500米范围内的居住用地占比，不宜小于80%。\n' +
        '2\t生活垃圾分类覆盖率（%）\t实行分类的小区占比，应达到100%。',
    )
    const qs = parsePlan(text).quantities
    expect(qs.find((q) => q.raw === '500米')?.role).toBe('other')
    expect(qs.find((q) => q.raw.endsWith('80%'))?.role).toBe('target')
    expect(qs.find((q) => q.raw === '100%')?.role).toBe('target')
  })
})

describe('Word tables without tabs', () => {
  const rows = [
    ['一、绿色低碳', '1', '新建建筑绿色建筑占比（%）', '当年新建绿色建筑面积占新建建筑总面积的比例，应达到100%。'],
    ['', '2', '公园绿地服务半径覆盖率（%）', '500平方米以上公园绿地服务半径覆盖的居住用地占比。'],
    ['', '3', '人均公园绿地面积（平方米/人）', '城区公园绿地面积与常住人口之比，不宜小于12平方米/人。'],
    ['二、安全韧性', '4', '城市内涝积水点密度（个/平方公里）', '建成区内涝积水点数量与建成区面积之比。'],
  ]
  const body = rows.map((r) => r.filter((c) => c).join('\n\n')).join('\n\n\n\n')
  const text = `某市2022年城市体检工作方案\n\n附件\n\n2022年城市体检指标\n\n类 别\n\n序号\n\n指 标\n\n解 释\n\n${body}\n\n附件2\n\n其他说明。\n`

  it('should read one cell per line as a table when a header run names 序号 and each row starts with its number', () => {
    const [t] = tables(text)
    expect(t?.form).toBe('word')
    expect(t!.children.map((r) => r.kind)).toEqual(['header', 'body', 'body', 'body', 'body'])
    expect(t!.children[1]!.children).toHaveLength(4)
    expect(t!.children[1]!.children[0]!.data).toEqual({ rowSpan: 3 })
    expect(t!.children[3]!.children[0]!.data).toEqual({ spanOf: { row: 1, column: 0 } })
    expect(t!.children[4]!.children[0]!.data).toBeUndefined()
    expect(treeProblems(parsePlan(text), text)).toEqual([])
  })

  it('should not make headings of the category cells when they stand in the table', () => {
    const result = parsePlan(text)
    const titles: string[] = []
    const walk = (n: { type: string; title?: string; children?: unknown[] }): void => {
      if (n.type === 'section') titles.push(n.title ?? '')
      for (const c of (n.children ?? []) as Array<{ type: string; children?: unknown[] }>) walk(c)
    }
    walk(result.tree)
    expect(titles).not.toContain('绿色低碳')
    expect(result.quantities.find((q) => q.raw === '100%')?.role).toBe('target')
    expect(result.quantities.find((q) => q.raw.startsWith('500平方米'))?.role).toBe('other')
  })

  it('should leave short lines as text when no numbering column follows them', () => {
    const plain = '某市工作方案\n\n目 标\n\n任务\n\n措施\n\n一、加强领导\n\n各部门要落实责任。\n'
    expect(tables(plain)).toEqual([])
  })
})

describe('text tables with a two-row header', () => {
  it('should label each year column with the merged label above it when a tab-separated header has two rows', () => {
    const text = plan('指标\t单位\t目标值\t\n\t\t2020年\t2025年\n人均预期寿命\t岁\t78.5\t79.5')
    const [t] = tables(text)
    expect(t!.children.map((r) => r.kind)).toEqual(['header', 'header', 'body'])
    const ind = parsePlan(text).indicators[0]
    expect(ind?.baseline).toMatchObject({ value: 78.5, role: 'actual', year: 2020 })
    expect(ind?.target).toMatchObject({ value: 79.5, role: 'target', year: 2025 })
  })
})

describe('value cells of indicator tables', () => {
  const result = parsePlan(
    plan(
      '指标\t单位\t2020年\t2025年\t属性\n' +
        '全社会研发投入强度（%）\t%\t1.9\t2.4\t预期性\n' +
        '城镇调查失业率（%）\t%\t4.6\t<5.5\t预期性\n' +
        '农村居民最低生活保障覆盖率（%）\t%\t3.2\t＜5.5\t预期性\n' +
        '单位生产总值二氧化碳排放降低（%）\t%\t——\t[17]\t约束性\n' +
        '湿地保护率提高（百分点）\t百分点\t——\t[0.6]\t约束性',
    ),
  )
  const target = (name: string): QuantityRecord | undefined => result.quantities.find((q) => q.metric === name && q.role === 'target')

  it('should read a bound written <5.5 or ＜5.5 as less than 5.5 when it stands in a value column', () => {
    expect(target('城镇调查失业率')).toMatchObject({ value: 5.5, qualifier: 'lt', unit: 'percent', year: 2025 })
    expect(target('农村居民最低生活保障覆盖率')).toMatchObject({ value: 5.5, qualifier: 'lt', unit: 'percent', year: 2025 })
  })

  it('should read [17] and [0.6] as totals over the period when the cells are bracketed', () => {
    expect(target('单位生产总值二氧化碳排放降低')).toMatchObject({ value: 17, unit: 'percent', change: { period: 'cumulative' } })
    expect(target('湿地保护率提高')).toMatchObject({ value: 0.6, unit: 'percentage-point', change: { period: 'cumulative' } })
    expect(result.indicators.filter((i) => i.accumulation === 'cumulative').map((i) => i.name)).toEqual(['单位生产总值二氧化碳排放降低（%）', '湿地保护率提高（百分点）'])
  })

  it('should drop the unit bracket of the name when it gives the metric of a table value', () => {
    expect(target('全社会研发投入强度')).toMatchObject({ value: 2.4 })
    expect(result.quantities.some((q) => q.metric?.includes('（'))).toBe(false)
  })
})

describe('Word tables without tabs or a numbering column', () => {
  const cells = [
    '类别', '指标', '2025年', '属性',
    '养老服务', '养老机构护理型床位占比（%）', '≥55', '约束性',
    '社区日间照料机构覆盖率（%）', '100', '预期性',
    '儿童福利', '孤儿基本生活保障标准（元/月）', '1800', '预期性',
    '未成年人救助保护机构覆盖率（%）', '90', '预期性',
  ]
  const text = `某市“十四五”民政事业发展规划\n\n一、发展目标\n\n到2025年，全市民政服务能力显著增强。\n\n表1　主要指标\n\n${cells.join('\n\n')}\n\n二、主要任务\n\n完善养老服务网络。\n`

  it('should read one cell per line as a table when each row ends with its attribute cell', () => {
    const [t] = tables(text)
    expect(t?.form).toBe('word')
    expect(t!.children.map((r) => r.kind)).toEqual(['header', 'body', 'body', 'body', 'body'])
    expect(t!.children.map((r) => r.children.length)).toEqual([4, 4, 4, 4, 4])
    expect(t!.children[1]!.children[0]!.data).toEqual({ rowSpan: 2 })
    expect(t!.children[2]!.children[0]!.data).toEqual({ spanOf: { row: 1, column: 0 } })
    expect(treeProblems(parsePlan(text), text)).toEqual([])
  })

  it('should give each row its category, name and 2025 target when the table is read', () => {
    const result = parsePlan(text)
    expect(result.indicators.map((i) => [i.group, i.name, i.target?.value, i.target?.year, i.attribute])).toEqual([
      ['养老服务', '养老机构护理型床位占比（%）', 55, 2025, 'binding'],
      ['养老服务', '社区日间照料机构覆盖率（%）', 100, 2025, 'expected'],
      ['儿童福利', '孤儿基本生活保障标准（元/月）', 1800, 2025, 'expected'],
      ['儿童福利', '未成年人救助保护机构覆盖率（%）', 90, 2025, 'expected'],
    ])
    expect(result.quantities.map((q) => q.metric)).toEqual(['养老机构护理型床位占比', '社区日间照料机构覆盖率', '孤儿基本生活保障标准', '未成年人救助保护机构覆盖率'])
  })

  it('should leave the lines as text when a row ends without an attribute cell', () => {
    const broken = text.replace('\n\n1800\n\n预期性', '\n\n1800')
    expect(tables(broken).filter((t) => t.children.length > 3)).toEqual([])
  })
})
