/**
 * Writes `plan.schema.json` (the JSON Schema of plan2json's JSON output and
 * of a `parsePlan` result) at the package root, from the zod schemas of
 * the built library. Run with `npm run schema`, which builds first.
 */
import { writeFileSync } from 'node:fs'
import { planJsonSchema } from '../dist/index.js'

const target = new URL('../plan.schema.json', import.meta.url)
writeFileSync(target, JSON.stringify(planJsonSchema(), null, 2) + '\n')
console.log('wrote plan.schema.json')
