import { readFileSync, readdirSync } from 'node:fs'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decode, DecodeError, sniffBinary } from '../src/read/decode.js'

const seedsDir = new URL('../seeds/', import.meta.url)
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .map((name) => ({ name, text: readFileSync(new URL(name, seedsDir), 'utf8') }))

const traditional =
  '臺北市政府關於印發二〇一二年完善就業服務體系和社會保障體系工作計劃的通知\n各區公所、市府各一級機關：\n' +
  '一、主要目標\n（一）城鎮登記失業率控制在百分之四以內，新增就業崗位三萬個。\n（二）養老保險參保人數達到一百二十萬人。\n'

function bytes(...parts: Array<number[] | Uint8Array | string>): Uint8Array {
  const chunks = parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))
  return new Uint8Array(Buffer.concat(chunks))
}

describe('decode', () => {
  describe('should detect the encoding of every seed when re-encoded', () => {
    const cases: Array<{ encoding: string; expect: string[] }> = [
      { encoding: 'utf-8', expect: ['utf-8'] },
      { encoding: 'gbk', expect: ['gb2312', 'gbk'] },
      { encoding: 'gb18030', expect: ['gb2312', 'gbk', 'gb18030'] },
      { encoding: 'utf-16le', expect: ['utf-16le'] },
      { encoding: 'utf-16be', expect: ['utf-16be'] },
    ]
    for (const seed of seeds) {
      for (const c of cases) {
        it(`should decode ${seed.name} when encoded as ${c.encoding} without BOM`, () => {
          const encoded = iconv.encode(seed.text, c.encoding)
          const result = decode(encoded)
          expect(c.expect).toContain(result.encoding)
          expect(result.text).toBe(iconv.decode(encoded, c.encoding))
          expect(result.warnings.filter((w) => w.code === 'undecodable-bytes')).toEqual([])
          expect(result.confidence).toBeGreaterThan(0.9)
          expect(result.bom).toBe(false)
        })
      }
    }
  })

  it('should keep every character of a seed when encoded as GB18030', () => {
    const seed = seeds[0]!
    expect(decode(iconv.encode(seed.text, 'gb18030')).text).toBe(seed.text)
  })

  it.each([
    ['utf-8', [0xef, 0xbb, 0xbf], 'utf-8'],
    ['utf-16le', [0xff, 0xfe], 'utf-16le'],
    ['utf-16be', [0xfe, 0xff], 'utf-16be'],
  ] as const)('should strip the BOM and report confidence 1 when the input is %s with BOM', (encoding, bom, expected) => {
    const text = seeds[1]!.text
    const result = decode(bytes(bom as unknown as number[], iconv.encode(text, encoding)))
    expect(result).toMatchObject({ encoding: expected, confidence: 1, bom: true, warnings: [] })
    expect(result.text).toBe(text)
  })

  it('should detect Big5 when the text is traditional Chinese', () => {
    const result = decode(iconv.encode(traditional, 'big5'))
    expect(result.encoding).toBe('big5')
    expect(result.text).toBe(traditional)
    expect(result.confidence).toBeGreaterThan(0.7)
  })

  it('should prefer GB over Big5 when the text is simplified Chinese', () => {
    const text = '一、主要目标\n城镇登记失业率控制在4%以内，新增就业岗位3万个。'
    expect(decode(iconv.encode(text, 'gbk')).encoding).toBe('gb2312')
  })

  it('should warn with the byte offset when UTF-8 contains a broken byte', () => {
    const head = Buffer.from(seeds[2]!.text.slice(0, 300), 'utf8')
    const tail = Buffer.from(seeds[2]!.text.slice(300, 900), 'utf8')
    const result = decode(bytes(head, [0xff], tail))
    expect(result.encoding).toBe('utf-8')
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toMatchObject({ code: 'undecodable-bytes', offset: head.length, length: 1 })
    expect(result.warnings[0]!.message).toContain(`byte offset ${head.length}`)
    expect(result.text).toBe(seeds[2]!.text.slice(0, 300) + '\ufffd' + seeds[2]!.text.slice(300, 900))
  })

  it('should warn with the byte offset when a GBK file is cut in the middle of a character', () => {
    const encoded = iconv.encode('一、主要目标\n城镇登记失业率控制在4%以内', 'gbk')
    const cut = encoded.subarray(0, encoded.length - 1)
    const result = decode(cut)
    expect(result.encoding).toBe('gb2312')
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'undecodable-bytes', offset: cut.length - 1 })])
    expect(result.text.endsWith('\ufffd')).toBe(true)
  })

  it('should summarise undecodable bytes when there are many', () => {
    const good = Buffer.from(seeds[0]!.text, 'utf8')
    const noisy = bytes(good, ...Array.from({ length: 30 }, () => [0x41, 0xff]), good)
    const result = decode(noisy)
    expect(result.encoding).toBe('utf-8')
    const undecodable = result.warnings.filter((w) => w.code === 'undecodable-bytes')
    expect(undecodable).toHaveLength(21)
    expect(undecodable[20]!.message).toMatch(/^10 more/)
  })

  it('should warn about a lone surrogate when UTF-16 is broken', () => {
    const result = decode(bytes([0xff, 0xfe], iconv.encode('规划', 'utf-16le'), [0x00, 0xd8], iconv.encode('目标', 'utf-16le')))
    expect(result.encoding).toBe('utf-16le')
    expect(result.warnings).toEqual([expect.objectContaining({ offset: 6, length: 2 })])
  })

  it('should use the forced encoding when one is given', () => {
    const encoded = iconv.encode(traditional, 'big5')
    const result = decode(encoded, { encoding: 'BIG5' })
    expect(result).toMatchObject({ encoding: 'big5', confidence: 1, text: traditional })
    expect(decode(iconv.encode('规划', 'gbk'), { encoding: 'gbk' }).text).toBe('规划')
  })

  it('should follow the BOM when utf-16 is forced without an endianness', () => {
    const result = decode(bytes([0xfe, 0xff], iconv.encode('规划', 'utf-16be')), { encoding: 'utf-16' })
    expect(result).toMatchObject({ encoding: 'utf-16be', text: '规划', bom: true })
  })

  it('should throw a DecodeError when the forced encoding is unknown', () => {
    expect(() => decode(Buffer.from('abc'), { encoding: 'klingon' })).toThrow(DecodeError)
    expect(() => decode(Buffer.from('abc'), { encoding: 'klingon' })).toThrow(/unknown encoding "klingon"/)
  })

  it('should return empty UTF-8 text when the input is empty', () => {
    expect(decode(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', confidence: 1, bom: false, warnings: [] })
  })

  describe('should name what the input is and what is accepted when rejecting binary input', () => {
    const zipWith = (name: string) => bytes([0x50, 0x4b, 0x03, 0x04], Buffer.alloc(26), name, '\x00\x01\x02')
    it.each([
      ['pdf', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj'), /PDF/],
      ['docx', zipWith('word/document.xml'), /Word document/],
      ['xlsx', zipWith('xl/workbook.xml'), /Excel/],
      ['zip', zipWith('data/readme.txt'), /zip archive/],
      ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /PNG image/],
      ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), /JPEG image/],
      ['gif', bytes('GIF89a\x01\x00\x01\x00'), /GIF image/],
      ['ole', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /old Office/],
      ['gzip', bytes([0x1f, 0x8b, 0x08, 0, 0, 0]), /gzip/],
      ['rtf', bytes('{\\rtf1\\ansi 规划'), /RTF document/],
      ['binary', bytes('abc\x00\x01\x02\x03\xfe\xfd\x00\x00\x10\x11\x12\x13\x00'), /binary data/],
    ] as const)('should reject %s when given its signature', (kind, input, what) => {
      let error: unknown
      try {
        decode(input)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(DecodeError)
      const e = error as DecodeError
      expect(e.code).toBe('binary-input')
      expect(e.kind).toBe(kind)
      expect(e.message).toMatch(what)
      expect(e.message).toContain('.txt, .md, .html, .htm')
      expect(e.message).not.toContain('\n')
    })
  })

  it('should not call UTF-16 text without BOM binary when it has NUL bytes', () => {
    expect(sniffBinary(iconv.encode('abc 规划', 'utf-16le'))).toBeUndefined()
    expect(decode(iconv.encode('2012年工作计划\n一、目标\n', 'utf-16le')).encoding).toBe('utf-16le')
  })

  it('should reject the input as binary when it has many control bytes', () => {
    const noisy = bytes(...Array.from({ length: 50 }, () => 'ab\x01\x02\x03\x04'))
    expect(() => decode(noisy)).toThrow(/binary data/)
  })
})
