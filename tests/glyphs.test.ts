import { describe, expect, it } from 'vitest'
import { parsePlan, parseTree } from '../src/index.js'
import type { Nodes } from '../src/core/types.js'

/** `marker title` of every section, in order. */
function headings(text: string): string[] {
  const out: string[] = []
  const walk = (n: Nodes): void => {
    if (n.type === 'section' && 'marker' in n) out.push(`${n.marker.raw} ${n.title}`)
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c)
  }
  walk(parseTree(text).tree)
  return out
}

// Punctuation as a broken PDF font map gives it: ꎬ for ，, ꎮ for 。, ꎻ for ；.
const wrongMap = [
  '一、改善公共交通',
  '( 一) 加 密 公 交 线 网ꎮ 新 开 社 区 公 交 线 路ꎬ到 2026 年 站 点 覆 盖 率 达 到 90%ꎻ 优化换乘ꎮ',
  '( 二) 推进« 慢行 »系统建设ꎮ 新建自行车道 120 公里ꎮ',
].join('\n')

describe('layout: punctuation from a broken font map', () => {
  it('should end a heading title at a full stop written as a Yi syllable', () => {
    expect(headings(wrongMap)).toEqual(['一、 改善公共交通', '( 一) 加密公交线网', '( 二) 推进《慢行》系统建设'])
  })

  it('should keep the input characters in raw text and offsets, and say what it read', () => {
    const result = parsePlan(wrongMap)
    const km = result.quantities.find((q) => q.unit === 'km')
    expect(km).toMatchObject({ value: 120 })
    const { start, end } = km!.position
    expect(wrongMap.slice(start.offset, end.offset)).toBe(km!.raw)
    const message = result.messages.find((m) => m.ruleId === 'wrong-glyphs')
    expect(message?.reason).toContain('ꎮ→。')
    // The section's position still covers the original characters.
    const first = result.tree.children[0]!.children.find((n) => n.type === 'section')!
    expect(wrongMap.slice(first.position!.start.offset, first.position!.end.offset)).toContain('ꎮ')
  })

  it('should leave real Yi text alone', () => {
    const yi = ['一、双语教育', '( 一) 编写ꆈꌠꉙ教材ꎬ培训双语教师。'].join('\n')
    const { tree, messages } = parseTree(yi)
    expect(messages.some((m) => m.ruleId === 'wrong-glyphs')).toBe(false)
    expect(headings(yi)).toEqual(['一、 双语教育', '( 一) 编写ꆈꌠꉙ教材ꎬ培训双语教师'])
    expect(JSON.stringify(tree)).toContain('ꆈꌠꉙ')
  })
})
