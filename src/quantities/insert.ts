// PLACEHOLDER — to be replaced by the quantities stage (issue 3).
import type { ParseContext } from '../context.js'
import type { Root } from '../types.js'

export function insertQuantities(_tree: Root, _ctx: ParseContext): void {}
