import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parsePlan } from '../src/parse.js'
import { cleanMetric, isChangeOnly, rightPhrase } from '../src/meaning/metrics.js'
import { timeRefs } from '../src/meaning/years.js'

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

  it('should mark a comparison base when the period is quoted with full-width ＂', () => {
    expect(timeRefs('比＂九五＂期末增加212元')[0]).toMatchObject({ year: 2000, base: true })
  })
})

describe('cleanMetric', () => {
  it.each([
    ['全市城镇登记失业率控制在', '城镇登记失业率'],
    ['“十一五”期间我市新增就业', '新增就业'],
    ['力争人才资源总量', '人才资源总量'],
    // a word beginning with 从 is not a baseline 从…的
    ['其中城镇从业人员达到', '城镇从业人员'],
    ['企业退休人员平均养老金水平由“九五”末年的', '企业退休人员平均养老金水平'],
    // a short lead before a scope word is dropped
    ['巩固、保障全市劳动合同签订率', '劳动合同签订率'],
    // a comparison word inside the subject ends it
    ['集体合同签订率不低于已建工会企业数', '集体合同签订率'],
    // a trend phrase at the end is not part of the name
    ['劳动合同签订率逐年提升', '劳动合同签订率'],
    // explanatory asides go, short name parts stay
    ['全市医疗保险参保人员（包括退休人员）', '医疗保险参保人员'],
    ['每千人口执业（助理）医师数达到', '每千人口执业（助理）医师数'],
    ['保证每年保费率上升', '保费率上升'],
    // a time window inside the subject ends it
    ['全市企业养老保险缴费人数近5年缴费人数翻了', '企业养老保险缴费人数'],
    // the agent before an inner 共 goes when a full phrase remains
    ['劳动保障监察机构共检查用人单位', '检查用人单位'],
    ['五大保险基金累计结余', '五大保险基金累计结余'],
    // a strip word that is only a piece of a longer word stays
    ['建成区绿化覆盖率达到', '建成区绿化覆盖率'],
    ['地方一般公共预算收入', '地方一般公共预算收入'],
    ['城镇棚户区改造累计完成', '城镇棚户区改造'],
    // verbs and modal words before the number go
    ['细颗粒物平均浓度降至', '细颗粒物平均浓度'],
    ['全区常住人口将', '常住人口'],
    ['单位产值能耗力争', '单位产值能耗'],
    // area scopes and a bracket left at the start go
    ['市辖区建成区内绿道长度', '绿道长度'],
    ['各县（市、区）标准化卫生院占比达', '标准化卫生院占比'],
    // a modifier clause ending in 的 before a scope word goes
    ['有创业意愿的全县返乡人员培训率达到', '返乡人员培训率'],
    // a trailing baseline opened by 由 goes
    ['最低生活保障标准由城镇居民人均消费支出', '最低生活保障标准'],
    // the agent before a scope 在…内 goes
    ['职工医保和居民医保在政策范围内门诊费用报销比例', '政策范围内门诊费用报销比例'],
    ['在岗职工平均工资', '在岗职工平均工资'],
  ])('should reduce %s to %s', (raw, metric) => {
    expect(cleanMetric(raw)).toBe(metric)
  })

  it.each([
    ['比上年提高', true],
    ['同比下降', true],
    ['年均递增', true],
    ['增幅', true],
    ['新增就业', false],
    ['城镇登记失业率', false],
  ])('should tell whether %s names only a change (%s) when it is a cleaned subject', (s, yes) => {
    expect(isChangeOnly(cleanMetric(s))).toBe(yes)
  })
})

describe('rightPhrase', () => {
  it.each([
    ['建设50个市级高技能人才培养基地，重点建设', 5, '市级高技能人才培养基地'],
    ['每年引进不少于10名达到国家“千人计划”层次的尖端人才，', 10, '尖端人才'],
    ['各市选择2-3家县级以上医院开展按病种付费', 8, '县级以上医院'],
    ['其中有2808人成功创办了小企业。', 8, '成功创办了小企业'],
    ['乡镇卫生院3012个、社区卫生服务中心', 10, ''],
    ['每个省辖市确定1个县（市、区）', 9, '县（市、区）'],
    ['形成覆盖200个以上职业工种的高技能人才培养网络', 10, '职业工种'],
    ['结付比例从“十五”末的29.9%下降为目前的22.4%', 16, ''],
    ['全市医疗保险参保人员239.57万人（在职196.47万人）', 18, ''],
  ])('should name the counted thing of %s when the number ends at %d', (text, e, want) => {
    expect(rightPhrase(text, e)).toBe(want)
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

describe('assignRoles on plan excerpts', () => {
  const metricsOf = (text: string) => parsePlan(text).quantities.map((q) => ({ raw: q.raw, metric: q.metric, role: q.role, year: q.year }))

  it('should name the thing after the number when the subject only says who has it', () => {
    const qs = metricsOf('二、主要目标\n\n到2025年，每个乡镇建有1所中心卫生院，每个社区设有1个养老服务站并配备专职人员，逐步将12个以上康复项目纳入医保支付范围。')
    expect(qs.map((q) => q.metric)).toEqual(['中心卫生院', '养老服务站', '康复项目'])
  })

  it('should leave the marker and title out of the metric when a heading and its body share a sentence', () => {
    const qs = metricsOf('二、重点任务\n\n（一）提升医疗服务能力 新建三级医院2家，床位达到5000张。\n\n专栏2 重点工程 改造老旧小区300个。\n\n（二）城镇新增就业10万人。')
    expect(qs.map((q) => q.metric)).toEqual(['新建三级医院', '床位', '改造老旧小区', '城镇新增就业'])
  })

  it('should name the compared subject when a threshold is followed by what it selects', () => {
    const qs = metricsOf('二、指标说明\n\n老旧小区绿地率低于25%的小区面积占比；住房租金超过家庭收入30%的租户家庭数量。')
    expect(qs.map((q) => q.metric)).toEqual(['老旧小区绿地率', '住房租金'])
  })

  it('should end the phrase after a number where a new 每个 clause begins', () => {
    const qs = metricsOf('二、主要目标\n\n每个乡镇建有1个综合文化站、每个村建有1个农家书屋。')
    expect(qs.map((q) => q.metric)).toEqual(['综合文化站', '农家书屋'])
  })

  it('should borrow the previous metric when the subject is only a change', () => {
    const qs = metricsOf('一、工作进展\n\n2023年，空气质量优良天数比率为89.2%，比上年提高1.3个百分点。')
    expect(qs[1]?.metric).toBe('空气质量优良天数比率提高')
  })

  it('should give a 分别 list after a ； the items of the previous sentence when it names none', () => {
    const qs = metricsOf('“十四五”就业规划\n\n一、“十三五”时期回顾\n\n失业保险参保人数150.8万人，工伤保险参保人数85.2万人；分别比“十二五”期末增加了24.8万人，35.2万人。')
    expect(qs.slice(2).map((q) => q.metric)).toEqual(['失业保险参保人数增加', '工伤保险参保人数增加'])
  })

  it('should give a figure for a part of the area in brackets the metric of the figure before it', () => {
    const qs = metricsOf('一、“十五”期间回顾\n\n全市企业退休人员平均养老金水平由“九五”末年的548元（市区590元）提高到790.5元（市区826元）。')
    expect(new Set(qs.map((q) => q.metric))).toEqual(new Set(['企业退休人员平均养老金水平']))
  })

  it('should take the subject from the clause before when the clause of the number names none', () => {
    const qs = metricsOf('一、“十五”期间回顾\n\n劳动合同签订率逐年提升，到“十五”期末达到94%。')
    expect(qs[0]?.metric).toBe('劳动合同签订率')
  })

  it('should include an age bound in the subject of the next number when it defines the population', () => {
    const qs = metricsOf('一、基本情况\n\n到2004年末，全市60岁以上的老年人已超100万。')
    expect(qs.map((q) => q.metric)).toEqual(['老年人', '60岁以上的老年人'])
  })

  it('should name a counted number by the noun after it when the verb before is not a link', () => {
    const qs = metricsOf('二、主要目标\n\n到2025年，全省培育30个示范县、142个示范乡镇，开发5000个基层公益性岗位和1.6万个见习岗位。')
    expect(qs.map((q) => q.metric)).toEqual(['示范县', '示范乡镇', '基层公益性岗位', '见习岗位'])
  })

  it('should make a review section titled 工作基础 a frame of actuals when its title names the base', () => {
    const qs = metricsOf('某省基层卫生服务能力提升行动方案（2023—2025年）\n\n一、工作基础\n\n截至2022年底，全省共有村卫生室4.6万个，重点人群签约率达到76%。')
    expect(qs.map((q) => [q.role, q.year])).toEqual([['actual', 2022], ['actual', 2022]])
  })

  it('should make a present state actual and undated when an outlook section says 目前', () => {
    const qs = metricsOf('无锡市劳动保障“十一五”规划\n\n二、面临的形势\n\n而目前我市每年只能培养新增后备技能型人才近3万多人。')
    expect(qs[0]).toMatchObject({ role: 'actual', year: null })
  })

  it('should make a year column before the plan period a baseline when the table has no 现状 header', () => {
    const text = '某市“十四五”就业促进规划\n\n附表　主要指标\n\n指标名称\t单位\t2020年\t2025年\t属性\n城镇调查失业率\t%\t5.2\t5.5以内\t预期性\n'
    const qs = metricsOf(text)
    expect(qs.map((q) => [q.role, q.year, q.metric])).toEqual([['actual', 2020, '城镇调查失业率'], ['target', 2025, '城镇调查失业率']])
  })

  it('should name each item of a 分别 list when the items are written before their numbers', () => {
    const qs = metricsOf('一、发展基础\n\n全省义务教育学校生均公用经费基准定额分别提高到小学700元、初中900元。')
    expect(qs.map((q) => q.metric)).toEqual(['小学义务教育学校生均公用经费基准定额', '初中义务教育学校生均公用经费基准定额'])
  })

  it('should read a unit in brackets after the row name when the table has no unit column', () => {
    const text = '某省“十四五”教育规划\n\n附表　主要指标\n\n指标\t2020年\t2025年\t属性\n学前教育毛入园率（%）\t90.6\t92\t预期性\n'
    expect(parsePlan(text).quantities.map((q) => [q.unit, q.role, q.year])).toEqual([['percent', 'actual', 2020], ['percent', 'target', 2025]])
  })

  it('should name a table cell by its row when the cell holds only a lead word and the number', () => {
    const text = '某省2024年大气污染防治工作计划\n\n三、重点任务分解\n\n序号\t任务名称\t目标值\t完成时间\n1\t港口岸电设施建设\t新增40套\t2024年12月\n'
    expect(metricsOf(text)[0]).toMatchObject({ metric: '港口岸电设施建设', year: 2024 })
  })
})

describe('assignRoles in a box table cell', () => {
  it('should not carry a date of an earlier sentence of the cell when the later sentence has none', () => {
    const text = '某区“十四五”人社规划\n\n专栏 1: 劳动关系工程\n1\t和谐劳动关系\t集体合同签订率2022年底达80%以上。规模以上企业劳动合同签订率达98%。\n'
    const qs = parsePlan(text).quantities
    expect(qs.map((q) => q.year)).toEqual([2022, 2025])
  })
})
