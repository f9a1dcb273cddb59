import { describe, expect, it } from 'vitest'
import { parsePlan, parseTree } from '../src/index.js'
import type { Nodes, Root } from '../src/core/types.js'
import { losslessProblems } from './property-invariants.js'

/** Every heading of each document as `marker title depth parent`. */
function outline(text: string): string[][] {
  const { tree } = parseTree(text)
  return tree.children.map((d) => {
    const out: string[] = []
    const walk = (n: Nodes, parent: string): void => {
      let next = parent
      if ((n.type === 'section' || n.type === 'box') && 'marker' in n) {
        out.push(`${n.marker.raw} ${n.title} ${n.depth} ${parent}`)
        next = n.title
      }
      if ('children' in n) for (const c of n.children as Nodes[]) walk(c, next)
    }
    for (const c of d.children) walk(c, '-')
    return out
  })
}

const rules = (text: string): string[] => parseTree(text).messages.map((m) => m.ruleId)
const tree = (text: string): Root => parseTree(text).tree

describe('outline: numbering that runs on across parents', () => {
  it('should keep counting （三） under 二、 when the document numbers its （N） items through all parts', () => {
    const text = [
      '一、总体要求',
      '（一）指导思想。坚持稳中求进工作总基调。',
      '（二）基本原则。坚持系统观念。',
      '二、重点任务',
      '（三）推进产业升级。培育壮大新兴产业。',
      '（四）扩大有效投资。实施一批重大项目。',
      '三、保障措施',
      '（五）加强组织领导。各部门要压实责任。',
    ].join('\n')
    expect(outline(text)).toEqual([
      [
        '一、 总体要求 1 -',
        '（一） 指导思想 2 总体要求',
        '（二） 基本原则 2 总体要求',
        '二、 重点任务 1 -',
        '（三） 推进产业升级 2 重点任务',
        '（四） 扩大有效投资 2 重点任务',
        '三、 保障措施 1 -',
        '（五） 加强组织领导 2 保障措施',
      ],
    ])
    expect(rules(text)).not.toContain('broken-sequence')
  })

  it('should go on counting after a gap when the next item confirms the new number', () => {
    const text = ['一、体制', '（一）组织领导。加强。', '（二）协会改革。推进。', '二、青训', '（三）人才通道。畅通。', '（四）竞赛体系。完善。', '三、职业', '（七）同步发展。推动。', '（八）联赛建设。加强。'].join('\n')
    expect(outline(text)[0]!.slice(-3)).toEqual(['三、 职业 1 -', '（七） 同步发展 2 职业', '（八） 联赛建设 2 职业'])
    expect(rules(text)).toContain('skipped-number')
    expect(rules(text)).not.toContain('broken-sequence')
  })

  it('should read running 1． items as children of each part when one item follows each part heading', () => {
    const text = ['一、就业保障', '1．扩大就业。每年新增岗位。', '二、社会保障', '2．完善养老保险。扩大覆盖面。', '3．完善医疗保险。提高报销比例。', '三、住房保障', '4．增加保障房供给。'].join('\n')
    expect(outline(text)[0]).toEqual(['一、 就业保障 1 -', '1． 扩大就业 2 就业保障', '二、 社会保障 1 -', '2． 完善养老保险 2 社会保障', '3． 完善医疗保险 2 社会保障', '三、 住房保障 1 -', '4． 增加保障房供给 2 住房保障'])
  })

  it('should still reject a stray number when the items restart under each part', () => {
    const text = ['一、目标', '1．就业。稳定。', '2．社保。完善。', '二、任务', '1．培训。加强。', '5．服务。优化。'].join('\n')
    expect(outline(text)[0]).toHaveLength(5)
    expect(rules(text)).toContain('broken-sequence')
  })
})

describe('outline: tables of contents', () => {
  it('should read no heading from a table of contents with leaders when the body repeats its entries', () => {
    const text = ['某市国土空间总体规划', '目  录', '第一章 总体要求……………1', '第二章 发展目标……………5', '第三章 空间格局……………9', '第一章 总体要求', '规划范围为全市行政辖区。', '第二章 发展目标', '到2035年基本建成美丽城市。', '第三章 空间格局', '构建一主两副的城镇格局。'].join('\n')
    expect(outline(text)).toEqual([['第一章 总体要求 1 -', '第二章 发展目标 1 -', '第三章 空间格局 1 -']])
    const t = tree(text)
    const headingStarts = t.children[0]!.children.filter((n) => n.type === 'section').map((n) => n.position.start.offset)
    expect(headingStarts).toEqual([text.indexOf('第一章 总体要求\n'), text.indexOf('第二章 发展目标\n'), text.indexOf('第三章 空间格局\n')])
    expect(losslessProblems(parsePlan(text), text)).toEqual([])
  })

  it('should read no heading from a list of chapter titles when the same titles head the body later', () => {
    const text = ['第一章 发展基础', '第二章 总体思路', '第三章 主要任务', '第一章 发展基础', '全市经济总量稳步提升。', '第二章 总体思路', '坚持生态优先。', '第三章 主要任务', '加快建设现代产业体系。'].join('\n')
    expect(outline(text)).toEqual([['第一章 发展基础 1 -', '第二章 总体思路 1 -', '第三章 主要任务 1 -']])
    expect(rules(text)).not.toContain('broken-sequence')
  })

  it('should keep consecutive headings without text when they are not repeated later', () => {
    const text = ['第一章 总则', '第一节 目的', '一、依据', '有关法规。'].join('\n')
    expect(outline(text)[0]).toEqual(['第一章 总则 1 -', '第一节 目的 2 总则', '一、 依据 3 目的'])
  })
})

describe('outline: decimal numbering', () => {
  it('should keep 2.1 in the same document when 1.1 and 1.2 came before it', () => {
    const text = ['1.1 发展基础', '经济总量稳步增长。', '1.2 面临形势', '外部环境复杂多变。', '2.1 指导思想', '坚持新发展理念。'].join('\n')
    expect(outline(text)).toEqual([['1.1 发展基础 1 -', '1.2 面临形势 1 -', '2.1 指导思想 1 -']])
  })

  it('should read bare 1 / 2 / 3 as the top level when the document counts on with them', () => {
    const text = ['1 总则', '本规划适用于全市。', '1.1 规划目的', '保障高质量发展。', '1.2规划范围', '全市行政辖区。', '2 发展目标', '2.1 总体目标', '建成美丽城市。', '3 空间格局', '构建城镇格局。'].join('\n')
    expect(outline(text)).toEqual([
      ['1 总则 1 -', '1.1 规划目的 2 总则', '1.2 规划范围 2 总则', '2 发展目标 1 -', '2.1 总体目标 2 发展目标', '3 空间格局 1 -'],
    ])
  })

  it('should not read a bare number as a heading when the document does not count with it', () => {
    const text = ['一、主要指标', '1 地区生产总值', '2 常住人口', '二、任务', '推进改革。'].join('\n')
    expect(outline(text)[0]).toEqual(['一、 主要指标 1 -', '二、 任务 1 -'])
  })
})

describe('outline: unnumbered parts', () => {
  it('should put the 一、 items of an unnumbered 总则 at the top when chapters follow', () => {
    const text = ['总 则', '一、指导思想', '坚持生态优先。', '二、规划期限', '2021-2035年。', '第一章 发展基础', '一、现状', '生态本底良好。', '二、问题', '空间破碎。', '第二章 规划目标', '一、总体目标', '格局稳定。'].join('\n')
    expect(outline(text)).toEqual([
      ['一、 指导思想 1 -', '二、 规划期限 1 -', '第一章 发展基础 1 -', '一、 现状 2 发展基础', '二、 问题 2 发展基础', '第二章 规划目标 1 -', '一、 总体目标 2 规划目标'],
    ])
  })

  it('should start a glossary numbered 1. at the top when it follows the body under a 名词解释 line', () => {
    const text = ['一、目标', '（一）生态目标。格局稳定。', '1.保护红线。严守底线。', '二、任务', '（一）保护修复。系统治理。', '名词解释', '1.生态保护红线：指具有特殊重要生态功能的区域。', '2.城镇开发边界：指可以集中进行城镇开发建设的区域。'].join('\n')
    expect(outline(text)[0]!.slice(-2)).toEqual(['1. 生态保护红线 1 -', '2. 城镇开发边界 1 -'])
    expect(rules(text)).not.toContain('broken-sequence')
  })
})

describe('outline: boxes', () => {
  it('should put a box after the last item of a section into that section and its items inside the box', () => {
    const text = ['一、稳定就业', '（一）扩大就业。多渠道增加岗位。', '1.促进创业。加大扶持。', '2.援企稳岗。落实政策。', '专栏1 就业促进工程', '（1）创业孵化基地建设。建设10个基地。', '（2）技能培训行动。每年培训5万人次。', '（二）完善社保。扩大覆盖面。'].join('\n')
    expect(outline(text)[0]).toEqual([
      '一、 稳定就业 1 -',
      '（一） 扩大就业 2 稳定就业',
      '1. 促进创业 3 扩大就业',
      '2. 援企稳岗 3 扩大就业',
      '专栏1 就业促进工程 3 扩大就业',
      '（1） 创业孵化基地建设 4 就业促进工程',
      '（2） 技能培训行动 4 就业促进工程',
      '（二） 完善社保 2 稳定就业',
    ])
    expect(rules(text)).not.toContain('broken-sequence')
  })

  it('should read 1. items inside a box as the box items when the section before it used 1. too', () => {
    const text = ['一、任务', '1.引才。加大力度。', '2.育才。完善体系。', '专栏1 人才工程', '1.博士后计划。', '2.技能大师工作室。', '二、保障', '加强领导。'].join('\n')
    expect(outline(text)[0]).toEqual(['一、 任务 1 -', '1. 引才 2 任务', '2. 育才 2 任务', '专栏1 人才工程 2 任务', '1. 博士后计划 3 人才工程', '2. 技能大师工作室 3 人才工程', '二、 保障 1 -'])
  })

  it('should keep counting the body items after a box when the box has its own 1. list', () => {
    const text = ['一、任务', '（一）推广应用。', '1.培育场景。支持企业。', '2.研发方案。加强攻关。', '专栏1 推广工程', '1.家电行业：建设平台。', '2.家具行业：推广设计。', '（二）改造升级。', '3.推进改造。分类施策。', '4.更新设备。加快更新。', '（三）服务能力。', '5.培育服务商。'].join('\n')
    expect(outline(text)[0]).toEqual([
      '一、 任务 1 -',
      '（一） 推广应用 2 任务',
      '1. 培育场景 3 推广应用',
      '2. 研发方案 3 推广应用',
      '专栏1 推广工程 3 推广应用',
      '1. 家电行业 4 推广工程',
      '2. 家具行业 4 推广工程',
      '（二） 改造升级 2 任务',
      '3. 推进改造 3 改造升级',
      '4. 更新设备 3 改造升级',
      '（三） 服务能力 2 任务',
      '5. 培育服务商 3 服务能力',
    ])
    expect(rules(text)).not.toContain('broken-sequence')
  })

  it('should place every box of a level the same way when only some earlier siblings have items', () => {
    const text = ['一、任务', '（一）就业。扩大。', '1.创业。扶持。', '（二）社保。完善。', '专栏1 社保工程', '（三）人才。引进。', '专栏2 人才工程', '二、保障'].join('\n')
    const depths = outline(text)[0]!.filter((h) => h.startsWith('专栏'))
    expect(depths).toEqual(['专栏1 社保工程 3 社保', '专栏2 人才工程 3 人才'])
  })

  it('should nest (a) items inside an English box when the box follows the last section of a chapter', () => {
    const text = ['Chapter 1 Employment', 'Section 1 Jobs', 'New jobs were created.', 'Box 1 Key Projects', '(a) Training for 1 million workers.', '(b) Thirty incubators.', 'Section 2 Security', 'Coverage grew.'].join('\n')
    expect(outline(text)[0]).toEqual([
      'Chapter 1 Employment 1 -',
      'Section 1 Jobs 2 Employment',
      'Box 1 Key Projects 2 Employment',
      '(a) Training for 1 million workers 3 Key Projects',
      '(b) Thirty incubators 3 Key Projects',
      'Section 2 Security 2 Employment',
    ])
  })
})

describe('outline: one-character markers', () => {
  it('should read ㈠ and ⑴ as （一） and （1） levels when a Word file uses them', () => {
    const text = ['一、总体要求', '㈠指导思想', '⑴坚持人民至上。', '⑵坚持系统观念。', '㈡主要目标', '⒈就业稳定。', '⒉收入增长。'].join('\n')
    expect(outline(text)[0]).toEqual(['一、 总体要求 1 -', '㈠ 指导思想 2 总体要求', '⑴ 坚持人民至上 3 指导思想', '⑵ 坚持系统观念 3 指导思想', '㈡ 主要目标 2 总体要求', '⒈ 就业稳定 3 主要目标', '⒉ 收入增长 3 主要目标'])
    const schemes = tree(text).children[0]!.children.flatMap(function flat(n: Nodes): string[] {
      const own = n.type === 'section' ? [`${n.marker.scheme}:${n.marker.ordinal}`] : []
      return 'children' in n ? [...own, ...(n.children as Nodes[]).flatMap(flat)] : own
    })
    expect(schemes).toEqual(['cn-dun:1', 'paren-cn:1', 'paren-num:1', 'paren-num:2', 'paren-cn:2', 'num-dot:1', 'num-dot:2'])
  })
})
