/**
 * Layout normalisation on forms seen in real exports: bare page numbers,
 * wrapped heading lines, running headers, HTML fragments, front matter.
 * Every plan text here is made up in the style of real plans.
 */
import { describe, expect, it } from 'vitest'
import { parsePlan } from '../src/index.js'
import type { Nodes, Root, Section, SetAside } from '../src/core/types.js'
import { treeProblems } from './property-invariants.js'

function all(tree: Root): Nodes[] {
  const out: Nodes[] = []
  const walk = (n: Nodes): void => {
    out.push(n)
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c)
  }
  walk(tree)
  return out
}
const sections = (tree: Root): Section[] => all(tree).filter((n): n is Section => n.type === 'section' || n.type === 'box')
const asides = (tree: Root): SetAside[] =>
  all(tree).flatMap((n) => [...(n.type === 'setAside' ? [n] : []), ...((n.data as { setAside?: SetAside[] } | undefined)?.setAside ?? [])])

/** A full line of 26 characters, as a PDF export wraps them. */
const FULL = '推进公共就业服务标准化建设，完善城乡统一的就业服务体系'.slice(0, 26)

/** `n` pages of `lines` full lines each, a page number line after each page. */
function pages(n: number, lines: number, pageLine: (k: number) => string): string[] {
  const out: string[] = []
  for (let k = 1; k <= n; k++) out.push(...Array(lines).fill(FULL), pageLine(k))
  return out
}

describe('layout: bare page numbers', () => {
  it('should set aside lone centred page numbers when they count up page by page', () => {
    const text = ['一、总体要求', ...pages(4, 14, (k) => `  ${k}  `), '加强就业服务。', '二、主要任务', '加强就业服务。'].join('\n')
    const r = parsePlan(text)
    expect(asides(r.tree).filter((a) => a.reason === 'page-number').map((a) => a.value)).toEqual(['1', '2', '3', '4'])
    expect(sections(r.tree).map((s) => s.title)).toEqual(['总体要求', '主要任务'])
    expect(treeProblems(r, text)).toEqual([])
  })

  it('should cut a page number glued to the first line of the next page when the numbers count up', () => {
    const lines: string[] = ['一、总体要求']
    for (let k = 1; k <= 4; k++) lines.push(...Array(15).fill(FULL), `${k}${FULL}`)
    lines.push('二、主要任务')
    const text = lines.join('\n')
    const r = parsePlan(text)
    expect(asides(r.tree).filter((a) => a.reason === 'page-number').map((a) => a.value)).toEqual(['1', '2', '3', '4'])
    const paragraph = all(r.tree).find((n) => n.type === 'paragraph')!
    const value = text.slice(paragraph.position.start.offset, paragraph.position.end.offset)
    expect(value.startsWith(FULL)).toBe(true)
    expect(treeProblems(r, text)).toEqual([])
  })

  it('should set aside a page number written between middle dots when it stands on its own line', () => {
    const text = ['一、总体要求', ...pages(2, 10, (k) => `· ${k} ·`), '二、主要任务'].join('\n')
    expect(asides(parsePlan(text).tree).map((a) => a.value)).toEqual(['· 1 ·', '· 2 ·'])
  })

  it('should keep numbers a few lines apart as text when they number rows, not pages', () => {
    const rows: string[] = ['一、指标说明']
    for (let k = 1; k <= 6; k++) rows.push(String(k), '城市人口密度', '每平方公里常住人口数。')
    const r = parsePlan(rows.join('\n'))
    expect(asides(r.tree).filter((a) => a.reason === 'page-number')).toEqual([])
  })
})

describe('layout: wrapped heading lines', () => {
  // Paragraphs start indented: their first line holds two characters less.
  const first = FULL.slice(0, 24)
  const body = (end: string): string[] => [first, FULL, FULL, `${FULL.slice(0, 10)}${end}`]
  const paragraphs = (n: number): string[] => Array.from({ length: n }, () => body('。')).flat()

  it('should join a heading line that fills the width with the short tail of its title', () => {
    const text = ['一、主要任务', '（一）健全覆盖城乡的公共就业服务体系，提高公共服务均', '等化水平', ...body('。'), ...body('。'), ...body('。')].join('\n')
    expect(sections(parsePlan(text).tree)[1]!.title).toBe('健全覆盖城乡的公共就业服务体系，提高公共服务均等化水平')
  })

  it('should not join an indented heading line with the indented first line of the paragraph after it', () => {
    const heading = '（一）健全公共就业服务体系，提高公共服务的均等化'
    const text = ['一、主要任务', heading, ...paragraphs(5)].join('\n')
    expect(sections(parsePlan(text).tree)[1]!.title).toBe('健全公共就业服务体系，提高公共服务的均等化')
  })

  it('should still join an indented numbered paragraph whose first line runs on into a full line', () => {
    const lead = '（一）稳定和扩大就业规模，全市城镇新增就业累计达'
    const text = ['一、主要任务', lead, `到50万人。${FULL.slice(5)}`, FULL, `${FULL.slice(0, 8)}。`, ...paragraphs(5)].join('\n')
    expect(sections(parsePlan(text).tree)[1]!.title).toBe('稳定和扩大就业规模，全市城镇新增就业累计达到50万人')
  })
})

describe('layout: HTML pages without <html>', () => {
  // A page kept in a SQL dump: quotes escaped as \", line breaks as \n.
  const items = ['一、总体目标', '1．到2015年，城镇新增就业30万人以上。', '2．城镇登记失业率控制在3.5%以内。', '二、主要任务', '（一）加强职业培训。每年培训10万人次以上。']
  const page = items.map((t) => `<p align=\\"left\\">\\n\\t    ${t}</p>`).join('')
  const sql = `INSERT INTO \`article\` VALUES (7,'某市就业实施意见','${page}','2012-06-01');\n`

  it('should read a page inside a SQL string as HTML with offsets into the raw text when its quotes are escaped', () => {
    const r = parsePlan(sql)
    expect(r.tree.data.form).toBe('html')
    const heads = sections(r.tree)
    expect(heads.map((s) => s.title)).toEqual(['总体目标', '到2015年，城镇新增就业30万人以上', '城镇登记失业率控制在3.5%以内', '主要任务', '加强职业培训'])
    for (const s of heads) expect(sql.slice(s.marker.position?.start.offset, (s.marker.position?.start.offset ?? 0) + s.marker.raw.length)).toBe(s.marker.raw)
    const q = r.quantities.find((x) => x.raw === '3.5%以内')!
    expect(sql.slice(q.position.start.offset, q.position.end.offset)).toBe('3.5%以内')
    expect(treeProblems(r, sql)).toEqual([])
  })

  it('should set aside the SQL statement around the page as markup when a page is stored in a dump', () => {
    const r = parsePlan(sql)
    const markup = asides(r.tree).filter((a) => a.reason === 'markup').map((a) => a.value)
    expect(markup[0]).toMatch(/^INSERT INTO/)
    expect(markup[markup.length - 1]).toBe("','2012-06-01');")
    expect(all(r.tree).filter((n) => n.type === 'paragraph')).toHaveLength(1)
  })

  it('should read a fragment of <p> blocks as HTML when it has no <html> and starts with text', () => {
    const text = `正文如下：${items.map((t) => `<p>${t}</p>`).join('\n')}`
    expect(parsePlan(text).tree.data.form).toBe('html')
  })
})

describe('layout: <br> inside a paragraph', () => {
  it('should join the two sides of a <br> into one paragraph when the sentence runs on', () => {
    const text = '<p>一、总体目标</p><p>到2015年，全市城镇登记失<br>业率控制在4%以内。</p>'
    const r = parsePlan(text)
    const paragraphs = all(r.tree).filter((n) => n.type === 'paragraph')
    expect(paragraphs).toHaveLength(1)
    expect(r.quantities.map((q) => [q.raw, q.metric])).toEqual([['4%以内', '城镇登记失业率']])
  })

  it('should keep a <br> as a block break when a sentence, a title or a numbered item meets it', () => {
    const text = '<p>一、总体目标<br>1．稳定就业，扩大规模。<br>2．控制失业。<br>某市人民政府<br>2012年5月1日</p>'
    const r = parsePlan(text)
    expect(sections(r.tree).map((s) => s.marker.raw)).toEqual(['一、', '1．', '2．'])
    expect(all(r.tree).filter((n) => n.type === 'paragraph')).toHaveLength(2)
  })
})

describe('layout: front matter under the title', () => {
  const body = Array(10).fill(FULL)
  it('should keep the issuing organ and the month out of the title when they stand under it', () => {
    const text = ['某市就业促进“十四五”规划', '某市人力资源和社会保障局', '2021年6月', '一、发展基础', ...body, '业。'].join('\n')
    const doc = parsePlan(text).tree.children[0]!
    expect([doc.title, doc.issuer, doc.date?.raw]).toEqual(['某市就业促进“十四五”规划', '某市人力资源和社会保障局', '2021年6月'])
  })

  it('should keep the note （此件公开发布） out of the title of the plan after a notice', () => {
    const text = ['<p>某市人民政府关于印发就业促进实施方案的通知</p><p>各区人民政府，市政府各部门：</p>', '<p>现将《某市就业促进实施方案》印发给你们，请认真贯彻执行。</p>', '<p>某市人民政府</p><p>2021年6月1日</p><p>（此件公开发布）</p>', '<p>某市就业促进实施方案</p><p>一、总体要求</p><p>稳定就业。</p>'].join('')
    const docs = parsePlan(text).tree.children
    expect(docs.map((d) => [d.kind, d.title, d.issuer ?? null])).toEqual([
      ['notice', '某市人民政府关于印发就业促进实施方案的通知', '某市人民政府'],
      ['plan', '某市就业促进实施方案', null],
    ])
  })
})

describe('layout: running chapter headers', () => {
  const page = (k: number, header?: string): string[] => [...Array(14).fill(FULL), `${FULL.slice(0, 8)}。`, `  ${k}  `, ...(header ? [header] : [])]

  it('should set aside a chapter title repeated at the top of its pages when no other chapter comes between', () => {
    const text = ['第一章 发展基础', '一、就业形势', ...page(1, '第一章 发展基础'), ...page(2, '第一章 发展基础'), '二、主要问题', ...page(3, '第一章 发展基础'), '第二章 主要任务', '一、稳定就业', ...page(4), '加强就业服务。'].join('\n')
    const r = parsePlan(text)
    expect(sections(r.tree).map((s) => s.title)).toEqual(['发展基础', '就业形势', '主要问题', '主要任务', '稳定就业'])
    expect(asides(r.tree).filter((a) => a.reason === 'running-header').map((a) => a.value)).toEqual(Array(3).fill('第一章 发展基础'))
    expect(treeProblems(r, text)).toEqual([])
  })

  it('should join the lines of a box item across a page break when a page number and a running header lie between them', () => {
    const text = ['第一章 主要任务', ...page(1, '第一章 主要任务'), '专栏1 就业服务提升工程', '1.服务平台：建设市、区、街道三级公共就业服务平台，', '  2  ', '第一章 主要任务', '服务覆盖率达到100%。', '2.职业培训：每年培训10万人次。', ...page(3), '第二章 保障措施'].join('\n')
    const r = parsePlan(text)
    const q = r.quantities.find((x) => x.raw === '100%')!
    expect(q.metric).toBe('服务覆盖率')
    expect(sections(r.tree).map((s) => s.marker.raw)).toEqual(['第一章', '专栏1', '1.', '2.', '第二章'])
  })

  it('should not take a sub-heading repeated in the next box for a running header when other items come between', () => {
    const box = (n: number): string[] => [`专栏${n} 重点工程`, '1.建设内容', '建设就业服务站。', '2.建设目标', '覆盖全部街道。']
    const text = ['一、主要任务', ...box(1), ...box(2)].join('\n')
    expect(asides(parsePlan(text).tree)).toEqual([])
  })
})
