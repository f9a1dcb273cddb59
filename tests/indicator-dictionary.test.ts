import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { getIndicator, indicatorConflicts, indicatorEntries, matchIndicator } from '../src/meaning/indicator-dictionary.js'
import { gloss } from '../src/output/glosses.js'

const goldDir = new URL('../eval/gold/', import.meta.url)
const dictionary = JSON.parse(readFileSync(new URL('../grammars/indicators.json', import.meta.url), 'utf8')) as {
  extraUnits: Record<string, string>
  sources: Record<string, { title: string; publisher: string }>
}

/** Every distinct non-null `metric` of the seeds' gold quantities. */
function goldMetrics(): Set<string> {
  const out = new Set<string>()
  for (const f of readdirSync(goldDir).filter((n) => n.endsWith('.quantities.jsonl'))) {
    for (const line of readFileSync(new URL(f, goldDir), 'utf8').split('\n')) {
      if (!line.trim()) continue
      const q = JSON.parse(line) as { metric: string | null }
      if (q.metric) out.add(q.metric)
    }
  }
  return out
}

/** Unit codes of UNITS.md. */
function unitsMd(): Set<string> {
  const text = readFileSync(new URL('../eval/UNITS.md', import.meta.url), 'utf8')
  return new Set([...text.matchAll(/^\|\s*`([^`]+)`\s*\|/gm)].map((m) => m[1]!))
}

/**
 * Every metric of the seeds' gold that names a dictionary indicator, with
 * the id it must get (reviewed by hand: a metric that names a sub-group,
 * a growth or a compound of two indicators is not here and must get null).
 */
const goldExpectations: Array<[string, string]> = [
  ["两院院士", "academicians"],
  ["城镇单位在岗职工平均工资", "average-wage-on-post-employees"],
  ["在岗职工平均工资", "average-wage-on-post-employees"],
  ["城乡基本医疗保险参保率", "basic-medical-insurance-coverage-rate"],
  ["基本医疗保险参保人数", "basic-medical-insurance-participants"],
  ["基本医疗保险人数", "basic-medical-insurance-participants"],
  ["医疗保险参保人员", "basic-medical-insurance-participants"],
  ["城乡基本养老、医疗保障覆盖率", "basic-old-age-and-medical-insurance-coverage-rate"],
  ["城乡基本养老保险、医疗保险覆盖率", "basic-old-age-and-medical-insurance-coverage-rate"],
  ["城乡基本养老保险参保率", "basic-old-age-insurance-coverage-rate"],
  ["养老保险的覆盖面", "basic-old-age-insurance-coverage-rate"],
  ["集体合同签订率", "collective-contract-signing-rate"],
  ["建工会企业集体合同签订率", "collective-contract-signing-rate"],
  ["建立工会企业集体合同签订率", "collective-contract-signing-rate"],
  ["已建工会企业集体合同签订率", "collective-contract-signing-rate"],
  ["大专以上学历人才数量", "college-educated-talent"],
  ["大专以上学历人才总量", "college-educated-talent"],
  ["本地户籍高校毕业生总体就业率", "college-graduate-employment-rate"],
  ["本区户籍高校毕业生年末总体就业率", "college-graduate-employment-rate"],
  ["高校毕业生就业率", "college-graduate-employment-rate"],
  ["高校毕业生年末总体就业率", "college-graduate-employment-rate"],
  ["苏州籍高校毕业生就业率", "college-graduate-employment-rate"],
  ["社区劳动保障协理员专职化率", "community-coordinator-full-time-rate"],
  ["困难群体就业帮扶比例", "difficult-groups-employment-assistance-rate"],
  ["全市从业人员", "employed-persons"],
  ["本地户籍就业人员参保率", "employed-persons-social-insurance-coverage-rate"],
  ["三次产业从业人员的比重", "employment-by-industry-structure"],
  ["城乡劳动者就业技能培训", "employment-skills-training"],
  ["城乡劳动者就业培训", "employment-skills-training"],
  ["城乡劳动者就业培训人数", "employment-skills-training"],
  ["免费培训城乡劳动者", "employment-skills-training"],
  ["企业退休人员基本养老金水平", "enterprise-retiree-basic-pension"],
  ["企业退休人员平均养老金水平", "enterprise-retiree-basic-pension"],
  ["企业退休人员人均月基本养老金", "enterprise-retiree-basic-pension"],
  ["创业孵化基地", "entrepreneurship-incubation-bases"],
  ["市级以上创业孵化基地", "entrepreneurship-incubation-bases"],
  ["创业培训", "entrepreneurship-training"],
  ["创业培训人数", "entrepreneurship-training"],
  ["农村五保户集中供养率", "five-guarantee-centralized-support-rate"],
  ["第二轮周期免费健康体检率", "free-health-check-rate"],
  ["充分就业社区", "full-employment-community-rate"],
  ["充分就业行政村", "full-employment-village-rate"],
  ["充分就业行政村（社区）", "full-employment-village-rate"],
  ["建立研究生社会实践基地高校数", "graduate-practice-base-universities"],
  ["研究生社会实践基地高校数", "graduate-practice-base-universities"],
  ["安置困难群体实现就业", "hard-to-employ-reemployed"],
  ["就业困难人员再就业", "hard-to-employ-reemployed"],
  ["各级和谐劳动关系企业数占单独已建工会且正常生产经营企业比例", "harmonious-labour-relations-enterprise-share"],
  ["各级和谐劳动关系企业数占单独已建工会且正常生产经营企业的比例", "harmonious-labour-relations-enterprise-share"],
  ["高层次人才", "high-level-talent"],
  ["高层次人才数量", "high-level-talent"],
  ["高层次人才总量", "high-level-talent"],
  ["每万人拥有高层次人才数量", "high-level-talent-per-10000"],
  ["高层次人才占人才资源总量", "high-level-talent-share"],
  ["主要劳动年龄人口受高等教育的比例", "higher-education-share-of-working-age"],
  ["每万名劳动者中高技能人才数", "highly-skilled-per-10000-workers"],
  ["每万名劳动者中高技能人才数量", "highly-skilled-per-10000-workers"],
  ["高技能人才占技能劳动者的比例", "highly-skilled-share-of-skilled"],
  ["高技能人才占技能型人才", "highly-skilled-share-of-skilled"],
  ["具有高级技能以上劳动者占技能型人才总量", "highly-skilled-share-of-skilled"],
  ["高技能人才总量", "highly-skilled-workers"],
  ["建成并投入使用人力资源产业园分园数", "hr-industrial-park-branches"],
  ["引进国内外知名人力资源服务机构", "hr-service-agencies-introduced"],
  ["引进国内外知名人力资源服务机构数", "hr-service-agencies-introduced"],
  ["人力资本投资占GDP比例", "human-capital-investment-share-of-gdp"],
  ["见习人员留用率", "internship-retention-rate"],
  ["带动就业", "jobs-from-entrepreneurship"],
  ["吸纳带动就业", "jobs-from-entrepreneurship"],
  ["规模以上企业劳动合同签订率", "labour-contract-signing-rate"],
  ["劳动合同签订率", "labour-contract-signing-rate"],
  ["企业劳动合同签订率", "labour-contract-signing-rate"],
  ["用人单位劳动合同签订率", "labour-contract-signing-rate"],
  ["劳动人事争议案件每年结案率", "labour-dispute-arbitration-closure-rate"],
  ["劳动人事争议仲裁结案率", "labour-dispute-arbitration-closure-rate"],
  ["劳动争议案件结案率", "labour-dispute-arbitration-closure-rate"],
  ["劳动争议仲裁结案率", "labour-dispute-arbitration-closure-rate"],
  ["劳动人事争议仲裁案件按期结案率", "labour-dispute-arbitration-on-time-closure-rate"],
  ["劳动人事争议调解成功率", "labour-dispute-mediation-success-rate"],
  ["劳动保障监察案件每年结案率", "labour-inspection-case-closure-rate"],
  ["劳动保障监察举报投诉案件按期结案率", "labour-inspection-case-closure-rate"],
  ["被征地农民就业率", "landless-farmers-employment-rate"],
  ["登记失业的被征地农民就业率", "landless-farmers-employment-rate"],
  ["被征地农民保养金标准", "landless-farmers-living-allowance"],
  ["被征地农民已实施基本生活保障", "landless-farmers-living-security"],
  ["被征地农民社会保障覆盖率", "landless-farmers-social-security-coverage-rate"],
  ["被征地农民社会保障覆盖面", "landless-farmers-social-security-coverage-rate"],
  ["城镇职工生育保险参保人数", "maternity-insurance-participants"],
  ["生育保险参保缴费人员", "maternity-insurance-participants"],
  ["生育保险参保人数", "maternity-insurance-participants"],
  ["生育保险人数", "maternity-insurance-participants"],
  ["生育医疗费用报销比例", "maternity-medical-reimbursement-rate"],
  ["城镇职工医疗费的个人现金结付比例", "medical-out-of-pocket-share"],
  ["个人自付费用比例", "medical-out-of-pocket-share"],
  ["企业最低工资标准", "minimum-wage"],
  ["国家级重点以上技工学校比重", "national-key-technical-schools-share"],
  ["新型农村合作医疗政策范围内住院费用报销比例", "ncms-inpatient-reimbursement-rate"],
  ["年均提供就业岗位", "new-jobs-provided"],
  ["新增劳动力就业岗位", "new-jobs-provided"],
  ["城乡新成长劳动力技能培训", "new-labour-force-skills-training"],
  ["新型农民基本养老保险参保", "new-rural-pension-participants"],
  ["新型农村社会养老保险基础养老金发放率", "new-rural-pension-payment-rate"],
  ["城镇每年新增就业", "new-urban-jobs"],
  ["城镇实现新增就业", "new-urban-jobs"],
  ["城镇新增就业", "new-urban-jobs"],
  ["城镇新增就业人数", "new-urban-jobs"],
  ["全市实现新增就业", "new-urban-jobs"],
  ["新增就业", "new-urban-jobs"],
  ["异地就医门诊费用直接结算率", "offsite-medical-direct-settlement-rate"],
  ["异地就医门诊和住院实时划卡结算率", "offsite-medical-direct-settlement-rate"],
  ["岗位技能提升培训", "on-the-job-skills-upgrading-training"],
  ["企业职工岗位技能提升培训", "on-the-job-skills-upgrading-training"],
  ["企业职工岗位技能提升培训人数", "on-the-job-skills-upgrading-training"],
  ["在岗职工岗位技能提升培训", "on-the-job-skills-upgrading-training"],
  ["海外引才联络站", "overseas-talent-liaison-stations"],
  ["海外引才联络站数", "overseas-talent-liaison-stations"],
  ["养老待遇发放率", "pension-benefit-payment-rate"],
  ["基本养老保险征缴率", "pension-contribution-collection-rate"],
  ["基本养老保险金社会化发放率", "pension-socialized-payment-rate"],
  ["养老金社会化发放率", "pension-socialized-payment-rate"],
  ["养老金实行社会化发放", "pension-socialized-payment-rate"],
  ["来信、来访案件每年结案率", "petition-case-closure-rate"],
  ["引进博士后进站人数", "postdoctoral-researchers-recruited"],
  ["引进博士后进站人员", "postdoctoral-researchers-recruited"],
  ["引进博士后进站人员数", "postdoctoral-researchers-recruited"],
  ["国家、省级企业博士后工作站", "postdoctoral-workstations"],
  ["省级以上博士后科研工作站", "postdoctoral-workstations"],
  ["新增省级以上企业博士后科研工作站", "postdoctoral-workstations"],
  ["城镇私营个体从业人员", "private-individual-employment"],
  ["专业技术人才总量", "professional-technical-personnel"],
  ["省（部）级重点以上技工学校比重", "provincial-key-technical-schools-share"],
  ["事业单位工作人员考核率", "public-institution-appraisal-rate"],
  ["事业单位工作人员聘用合同签订率", "public-institution-employment-contract-rate"],
  ["事业单位新进工作人员初任培训率", "public-institution-induction-training-rate"],
  ["新进人员初任培训率", "public-institution-induction-training-rate"],
  ["基层公益性岗位", "public-welfare-jobs"],
  ["开发社区公益性岗位", "public-welfare-jobs"],
  ["再就业率", "reemployment-rate"],
  ["下岗失业人员再就业培训", "reemployment-training"],
  ["再就业技能培训", "reemployment-training"],
  ["户籍人口", "registered-population"],
  ["城镇居民登记失业人数", "registered-urban-unemployed"],
  ["城镇登记失业率", "registered-urban-unemployment-rate"],
  ["城镇失业登记率", "registered-urban-unemployment-rate"],
  ["社会登记失业率", "registered-urban-unemployment-rate"],
  ["基础养老金最低标准", "resident-basic-pension-minimum"],
  ["企业退休人员社区管理率", "retiree-community-management-rate"],
  ["社区管理率", "retiree-community-management-rate"],
  ["企业退休人员社会化管理率", "retiree-socialized-management-rate"],
  ["社会化管理服务率", "retiree-socialized-management-rate"],
  ["社会化管理率", "retiree-socialized-management-rate"],
  ["留学人员创业园", "returnee-startup-parks"],
  ["省、市级留学回国人员创新创业园", "returnee-startup-parks"],
  ["省、市级留学回国人员创新创业园数", "returnee-startup-parks"],
  ["本地农村劳动力就业培训", "rural-labour-training"],
  ["农村劳动力就地就近转移就业", "rural-labour-transferred"],
  ["农村适龄劳动力转移就业", "rural-labour-transferred"],
  ["新增转移农村劳动力", "rural-labour-transferred"],
  ["农村基本养老保险覆盖率", "rural-old-age-insurance-coverage-rate"],
  ["农村养老保险覆盖率", "rural-old-age-insurance-coverage-rate"],
  ["技工院校、职业学校等校企合作家数", "school-enterprise-cooperation"],
  ["新增合作技工院校、职业学校等校企合作数", "school-enterprise-cooperation"],
  ["新增校企合作技工院校、职业学校", "school-enterprise-cooperation"],
  ["扶持城乡劳动者自主创业", "self-employment-supported"],
  ["扶持城乡劳动者自主创业人数", "self-employment-supported"],
  ["自主创业", "self-employment-supported"],
  ["高技能人才培养示范基地", "skilled-talent-training-bases"],
  ["高技能人才培养载体", "skilled-talent-training-bases"],
  ["高技能人才培养载体数", "skilled-talent-training-bases"],
  ["市级高技能人才培养基地", "skilled-talent-training-bases"],
  ["社会保险参保率", "social-insurance-coverage-rate"],
  ["五大保险基金累计结余", "social-insurance-fund-accumulated-balance"],
  ["基金收缴率", "social-insurance-fund-collection-rate"],
  ["基金安全运行率", "social-insurance-fund-safe-operation-rate"],
  ["享受国务院特殊津贴的专家", "special-allowance-experts"],
  ["享受政府特殊津贴", "special-allowance-experts"],
  ["人才贡献率", "talent-contribution-rate"],
  ["人才资源总量", "talent-pool"],
  ["人才总量", "talent-pool"],
  ["技工学校年平均招生", "technical-school-enrollment"],
  ["技师、高级技师", "technicians-and-senior-technicians"],
  ["技师、高级技师的比例", "technicians-share"],
  ["第三产业从业人员比重", "tertiary-industry-employment-share"],
  ["城镇失业人员再就业", "unemployed-reemployed"],
  ["失业人员实现就业", "unemployed-reemployed"],
  ["失业人员实现再就业", "unemployed-reemployed"],
  ["实现了再就业", "unemployed-reemployed"],
  ["下岗失业人员实现就业再就业", "unemployed-reemployed"],
  ["失业保险参保率", "unemployment-insurance-coverage-rate"],
  ["城镇职工失业保险参保人数", "unemployment-insurance-participants"],
  ["失业保险参保人数", "unemployment-insurance-participants"],
  ["失业保险人数", "unemployment-insurance-participants"],
  ["城镇从业人员", "urban-employed-persons"],
  ["城镇居民医保参保人数", "urban-resident-basic-medical-insurance-participants"],
  ["城镇居民医保规定范围内住院医药费报销比例", "urban-resident-inpatient-reimbursement-rate"],
  ["城镇居民医保政策范围内住院费用报销比例", "urban-resident-inpatient-reimbursement-rate"],
  ["城镇居民社会养老保险基础养老金发放率", "urban-resident-pension-payment-rate"],
  ["城镇职工基本医疗保险参保人数", "urban-worker-basic-medical-insurance-participants"],
  ["城镇职工医疗保险参保人数", "urban-worker-basic-medical-insurance-participants"],
  ["参加企业职工基本养老保险人数", "urban-worker-basic-pension-insurance-participants"],
  ["城镇基本养老保险参保人数", "urban-worker-basic-pension-insurance-participants"],
  ["城镇职工养老保险参保人数", "urban-worker-basic-pension-insurance-participants"],
  ["企业职工基本养老保险参保人数", "urban-worker-basic-pension-insurance-participants"],
  ["城镇职工医保政策范围内住院费用报销比例", "urban-worker-inpatient-reimbursement-rate"],
  ["村级劳动保障协管员专职化率", "village-coordinator-full-time-rate"],
  ["村级劳动就业社会保障公共服务平台建成率", "village-service-platform-completion-rate"],
  ["持有职业资格证书的总人数", "vocational-qualification-certificate-holders"],
  ["取得了国家职业资格证书", "vocational-qualification-certificate-holders"],
  ["参加职业资格鉴定", "vocational-skill-appraisals"],
  ["鉴定人数", "vocational-skill-appraisals"],
  ["各级各类职业培训", "vocational-training"],
  ["城镇职工工伤保险参保人数", "work-injury-insurance-participants"],
  ["工伤保险参保缴费人员", "work-injury-insurance-participants"],
  ["工伤保险参保人数", "work-injury-insurance-participants"],
  ["工伤保险人数", "work-injury-insurance-participants"],
  ["城镇零就业家庭和农村零转移家庭", "zero-employment-households"],
  ["零就业和零转移贫困家庭", "zero-employment-households"],
]

describe('indicator dictionary', () => {
  it('should hold at least 150 entries with unique kebab-case ids', () => {
    expect(indicatorEntries.length).toBeGreaterThanOrEqual(150)
    const ids = indicatorEntries.map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  })

  it('should name a known source document for every entry', () => {
    for (const e of indicatorEntries) {
      const s = dictionary.sources[e.source]
      expect(s, e.id).toBeDefined()
      expect(s!.title.length, e.id).toBeGreaterThan(10)
      expect(s!.publisher.length, e.id).toBeGreaterThan(3)
      expect(['official', 'recalled', 'adapted']).toContain(e.basis)
    }
  })

  it('should give every entry Chinese zh and variants and an English en', () => {
    for (const e of indicatorEntries) {
      expect(e.zh, e.id).toMatch(/[\u4e00-\u9fff]/)
      expect(e.en, e.id).toMatch(/^[A-Z(]/)
      expect(e.en, e.id).not.toMatch(/[\u4e00-\u9fff]/)
      for (const v of e.variants) expect(v, e.id).toMatch(/[\u4e00-\u9fff]|^[A-Z]+$/)
    }
  })

  it('should use a UNITS.md code (or a documented extra unit) with a gloss for every entry', () => {
    const codes = unitsMd()
    for (const e of indicatorEntries) {
      expect(codes.has(e.unit) || e.unit in dictionary.extraUnits, `${e.id}: ${e.unit}`).toBe(true)
      expect(gloss('unit', e.unit), e.unit).toBeDefined()
    }
  })

  it('should have a gloss for every domain', () => {
    for (const e of indicatorEntries) expect(gloss('domain', e.domain), e.domain).toBeDefined()
  })

  it('should cover the domains the issue asks for', () => {
    const count = (d: string) => indicatorEntries.filter((e) => e.domain === d).length
    for (const d of ['hr-social-security', 'employment', 'education', 'health', 'environment', 'economy']) {
      expect(count(d), d).toBeGreaterThanOrEqual(10)
    }
  })

  it('should have no name or variant claimed by two indicators', () => {
    expect(indicatorConflicts).toEqual([])
  })

  it('should match every entry on its own Chinese name and variants', () => {
    for (const e of indicatorEntries) {
      for (const name of [e.zh, ...e.variants]) expect(matchIndicator(name)?.id, name).toBe(e.id)
    }
  })

  it('should return the id with the English and Chinese names when a metric matches', () => {
    expect(matchIndicator('城镇失业登记率')).toEqual({
      id: 'registered-urban-unemployment-rate',
      en: 'Registered urban unemployment rate',
      zh: '城镇登记失业率',
    })
    expect(getIndicator('surveyed-urban-unemployment-rate')?.en).toBe('Surveyed urban unemployment rate')
    expect(getIndicator('basic-old-age-insurance-coverage-rate')?.en).toBe('Basic old-age insurance coverage rate')
    expect(getIndicator('no-such-id')).toBeUndefined()
  })
})

describe('matchIndicator on the seeds’ gold metrics', () => {
  const metrics = goldMetrics()

  it('should only list expectations that occur in the gold', () => {
    for (const [metric] of goldExpectations) expect(metrics.has(metric), metric).toBe(true)
    expect(goldExpectations.length).toBeGreaterThan(150)
  })

  it.each(goldExpectations)('should match %s to %s', (metric, id) => {
    expect(matchIndicator(metric)?.id).toBe(id)
  })

  it('should give null for every other gold metric (no false matches)', () => {
    const expected = new Set(goldExpectations.map(([m]) => m))
    const wrong = [...metrics].filter((m) => !expected.has(m) && matchIndicator(m) !== null)
    expect(wrong).toEqual([])
  })
})

describe('matchIndicator tolerance', () => {
  it.each([
    ['全市城镇登记失业率', 'registered-urban-unemployment-rate'],
    ['全区城镇登记失业率', 'registered-urban-unemployment-rate'],
    ['全省登记失业率', 'registered-urban-unemployment-rate'],
    ['登记失业率', 'registered-urban-unemployment-rate'],
    ['城镇 登记 失业率', 'registered-urban-unemployment-rate'],
    ['“城镇登记失业率”', 'registered-urban-unemployment-rate'],
    ['本地户籍高校毕业生就业率', 'college-graduate-employment-rate'],
    ['无锡籍高校毕业生年末总体就业率', 'college-graduate-employment-rate'],
    ['全市城乡基本养老保险参保率', 'basic-old-age-insurance-coverage-rate'],
    ['城乡失业保险参保人数', 'unemployment-insurance-participants'],
    ['全市城镇新增就业人数', 'new-urban-jobs'],
    ['城镇新增就业人员', 'new-urban-jobs'],
    ['高技能人才数量', 'highly-skilled-workers'],
    ['全市人才资源总量', 'talent-pool'],
    ['人才资源数量', 'talent-pool'],
    ['海外引才联络站数量', 'overseas-talent-liaison-stations'],
    ['第三产业从业人员比例', 'tertiary-industry-employment-share'],
    ['第三产业从业人员占比', 'tertiary-industry-employment-share'],
    ['每千人口执业(助理)医师数', 'licensed-doctors-per-1000'],
    ['地表水达到或好于III类水体比例', 'surface-water-grade-iii-share'],
    ['ＰＭ２．５年均浓度', 'pm25-concentration'],
    ['R&D经费投入强度', 'rd-intensity'],
    ['单位ＧＤＰ能耗降低', 'energy-intensity-reduction'],
    // official 14th-plan wordings and their provincial spellings
    ['全社会研发经费投入强度', 'rd-intensity'],
    ['研发经费支出占地区生产总值比重', 'rd-intensity'],
    ['细颗粒物（PM2.5）浓度', 'pm25-concentration'],
    ['细颗粒物(PM2.5)年均浓度', 'pm25-concentration'],
    ['地级及以上城市细颗粒物（PM2.5）浓度下降', 'pm25-reduction'],
    ['单位地区生产总值能耗', 'energy-consumption-per-unit-gdp'],
    ['万元GDP能耗', 'energy-consumption-per-unit-gdp'],
    // a trailing change word matches the change indicator of the same wording
    ['单位地区生产总值能耗下降', 'energy-intensity-reduction'],
    ['万元地区生产总值能耗降低', 'energy-intensity-reduction'],
    ['单位国内生产总值二氧化碳排放下降', 'co2-intensity-reduction'],
    ['每千人口执业医师数', 'licensed-doctors-per-1000'],
  ] as const)('should match %s to %s', (metric, id) => {
    expect(matchIndicator(metric)?.id ?? null).toBe(id)
  })
})

describe('matchIndicator negatives', () => {
  it.each([
    ['失业率', 'names no single indicator'],
    ['覆盖率', 'names no single indicator'],
    ['参保率', 'names no single indicator'],
    ['参保人数', 'names no single indicator'],
    ['城镇职工养老保险参保人数增长', 'growth of an indicator'],
    ['人才资源总量年增长率', 'growth of an indicator'],
    ['在岗职工平均工资增幅', 'growth of an indicator'],
    ['城镇从业人员增加', 'growth of an indicator'],
    ['森林覆盖率提高', 'growth of an indicator'],
    ['地区生产总值下降', 'change of an indicator'],
    ['两院', 'too short'],
    ['全市', 'prefix only'],
    ['苏州国际精英创业周相城分会场活动', 'an event'],
    ['', 'empty'],
  ])('should give null for %s (%s)', (metric) => {
    expect(matchIndicator(metric)).toBeNull()
  })

  it('should give null for null and undefined', () => {
    expect(matchIndicator(null)).toBeNull()
    expect(matchIndicator(undefined)).toBeNull()
  })

  it('should give the same answer when called twice', () => {
    expect(matchIndicator('本区户籍高校毕业生年末总体就业率')).toEqual(matchIndicator('本区户籍高校毕业生年末总体就业率'))
  })
})

describe('matchIndicator on any input', () => {
  it('should never throw and only return dictionary entries when given arbitrary text', () => {
    const names = indicatorEntries.flatMap((e) => [e.zh, ...e.variants])
    const ids = new Set(indicatorEntries.map((e) => e.id))
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom(...'全市本地户籍城乡人数总量比重率就业失业保险（）“”% ０１') }),
      fc.tuple(fc.constantFrom('', '全市', '全区', '本区户籍', '城乡'), fc.constantFrom(...names), fc.constantFrom('', '人数', '数量', '总量')).map((p) => p.join('')),
    )
    fc.assert(
      fc.property(text, (s) => {
        const r = matchIndicator(s)
        return r === null || (ids.has(r.id) && getIndicator(r.id)?.en === r.en && getIndicator(r.id)?.zh === r.zh)
      }),
    )
  })
})
