import { describe, expect, it } from 'vitest'
import { parsePlan } from '../src/parse.js'
import { kindOfTitle, periodOfTitle } from '../src/meaning/document-context.js'

const roles = (text: string) => parsePlan(text).quantities.map((q) => [q.raw.replace(/\s/g, ''), q.role, q.year])
const contextOf = (text: string, k = 0) => parsePlan(text).tree.children[k]?.data?.context

describe('document context', () => {
  it.each([
    ['某县“十五五”农业农村现代化规划', 'plan'],
    ['某市2025年就业工作要点', 'work-plan'],
    ['某区养老服务体系建设规划实施方案', 'implementation-plan'],
    ['2025年某市政府工作报告', 'work-report'],
    ['某市公共租赁住房管理办法', 'regulation'],
    ['关于印发某市就业规划的通知', 'notice'],
    ['Outline of the 15th Five-Year Plan of X Province', 'plan'],
  ])('should read %s as kind %s when the title ends with its kind word', (title, kind) => {
    expect(kindOfTitle(title)).toBe(kind)
  })

  it.each([
    ['某市生态保护规划（2019-2035年）', 2019, 2035],
    ['某省湿地保护规划（2021—2035年）', 2021, 2035],
    ['某县“十五五”教育事业发展规划', 2026, 2030],
    ['某市国民经济和社会发展第十五个五年规划纲要', 2026, 2030],
    ['某市2025年城市更新工作方案', 2025, 2025],
    ['Outline of the 14th Five-Year Plan (2021–2025)', 2021, 2025],
  ])('should read the period of %s when the title names it', (title, start, end) => {
    expect(periodOfTitle(title, kindOfTitle(title))).toEqual({ start, end })
  })

  it('should expose kind, period and report year on the document when the plan is a work report', () => {
    const text = '某县2025年政府工作报告\n\n一、2024年工作回顾\n\n全县地区生产总值增长5.6%。\n'
    expect(contextOf(text)).toEqual({ kind: 'work-report', period: { start: 2025, end: 2025 }, reportYear: 2025 })
  })

  it('should take the report year from the date line when the title of a work report has none', () => {
    const text = '政府工作报告\n\n各位代表：\n\n今年全县城镇新增就业8000人以上。\n\n2025年1月8日\n'
    const ctx = parsePlan(text).tree.children[0]?.data?.context
    expect(ctx?.reportYear ?? ctx?.period?.end).toBe(2025)
  })

  it('should fill root.data.period when an English title names the 14th Five-Year Plan', () => {
    const { tree } = parsePlan('The 14th Five-Year Plan for Water Conservancy of X County\n\nChapter 1 Main Targets\n\nThe water-saving irrigation rate will reach 70%.\n')
    expect(tree.data.period).toEqual({ start: 2021, end: 2025 })
  })

  it('should give an attachment its own year when its title names a different year', () => {
    const text = '某县2024年乡村振兴工作方案\n\n一、工作目标\n\n新建村级服务站12个。\n\n附件2\n\n2025年乡村振兴任务清单\n\n新建村级服务站15个。\n'
    const { tree, quantities } = parsePlan(text)
    const last = tree.children[tree.children.length - 1]
    expect(last?.data?.context?.period).toEqual({ start: 2025, end: 2025 })
    expect(quantities.map((q) => q.year)).toEqual([2024, 2025])
  })

  it('should take the horizon of the overall goal when the plan has no title', () => {
    const text = '为改善民生，提出以下实施意见。\n\n一、总体目标\n\n到2027年，全市社区养老服务基本覆盖。2024~2027年，全市每年新增养老床位500张。\n\n二、主要任务\n\n每个街道建设1个综合养老服务中心。\n'
    expect(contextOf(text)?.period).toEqual({ start: 2024, end: 2027 })
    expect(roles(text).at(-1)).toEqual(['1个', 'target', 2027])
  })

  it('should take the horizon from 总体要求 when an action plan states its goal there', () => {
    const text = '为加快数字化转型，制定本行动计划。\n\n一、总体要求\n\n到2027年，全市数字化转型取得明显成效。培育20家以上标杆企业。\n\n二、重点任务\n\n建设10个左右数字园区。\n'
    expect(roles(text)).toEqual([
      ['20家以上', 'target', 2027],
      ['10个左右', 'target', 2027],
    ])
  })
})

describe('roles from the document context', () => {
  it('should date the targets of a work report with its year and its review with the year before when it says 今年 and 过去一年', () => {
    const text = '某县2025年政府工作报告\n\n过去一年，全县城镇新增就业9200人。\n\n今年主要预期目标是：城镇新增就业9500人以上，城镇调查失业率控制在5.5%以内。\n'
    expect(roles(text)).toEqual([
      ['9200人', 'actual', 2024],
      ['9500人以上', 'target', 2025],
      ['5.5%以内', 'target', 2025],
    ])
  })

  it('should make the review of a work report actual for the year before when its heading names that year', () => {
    const text = '某县2025年政府工作报告\n\n一、2024年工作回顾\n\n全县粮食产量达到31.2万吨。\n\n二、2025年重点任务\n\n粮食产量稳定在31万吨以上。\n'
    expect(roles(text)).toEqual([
      ['31.2万吨', 'actual', 2024],
      ['31万吨以上', 'target', 2025],
    ])
  })

  it('should keep the years of staged targets and give yearly targets the last year when a plan runs to 2035', () => {
    const text = '某市湿地保护规划（2021—2035年）\n\n第二章 规划目标\n\n到2025年，湿地保护率达到55%；到2035年，湿地保护率达到60%。每年修复退化湿地200亩。\n'
    expect(roles(text)).toEqual([
      ['55%', 'target', 2025],
      ['60%', 'target', 2035],
      ['200亩', 'target', 2035],
    ])
  })

  it('should give the targets of a 十五五 plan the year 2030 and its review of 十四五 the year 2025 when no sentence dates them', () => {
    const text = '某县“十五五”文化旅游发展规划\n\n一、发展基础\n\n全县接待游客年均增长8.5%。\n\n二、主要目标\n\n旅游总收入年均增长7%左右。\n'
    expect(roles(text)).toEqual([
      ['8.5%', 'actual', 2025],
      ['7%左右', 'target', 2030],
    ])
  })

  it('should let the nearest deciding heading win when a part title names the environment and the targets', () => {
    const text = '某市“十四五”规划纲要\n\n第一篇 发展环境和主要目标\n\n第一章 发展基础\n\n全市常住人口城镇化率达到71%。\n\n第二章 主要目标\n\n到2025年，城镇调查失业率控制在5.5%以内。\n'
    expect(roles(text)).toEqual([
      ['71%', 'actual', 2020],
      ['5.5%以内', 'target', 2025],
    ])
  })

  it('should make a target of an explicit 到2025年 when it stands in an outlook section of a plan written before 2025', () => {
    const text = '某市“十四五”规划\n\n一、面临形势\n\n按照国家要求，到2025年全市森林覆盖率达到35%。\n'
    expect(roles(text)).toEqual([['35%', 'target', 2025]])
  })

  it('should make the review of the last plan actual for its last year when its heading says the goals were reached', () => {
    const text = '某市“十四五”规划\n\n一、“十三五”既定目标如期实现\n\n（一）综合实力明显增强\n\n地区生产总值突破5000亿元。\n'
    expect(roles(text)).toEqual([['突破5000亿元', 'actual', 2020]])
  })

  it('should not let a weak heading word turn the goals of a target section into actuals when a goal title says 取得新成效', () => {
    const text = '某市“十四五”规划\n\n二、主要目标\n\n（一）经济发展取得新成效\n\n地区生产总值年均增长6%左右。\n'
    expect(roles(text)).toEqual([['6%左右', 'target', 2025]])
  })

  it('should make a threshold a standard sets a target when the text says 不宜小于 or 应达到', () => {
    const text = '某市“十四五”规划\n\n一、发展现状\n\n新建小区绿地率不宜小于30%，新建公共建筑中绿色建筑占比应达到100%。\n'
    expect(roles(text)).toEqual([
      ['不宜小于30%', 'target', 2025],
      ['100%', 'target', 2025],
    ])
  })

  it('should read a life expectancy as a measured age when the number ends its clause', () => {
    const text = '某县“十四五”卫生健康规划\n\n二、主要目标\n\n到2025年，人均预期寿命达到79.5岁，65岁以上老年人健康管理率达到72%。\n'
    expect(roles(text)).toEqual([
      ['79.5岁', 'target', 2025],
      ['65岁以上', 'other', null],
      ['72%', 'target', 2025],
    ])
  })

  it('should carry the deadline of the clause before to the target when a baseline with 目前 follows it', () => {
    const text = '某市“十四五”医疗规划\n\n二、主要目标\n\n力争到2023年，全市三级医院由目前的8个增加到11个。\n'
    expect(roles(text)).toEqual([
      ['8个', 'actual', null],
      ['11个', 'target', 2023],
    ])
  })

  it('should carry a date over a ； when the next sentence of the paragraph has none', () => {
    const text = '某市民生实事实施方案（2023-2025年）\n\n二、重点任务\n\n到2023年底，困难群众救助比例提高到85%；年度救助限额最高8万元。\n'
    expect(roles(text).map((r) => r[2])).toEqual([2023, 2023])
  })

  it('should mark only the 年均 rate as annual when a cumulative rise on a base year comes first', () => {
    const { quantities } = parsePlan('某市“十四五”规划\n\n一、发展回顾\n\n全市财政收入比2015年增长38%，年均增长6.7%。\n')
    expect(quantities.map((q) => q.change)).toEqual([
      { direction: 'increase', period: 'cumulative', baseYear: 2015 },
      expect.objectContaining({ direction: 'increase', period: 'annual' }),
    ])
  })

  it('should read 在2018年基础上 as a comparison base when a doubling is set for the plan', () => {
    const text = '某区“十四五”规划\n\n二、主要目标\n\n全区工业总产值在2018年基础上翻一番。\n'
    expect(roles(text)).toEqual([['翻一番', 'target', 2025]])
  })

  it('should make bounds that only define what an indicator counts other when they modify a noun', () => {
    const text = '2024年某市城市体检指标说明\n\n一、指标解释\n\n新建住宅建筑高度超过80米的住宅栋数。社区卫生服务中心1公里服务半径覆盖的居住用地面积。\n'
    expect(roles(text)).toEqual([
      ['超过80米', 'other', 2024],
      ['1公里', 'other', 2024],
    ])
  })

  it('should keep a funding floor a target when a verb, not a property, comes before the bound', () => {
    const text = '某市“十四五”人才规划\n\n三、保障措施\n\n市人才基金每年安排不低于200万元的专项经费。\n'
    expect(roles(text)).toEqual([['不低于200万元', 'target', 2025]])
  })

  it('should make the area a plan covers an undated actual when it stands under 规划范围', () => {
    const text = '某市生态保护规划（2021-2035年）\n\n一、规划范围\n\n本规划范围为市域9800平方公里。\n'
    expect(roles(text)).toEqual([['9800平方公里', 'actual', null]])
  })
})

describe('English roles from the document context', () => {
  it('should make the targets of Main Targets targets when the part above is titled Development Environment', () => {
    const text = 'Outline of the 14th Five-Year Plan (2021–2025) of X City\n\nPart I Development Environment\n\nChapter 1 Achievements\n\nIn 2020, the forest coverage reached 28%.\n\nChapter 2 Main Targets\n\nThe forest coverage will reach 30%.\n'
    expect(roles(text)).toEqual([
      ['28%', 'actual', 2020],
      ['30%', 'target', 2025],
    ])
  })
})
