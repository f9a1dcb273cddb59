export { parsePlan } from './parse.js'
export type * from './types.js'
export { decode, DecodeError, type Decoded, type DecodeOptions, type DecodeWarning } from './decode.js'
export * from './schema.js'
