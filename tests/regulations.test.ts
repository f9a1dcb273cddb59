import { describe, expect, it } from 'vitest'
import { parsePlan, parseTree } from '../src/index.js'
import type { Nodes } from '../src/core/types.js'
import { findQuantities } from '../src/quantities/find.js'

describe('bounds of a penalty range', () => {
  it('should read a lower and an upper bound of the same unit as one range when they stand side by side', () => {
    const text = '违反本办法规定乱倒渣土的，处三千元以上三万元以下罚款。'
    const qs = findQuantities(text)
    expect(qs).toHaveLength(1)
    expect(qs[0]).toMatchObject({ min: 3000, max: 30000, unit: 'CNY', qualifier: 'range' })
    expect(qs[0]!.value).toBeUndefined()
    expect(text.slice(qs[0]!.start, qs[0]!.end)).toBe('三千元以上三万元以下')
  })

  it('should join multiples and days as well as money when both bounds are written', () => {
    const multiple = findQuantities('没收违法所得，并处违法所得三倍以上五倍以下的罚款。')
    expect(multiple).toEqual([expect.objectContaining({ min: 3, max: 5, unit: 'multiple', qualifier: 'range' })])
    const days = findQuantities('对责任人处五日以上十日以下拘留。')
    expect(days).toEqual([expect.objectContaining({ min: 5, max: 10, unit: 'day', qualifier: 'range' })])
  })

  it('should keep a single upper bound and bounds of different units apart when they do not close one interval', () => {
    expect(findQuantities('处八千元以下罚款。')).toEqual([expect.objectContaining({ value: 8000, qualifier: 'lte' })])
    const apart = findQuantities('面积五百平方米以上、投资二千万元以下的项目')
    expect(apart.map((q) => q.qualifier)).toEqual(['gte', 'lte'])
  })
})

describe('days written with 日', () => {
  it('should read a number of days with 日 after a Chinese numeral when it is a length of leave', () => {
    expect(findQuantities('职工享受护理假十二日。')).toEqual([expect.objectContaining({ value: 12, unit: 'day', qualifier: 'eq' })])
  })

  it('should not read a day of the month as a number of days when 每月 or 次月 comes before it', () => {
    expect(findQuantities('每月十五日前报送上月数据。')).toEqual([])
    expect(findQuantities('于次月3日前缴纳。')).toEqual([])
  })
})

describe('roles in a regulation', () => {
  const text = [
    '某市河道环境保护条例',
    '',
    '第一章 总则',
    '',
    '第一条 为了保护河道环境，制定本条例。',
    '',
    '第二章 法律责任',
    '',
    '第二条 违反本条例规定向河道倾倒垃圾的，由环境保护主管部门责令改正，处一千元以上一万元以下罚款。',
    '',
    '第三条 河道管理单位应当在接到投诉之日起十五日内处理。',
  ].join('\n')

  it('should give the amounts the articles set role target when a heading word would otherwise frame them as a review or an outlook', () => {
    const qs = parsePlan(text).quantities
    expect(qs.map((q) => [q.raw, q.role])).toEqual([
      ['一千元以上一万元以下', 'target'],
      ['十五日', 'target'],
    ])
  })
})

describe('chapters of a regulation whose first chapter line is lost', () => {
  /** Every heading as `marker title depth parent`. */
  const outline = (text: string): string[] => {
    const out: string[] = []
    const walk = (n: Nodes, parent: string): void => {
      let next = parent
      if (n.type === 'section' && 'marker' in n) {
        out.push(`${n.marker.raw} ${n.title} ${n.depth} ${parent}`)
        next = n.title
      }
      if ('children' in n) for (const c of n.children as Nodes[]) walk(c, next)
    }
    for (const d of parseTree(text).tree.children) for (const c of d.children) walk(c, '-')
    return out
  }

  it('should take 第二章 as a chapter above the articles when the text goes on with 第三章', () => {
    const text = [
      '第一条 为了规范停车管理，制定本条例。',
      '',
      '第二条 本条例适用于本市行政区域。',
      '',
      '## 第二章  设施建设',
      '',
      '第三条 新建住宅应当配建停车位。',
      '',
      '## 第三章  法律责任',
      '',
      '第四条 违反本条例规定的，责令改正。',
    ].join('\n')
    expect(outline(text)).toEqual([
      '第一条 为了规范停车管理，制定本条例 1 -',
      '第二条 本条例适用于本市行政区域 1 -',
      '第二章 设施建设 1 -',
      '第三条 新建住宅应当配建停车位 2 设施建设',
      '第三章 法律责任 1 -',
      '第四条 违反本条例规定的，责令改正 2 法律责任',
    ])
  })

  it('should not start the chapters at 第二章 when no 第三章 follows to confirm them', () => {
    const text = ['第一条 为了规范停车管理，制定本条例。', '', '第二章 设施建设', '', '第二条 新建住宅应当配建停车位。'].join('\n')
    expect(outline(text).some((h) => h.startsWith('第二章'))).toBe(false)
  })
})

describe('articles broken across lines of extracted text', () => {
  it('should join an article line that stops mid-word with its next line when every line stands as its own paragraph', () => {
    const text = [
      '## 第一章  总则',
      '',
      '第一条 为了保护本市湖泊水质，保障居民用水安全，根据有关法',
      '',
      '律、法规，制定本条例。',
      '',
      '第二条 本条例适用于本市行政区域内的湖泊。',
    ].join('\n')
    const titles: string[] = []
    const walk = (n: Nodes): void => {
      if (n.type === 'section' && 'marker' in n) titles.push(n.title)
      if ('children' in n) for (const c of n.children as Nodes[]) walk(c)
    }
    for (const d of parseTree(text).tree.children) walk(d)
    expect(titles).toEqual(['总则', '为了保护本市湖泊水质，保障居民用水安全，根据有关法律、法规，制定本条例', '本条例适用于本市行政区域内的湖泊'])
  })

  it('should still end a numbered title line with commas at its line when it is not an article', () => {
    const text = ['一、总体要求', '', '（一）坚持创新驱动，加快产业升级', '', '各区要结合实际，抓好落实。'].join('\n')
    const titles: string[] = []
    const walk = (n: Nodes): void => {
      if (n.type === 'section' && 'marker' in n) titles.push(n.title)
      if ('children' in n) for (const c of n.children as Nodes[]) walk(c)
    }
    for (const d of parseTree(text).tree.children) walk(d)
    expect(titles).toEqual(['总体要求', '坚持创新驱动，加快产业升级'])
  })
})

describe('metric of a fine', () => {
  it('should name the fine as the metric when the penalty noun follows the amount', () => {
    const text = '第一条 违反本条例规定占用消防通道的，由消防机构责令改正，对单位处一万元以上五万元以下罚款，对个人处二百元以上一千元以下的罚款。'
    expect(parsePlan(text).quantities.map((q) => [q.raw, q.metric])).toEqual([
      ['一万元以上五万元以下', '罚款'],
      ['二百元以上一千元以下', '罚款'],
    ])
  })
})

describe('reaching an age', () => {
  it('should read 年满 as a lower bound inside the span and give the age role other when it says whom a rule covers', () => {
    const qs = parsePlan('第一条 老年人年满七十周岁，可以免费乘坐公共交通工具。').quantities
    expect(qs).toEqual([expect.objectContaining({ raw: '年满七十周岁', value: 70, unit: 'age', qualifier: 'gte', role: 'other' })])
  })
})
