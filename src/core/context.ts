/**
 * Per-parse state handed from stage to stage. Nothing here outlives one
 * `parsePlan` call.
 */
import type { Locator, MappedText } from './source-map.js'
import type { Message, MessageCode, Position, Text } from './types.js'
import { messageText } from './messages.js'

export interface ParseContext {
  /** The input exactly as given. */
  readonly input: string
  readonly locator: Locator
  /**
   * Normalised text of every `text` node of the tree, mapped back to the
   * input. A `Map` that lives as long as the parse (a `WeakMap` made a
   * 100 MB parse a sixth slower, most of it in the garbage collector); a
   * stage that replaces a text node deletes its entry.
   */
  readonly textMaps: Map<Text, MappedText>
  readonly messages: Message[]
  /** Adds a message; `fatal` follows vfile (true error, false warning, null info). */
  warn(code: MessageCode, place?: Position, detail?: string, fatal?: boolean | null): void
}

export function createContext(input: string, locator: Locator): ParseContext {
  const messages: Message[] = []
  return {
    input,
    locator,
    textMaps: new Map(),
    messages,
    warn(code, place, detail, fatal = false) {
      const text = messageText(code)
      messages.push({
        ruleId: code,
        source: 'plan-parse',
        reason: detail ? `${text.en}: ${detail}` : text.en,
        reasonZh: detail ? `${text.zh}：${detail}` : text.zh,
        ...(place ? { place } : {}),
        fatal,
      })
    },
  }
}
