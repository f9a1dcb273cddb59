export { parsePlan } from './parse.js'
export type * from './types.js'
