/** Message codes with their English and Chinese texts. */
import type { MessageCode } from './types.js'

const texts: Record<MessageCode, { en: string; zh: string }> = {
  'empty-input': { en: 'The input is empty', zh: '输入为空' },
  'no-numbering': { en: 'No numbered headings were found', zh: '未找到编号标题' },
  'broken-sequence': { en: 'A number does not continue its sequence and was read as text', zh: '编号不连续，按正文处理' },
  'html-fallback': { en: 'The HTML is nested too deeply to read as a page; its text was read with the tags stripped', zh: 'HTML 嵌套过深，已去除标签按文本读取' },
  'skipped-number': { en: 'A heading number skips one in its sequence', zh: '标题编号跳过一个' },
  'table-ragged': { en: 'Table rows have different numbers of cells', zh: '表格各行单元格数不一致' },
  'binary-input': { en: 'The input looks like binary data, not text', zh: '输入似为二进制数据而非文本' },
  'replacement-character': { en: 'The input contains U+FFFD replacement characters (wrong encoding?)', zh: '输入含有替换字符 U+FFFD（编码错误？）' },
  'huge-input': { en: 'The input is very large', zh: '输入过大' },
  'wrong-glyphs': { en: 'Punctuation came out of a broken PDF font map as other characters and was read as the punctuation', zh: 'PDF 字体映射错误，标点显示为其他字符，已按标点读取' },
  'no-text-layer': { en: 'The PDF has no text layer (a scan); OCR is needed to read it', zh: 'PDF 无文字层（扫描件），需先进行 OCR 文字识别' },
}

export function messageText(code: MessageCode): { en: string; zh: string } {
  return texts[code]
}

export const messageCodes = Object.keys(texts) as MessageCode[]
