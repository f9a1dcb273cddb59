/**
 * Traditional → Simplified folding for matching: `grammars/zh/traditional.json`
 * maps each Traditional form of a character the quantity grammars use to
 * its Simplified form, one UTF-16 unit to one, so a folded text has the
 * same length and offsets as its input (`新增就業2.5萬人` is matched as
 * `新增就业2.5万人`, and the span still points into the input).
 */
import { z } from 'zod'
import traditionalJson from '../../grammars/zh/traditional.json'

const schema = z.object({
  $comment: z.string(),
  characters: z.record(z.string().length(1), z.string().length(1)),
})

/** Simplified UTF-16 code by Traditional code, 0 where a character stays. */
const FOLD: Uint16Array = (() => {
  const table = new Uint16Array(0x10000)
  for (const [t, s] of Object.entries(schema.parse(traditionalJson).characters)) table[t.charCodeAt(0)] = s.charCodeAt(0)
  return table
})()

/**
 * The text with every Traditional character of the table replaced by its
 * Simplified form; the same string when there is none.
 *
 * @example
 * ```ts
 * foldTraditional('控制在5.5%以內') // '控制在5.5%以内'
 * ```
 */
export function foldTraditional(text: string): string {
  let out: string[] | null = null
  for (let i = 0; i < text.length; i++) {
    const to = FOLD[text.charCodeAt(i)]!
    if (to === 0) continue
    out ??= text.split('')
    out[i] = String.fromCharCode(to)
  }
  return out === null ? text : out.join('')
}
