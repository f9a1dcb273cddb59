// PLACEHOLDER — to be replaced by the roles stage (issue 3).
import type { ParseContext } from './context.js'
import type { Root } from './types.js'

export function assignRoles(_tree: Root, _ctx: ParseContext): void {}
