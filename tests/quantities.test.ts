import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { findQuantities } from '../src/quantities/find.js'
import { parseQuantity } from '../src/quantities/parse-quantity.js'
import { parseNumeral, readChinese } from '../src/quantities/numbers.js'

describe('parseNumeral', () => {
  it.each([
    ['十五', 15],
    ['两百', 200],
    ['一万二千', 12000],
    ['三点五', 3.5],
    ['二十五', 25],
    ['一百零五', 105],
    ['1,200', 1200],
    ['5.83', 5.83],
    ['１．5', 1.5],
    ['２０', 20],
  ])('should read %s as %d when it is a well-formed numeral', (s, v) => {
    expect(parseNumeral(s)).toBe(v)
  })

  it('should reject a plan period name when it is not a numeral', () => {
    expect(parseNumeral('十二五')).toBeNull()
  })

  it('should read at most one numeral length when numeral characters run on for a thousand characters', () => {
    const run = '一二三四五六七八九十百千万亿'.repeat(70)
    const tok = readChinese(run, 0)
    expect(tok?.end ?? 0).toBeLessThanOrEqual(24)
    expect(readChinese('十五万人', 0)).toMatchObject({ end: 3 })
  })
})

describe('parseQuantity', () => {
  it.each([
    ['146.23万人', { value: 1462300, unit: 'person', qualifier: 'eq' }],
    ['5.83亿元', { value: 583000000, unit: 'CNY' }],
    ['２０％', { value: 20, unit: 'percent' }],
    ['百分之九十五', { value: 95, unit: 'percent' }],
    ['五成', { value: 50, unit: 'percent' }],
    ['3.5万', { value: 35000, unit: 'none' }],
    ['1.6万个', { value: 16000, unit: 'count', classifier: '个' }],
    ['2.1万辆', { value: 21000, unit: 'count', classifier: '辆' }],
    ['3000辆以上', { value: 3000, unit: 'count', classifier: '辆', qualifier: 'gte' }],
    ['3～5万人', { min: 30000, max: 50000, unit: 'person', qualifier: 'range' }],
    ['1-2个', { min: 1, max: 2, unit: 'count', qualifier: 'range' }],
    ['1至2次', { min: 1, max: 2, unit: 'count', classifier: '次' }],
    ['6.0%—6.5%', { min: 6, max: 6.5, unit: 'percent', qualifier: 'range' }],
    ['3.6%—4.24%', { min: 3.6, max: 4.24, unit: 'percent' }],
    ['20:60:20', { parts: [20, 60, 20], unit: 'ratio' }],
    ['11.8：55.1：33.1', { parts: [11.8, 55.1, 33.1], unit: 'ratio' }],
    ['1624元/人.月', { value: 1624, unit: 'CNY/person/month' }],
    ['160元/人·月', { value: 160, unit: 'CNY/person/month' }],
    ['960元/月', { value: 960, unit: 'CNY/month' }],
    ['18.9万平方米', { value: 189000, unit: 'm2' }],
    ['0.48个百分点', { value: 0.48, unit: 'percentage-point' }],
    ['数十万人', { min: 100000, max: 900000, unit: 'person', qualifier: 'approx' }],
    ['十多个', { value: 10, unit: 'count', qualifier: 'gt' }],
    ['4%以内', { value: 4, qualifier: 'lte' }],
    ['不少于 10 名', { value: 10, unit: 'person', qualifier: 'gte' }],
    ['98%以上', { value: 98, qualifier: 'gte' }],
    ['超过98%', { value: 98, qualifier: 'gt' }],
    ['逾百人', { value: 100, qualifier: 'gt' }],
    ['4000余个', { value: 4000, qualifier: 'gt' }],
    ['低于5%', { value: 5, qualifier: 'lt' }],
    ['不到8%', { value: 8, qualifier: 'lt' }],
    ['约50多万人', { value: 500000, qualifier: 'approx' }],
    ['45%左右', { value: 45, qualifier: 'approx' }],
    ['近万人', { value: 10000, unit: 'person', qualifier: 'approx' }],
    ['3～5万人左右', { min: 30000, max: 50000, qualifier: 'range' }],
    ['翻一番', { value: 2, unit: 'multiple' }],
    ['每人每月70元', { value: 70, unit: 'CNY/person/month' }],
  ])('should parse %s when written in a supported notation', (s, expected) => {
    expect(parseQuantity(s)).toMatchObject(expected)
  })

  it.each([
    // electricity and capacity: the longest unit wins over a scale word
    ['120亿千瓦时', { value: 12000000000, unit: 'kWh', qualifier: 'eq' }],
    ['35万千瓦时', { value: 350000, unit: 'kWh' }],
    ['500万千瓦', { value: 5000000, unit: 'kW' }],
    ['五百万千瓦', { value: 5000000, unit: 'kW' }],
    ['1000兆瓦', { value: 1000000, unit: 'kW' }],
    ['2.4吉瓦', { value: 2400000, unit: 'kW' }],
    ['60MW', { value: 60000, unit: 'kW' }],
    ['800kWh', { value: 800, unit: 'kWh' }],
    ['350公顷', { value: 350, unit: 'ha' }],
    ['5000m2及以上', { value: 5000, unit: 'm2', qualifier: 'gte' }],
    ['500m', { value: 500, unit: 'm' }],
    ['4.2‰', { value: 4.2, unit: 'permille' }],
    ['12.5/10万', { value: 12.5, unit: 'per-100000' }],
    // rates: the code is built from the numerator and the denominator
    ['3.5个/万人', { value: 3.5, unit: 'count/1e4person', classifier: '个' }],
    ['6.5张/千人', { value: 6.5, unit: 'count/1e3person', classifier: '张' }],
    ['1.5人/万车以内', { value: 1.5, unit: 'person/1e4vehicle', qualifier: 'lte' }],
    ['25万元/亩', { value: 250000, unit: 'CNY/mu' }],
    ['0.45吨标准煤/万元', { value: 0.45, unit: 'tce/1e4CNY' }],
    ['80千米/小时', { value: 80, unit: 'km/h' }],
    ['120元/吨', { value: 120, unit: 'CNY/ton' }],
    // Chinese numerals before units that are not people or money
    ['一百二十万吨', { value: 1200000, unit: 'ton' }],
    ['两千余吨', { value: 2000, unit: 'ton', qualifier: 'gt' }],
    ['三点五%', { value: 3.5, unit: 'percent' }],
    ['十项', { value: 10, unit: 'count', classifier: '项' }],
    // ranges joined by 至 / 到 after the first unit
    ['6%至7%', { min: 6, max: 7, unit: 'percent', qualifier: 'range' }],
    ['6%到7%', { min: 6, max: 7, unit: 'percent', qualifier: 'range' }],
    ['6-7%', { min: 6, max: 7, unit: 'percent', qualifier: 'range' }],
    // Traditional characters
    ['2.5萬人', { value: 25000, unit: 'person' }],
    ['3200張', { value: 3200, unit: 'count', classifier: '张' }],
    ['12億元', { value: 1200000000, unit: 'CNY' }],
    ['不低於90%', { value: 90, unit: 'percent', qualifier: 'gte' }],
    // signs and PDF spacing
    ['≥73％', { value: 73, unit: 'percent', qualifier: 'gte' }],
    ['≤15%', { value: 15, unit: 'percent', qualifier: 'lte' }],
    ['<5.5', { value: 5.5, unit: 'none', qualifier: 'lt' }],
    ['＜5.5', { value: 5.5, qualifier: 'lt' }],
    ['>60', { value: 60, qualifier: 'gt' }],
    ['＞84', { value: 84, qualifier: 'gt' }],
    ['大于等于3.5', { value: 3.5, qualifier: 'gte' }],
    ['﹣5', { value: -5, unit: 'none' }],
    ['－2.5%', { value: -2.5, unit: 'percent' }],
    ['5 .2 %', { value: 5.2, unit: 'percent' }],
  ])('should parse %s when the unit, sign or script is one plans also use', (s, expected) => {
    expect(parseQuantity(s)).toMatchObject(expected)
  })

  it('should keep the raw text of the input when the input is in Traditional characters', () => {
    expect(parseQuantity('控制在5.5%以內')).toMatchObject({ value: 5.5, qualifier: 'lte', raw: '5.5%以內' })
  })

  it('should take the unit from a hint when the number is bare', () => {
    expect(parseQuantity('14.5', { unit: '万人' })).toMatchObject({ value: 145000, unit: 'person', inherited: true })
  })

  it('should return null when the string holds no number', () => {
    expect(parseQuantity('加强组织领导')).toBeNull()
  })
})

describe('findQuantities', () => {
  const spans = (t: string): string[] => findQuantities(t).map((m) => t.slice(m.start, m.end))

  it.each([
    ['城镇登记失业率控制在4%以内，社会登记失业率控制在4.5%以内', ['4%以内', '4.5%以内']],
    ['分别达到318.8万人、391万人和256.8万人', ['318.8万人', '391万人', '256.8万人']],
    ['分别增长80.6%、62.7%和72.3%', ['80.6%', '62.7%', '72.3%']],
    ['集体合同签订率不低于已建工会企业数92%', ['92%']],
    // a fraction before 年 is a length of time, not a calendar year
    ['劳动年龄人口平均受教育年限达到11.2年', ['11.2年']],
  ])('should find every quantity of %s', (t, expected) => {
    expect(spans(t)).toEqual(expected)
  })

  it.each([
    ['力争建设十五个特色产业园区', [{ value: 15, unit: 'count', classifier: '个' }]],
    ['全年新增十项便民服务', [{ value: 10, unit: 'count', classifier: '项' }]],
    ['累计完成一百零五项改造任务', [{ value: 105, unit: 'count', classifier: '项' }]],
    ['粮食总产量稳定在一百二十万吨以上', [{ value: 1200000, unit: 'ton', qualifier: 'gte' }]],
    ['扶持近百个村级集体经济项目', [{ value: 100, unit: 'count', qualifier: 'approx' }]],
    ['全市年发电量达到120亿千瓦时', [{ value: 12000000000, unit: 'kWh' }]],
    ['新增光伏装机500万千瓦', [{ value: 5000000, unit: 'kW' }]],
    ['新增城市绿地350公顷', [{ value: 350, unit: 'ha' }]],
    ['婴儿死亡率控制在5‰以内', [{ value: 5, unit: 'permille', qualifier: 'lte' }]],
    ['孕产妇死亡率降至8.5/10万以下', [{ value: 8.5, unit: 'per-100000', qualifier: 'lte' }]],
    ['每千名老年人拥有养老床位达到6.5张/千人', [{ value: 6.5, unit: 'count/1e3person' }]],
    ['道路交通万车死亡率控制在1.5人/万车以内', [{ value: 1.5, unit: 'person/1e4vehicle', qualifier: 'lte' }]],
    ['单位生产总值能耗降至0.45吨标准煤/万元', [{ value: 0.45, unit: 'tce/1e4CNY' }]],
    ['地区生产总值年均增长6%至7%', [{ min: 6, max: 7, unit: 'percent', qualifier: 'range' }]],
    ['居民收入增长6%到7%', [{ min: 6, max: 7, qualifier: 'range' }]],
    ['新增就業2.5萬人', [{ value: 25000, unit: 'person' }]],
    ['城鎮登記失業率控制在5.5%以內', [{ value: 5.5, unit: 'percent', qualifier: 'lte' }]],
    ['地区生产总值增长 5 .2 %', [{ value: 5.2, unit: 'percent' }]],
    ['空气质量优良天数比率≥73％', [{ value: 73, qualifier: 'gte' }]],
    ['利润总额增长－3.5%', [{ value: -3.5, unit: 'percent' }]],
    ['组团规模不宜超过50平方公里', [{ value: 50, unit: 'km2', qualifier: 'lte' }]],
    ['绿化覆盖率不宜小于45%', [{ value: 45, qualifier: 'gte' }]],
    ['救助限额最高10万元', [{ value: 100000, unit: 'CNY', qualifier: 'lte' }]],
    ['公园数量达到千座以上', [{ value: 1000, unit: 'count', qualifier: 'gte' }]],
    ['每个街道至少建成1所以上托育机构', [{ value: 1, unit: 'count', classifier: '所', qualifier: 'gte' }]],
    ['新建300张床位以上的康复医院', [{ value: 300, unit: 'count', classifier: '张', qualifier: 'gte' }]],
    ['在本市连续居住一年以上的人员', [{ value: 1, unit: 'year', qualifier: 'gte' }]],
    ['家庭年人均收入低于12000元', [{ value: 12000, unit: 'CNY/person/year', qualifier: 'lt' }]],
    ['人均住房建筑面积达到38平方米', [{ value: 38, unit: 'm2/person' }]],
    ['核心区人口密度超过每平方公里2万人', [{ value: 20000, unit: 'person/km2', qualifier: 'gt' }]],
    ['主干路网密度每平方公里不低于6公里', [{ value: 6, unit: 'km/km2', qualifier: 'gte' }]],
    ['全年PM2.5浓度指数≤35的天数', [{ value: 35, unit: 'none', qualifier: 'lte' }]],
    ['按每5至8万居民设置一处服务中心', [{ min: 50000, max: 80000, unit: 'person', qualifier: 'range' }]],
    // a Chinese numeral right after 推进/引进/促进 is a count (only 进一步 is a phrase)
    ['加快推进三十项民生改革', [{ value: 30, unit: 'count', classifier: '项' }]],
    ['三年内引进十二个高端研发团队', [{ value: 12, unit: 'count', classifier: '个' }]],
    // a count too large to restate a list is no enumeration, even before 重点/工程
    ['统筹推进一百零五项重点工程', [{ value: 105, unit: 'count', classifier: '项' }]],
    ['年内开工118个重点项目', [{ value: 118, unit: 'count', classifier: '个' }]],
  ])('should read %s when a plan writes it so', (t, expected) => {
    expect(findQuantities(t)).toMatchObject(expected)
  })

  it.each([
    ['健全就业、社保、人才三项制度', 'a restated enumeration'],
    ['落实养老、医疗、失业、工伤、生育五项社会保险', 'a list restated by its count'],
    ['统筹国内国际两个大局', 'a fixed pair'],
    ['落实这两种制度的衔接', 'a count pointing back'],
    ['严守生态保护红线、城镇开发边界三条控制线', 'a count of a list of lines'],
    ['打通最后一公里', 'a slogan'],
    ['分别从4个方面提出要求', 'an enumeration of aspects'],
    ['编号A-5的地块', 'a hyphen in a name'],
    ['货运量位居全国第 2 位', 'an ordinal set apart by spaces'],
    ['每10万人口', 'a rate denominator written with digits'],
    ['进一步推进三项重点工作', 'a restated enumeration after 进一步'],
  ])('should find nothing in %s when it is %s', (t) => {
    expect(findQuantities(t)).toEqual([])
  })

  it('should read two levels and no range when 由 names the start of a change', () => {
    const m = findQuantities('参保率由85%至95%')
    expect(m.map((x) => [x.value, x.qualifier])).toEqual([
      [85, 'eq'],
      [95, 'eq'],
    ])
  })

  it('should keep the offsets of the input when Traditional characters are folded', () => {
    const t = '新增就業2.5萬人，建成3200張床位'
    expect(findQuantities(t).map((m) => t.slice(m.start, m.end))).toEqual(['2.5萬人', '3200張'])
  })

  it.each([
    // a qualifier detached from its number by the thing compared with
    ['收入不低于当地平均工资的60%', ['gte']],
    // 低于 inside 不低于 is not a second word
    ['收入低于当地平均工资的60%', ['lt']],
    ['覆盖率不到已建企业数90%', ['lt']],
    // a number between the word and the figure takes the word
    ['占比高于全省3%平均水平的50%', ['gt', 'eq']],
  ])('should read the detached qualifier of %s', (t, expected) => {
    expect(findQuantities(t).map((m) => m.qualifier)).toEqual(expected)
  })

  it.each([
    ['2010年苏州市', 'a year'],
    ['苏府〔2011〕203号', 'a document number'],
    ['“十二五”时期', 'a plan period'],
    ['省“333工程”培养对象', 'a programme name'],
    ['拨打12333热线', 'a hotline number'],
    ['坚持五位一体总体布局', 'a slogan'],
    ['位居全省第一', 'an ordinal'],
    ['5年内创业培训', 'a time window'],
    ['连续三年保持稳定', 'a time window of Chinese numerals'],
    ['自2002年起连续4年调整医保待遇', 'a time window of Arabic digits'],
    ['建立四级网络', 'a grade'],
    ['实施一批重点项目', 'a vague word'],
    ['落实“六稳”“六保”', 'a slogan in quotes'],
    ['推进1+N政策体系', 'a name'],
  ])('should find nothing in %s when it is %s', (t) => {
    expect(findQuantities(t)).toEqual([])
  })

  it('should share the unit of the last item when a list leaves it out', () => {
    const m = findQuantities('第二、三产业分别增加7.0和3.9个百分点')
    expect(m.map((x) => [x.value, x.unit])).toEqual([
      [7, 'percentage-point'],
      [3.9, 'percentage-point'],
    ])
  })

  it('should carry a per-person-month unit back when the statement names it later', () => {
    const m = findQuantities('平均养老金水平由929元提高到1624元/人.月')
    expect(m.map((x) => x.unit)).toEqual(['CNY/person/month', 'CNY/person/month'])
    expect(m[0]!.inherited).toBe(true)
  })

  it('should read a list marker as a marker when it runs into a number', () => {
    const m = findQuantities('3.90%以上的本市初次就业人员')
    expect(m).toHaveLength(1)
    expect(m[0]).toMatchObject({ value: 90, qualifier: 'gte' })
  })
})

describe('properties', () => {
  const arabic = fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 })).map(([i, f]) => ({ text: f ? `${i}.${String(f).padStart(2, '0')}` : String(i), value: f ? Number(`${i}.${String(f).padStart(2, '0')}`) : i }))
  const fullWidth = (s: string): string => s.replace(/[0-9.]/g, (c) => (c === '.' ? '．' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)))

  it('should read back the same value when a number is written in Arabic, full-width or with a scale word', () => {
    fc.assert(
      fc.property(arabic, fc.constantFrom('', '万', '亿'), fc.boolean(), (n, scale, wide) => {
        const text = (wide ? fullWidth(n.text) : n.text) + scale + '人'
        const q = parseQuantity(text)
        const exp = scale === '万' ? 4 : scale === '亿' ? 8 : 0
        expect(q?.value).toBe(Number(`${n.text}e${exp}`))
      }),
    )
  })

  it('should read back the same value when a number is written in Chinese numerals', () => {
    const digits = '零一二三四五六七八九'
    const toCn = (n: number): string => {
      if (n === 0) return '零'
      const units = ['', '十', '百', '千']
      const s = String(n)
      let out = ''
      let zero = false
      for (let k = 0; k < s.length; k++) {
        const d = Number(s[k])
        const u = units[s.length - 1 - k]!
        if (d === 0) zero = true
        else {
          if (zero && out) out += '零'
          zero = false
          out += (d === 1 && u === '十' && k === 0 ? '' : digits[d]) + u
        }
      }
      return out
    }
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (n) => {
        expect(parseQuantity(toCn(n) + '人')?.value).toBe(n)
      }),
    )
  })

  it('should never throw when given random text', () => {
    const alphabet = fc.constantFrom(...'0123456789０１２.．%％万亿千百十一二两三五零元人个年月日以上内左右约近超不低于～-—至:：、和，。“”第每翻番余多数'.split(''))
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), fc.string(), (a, b) => {
        expect(() => findQuantities(a)).not.toThrow()
        expect(() => findQuantities(b)).not.toThrow()
        expect(() => parseQuantity(a + b)).not.toThrow()
      }),
    )
  })
})
