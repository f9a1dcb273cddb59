/**
 * zod schemas mirroring every node and result type of `types.ts`, and the
 * JSON Schema of plan2json's JSON output generated from them.
 *
 * Node objects are strict (unknown fields are errors) so that the schema
 * cannot silently drift from the types; `data` stays open, as unist wants.
 */
import { z } from 'zod'
import { messageCodes } from '../core/messages.js'
import type {
  Box,
  Change,
  Document,
  DocumentContext,
  FlowContent,
  Heading,
  Indicator,
  InputForm,
  List,
  ListItem,
  Marker,
  Message,
  MessageCode,
  Paragraph,
  ParseResult,
  PhrasingContent,
  Point,
  Position,
  Quantity,
  QuantityRecord,
  Root,
  Section,
  Sentence,
  SetAside,
  Table,
  TableCell,
  TableRow,
  Text,
} from '../core/types.js'

/** Names and descriptions of the schemas, used as `$defs` in the JSON Schema. */
export const schemaRegistry = z.registry<{ id: string; description?: string }>()

function named<T extends z.ZodType>(schema: T, id: string, description?: string): T {
  schemaRegistry.add(schema, description ? { id, description } : { id })
  return schema
}

export const pointSchema: z.ZodType<Point> = named(
  z.strictObject({
    line: z.number().int().min(1),
    column: z.number().int().min(1),
    offset: z.number().int().min(0).optional(),
  }),
  'Point',
  'A place in the input: 1-based line and column, 0-based UTF-16 offset.',
)

export const positionSchema: z.ZodType<Position> = named(
  z.strictObject({ start: pointSchema, end: pointSchema }),
  'Position',
  'Where a node starts and ends in the input.',
)

const data = z.record(z.string(), z.unknown()).optional()

export const markerSchema: z.ZodType<Marker> = named(
  z.strictObject({
    raw: z.string(),
    scheme: z.string(),
    ordinal: z.number().int(),
    path: z.array(z.number().int()).optional(),
    position: positionSchema,
  }),
  'Marker',
  'A numbering marker as written (（一）, 1．, 专栏 2).',
)

export const qualifierSchema = z.enum(['eq', 'gte', 'gt', 'lte', 'lt', 'approx', 'range'])
export const roleSchema = z.enum(['target', 'actual', 'other'])

export const changeSchema: z.ZodType<Change> = named(
  z.strictObject({
    direction: z.enum(['increase', 'decrease']),
    period: z.enum(['annual', 'cumulative']),
    baseYear: z.number().int().optional(),
  }),
  'Change',
  'How a growth or decline statement changes its metric.',
)

export const textSchema: z.ZodType<Text> = named(
  z.strictObject({ type: z.literal('text'), value: z.string(), position: positionSchema, data }),
  'Text',
)

export const indicatorRefSchema = named(
  z.strictObject({ id: z.string(), en: z.string(), zh: z.string() }),
  'IndicatorRef',
  'A canonical indicator of grammars/indicators.json: stable id, English and Chinese names.',
)

/** Fields of a quantity other than `type`, shared with `QuantityRecord`. */
const quantityFields = {
  raw: z.string(),
  value: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  parts: z.array(z.number()).optional(),
  unit: z.string(),
  classifier: z.string().optional(),
  qualifier: qualifierSchema,
  inherited: z.boolean().optional(),
  role: roleSchema,
  year: z.number().int().nullable(),
  metric: z.string().nullable(),
  change: changeSchema.optional(),
  indicator: indicatorRefSchema.optional(),
  position: positionSchema,
  data,
}

export const quantitySchema: z.ZodType<Quantity> = named(
  z.strictObject({ type: z.literal('quantity'), ...quantityFields }),
  'Quantity',
  'A numeric quantity; value, min and max are in the canonical unit.',
)

export const phrasingContentSchema: z.ZodType<PhrasingContent> = named(z.union([textSchema, quantitySchema]), 'PhrasingContent')

export const sentenceSchema: z.ZodType<Sentence> = named(
  z.strictObject({
    type: z.literal('sentence'),
    children: z.array(phrasingContentSchema),
    position: positionSchema,
    data,
  }),
  'Sentence',
)

export const listItemSchema: z.ZodType<ListItem> = named(
  z.strictObject({
    type: z.literal('listItem'),
    bullet: z.string(),
    children: z.array(sentenceSchema),
    position: positionSchema,
    data,
  }),
  'ListItem',
)

export const listSchema: z.ZodType<List> = named(
  z.strictObject({
    type: z.literal('list'),
    style: z.enum(['shi', 'dash']),
    children: z.array(listItemSchema),
    position: positionSchema,
    data,
  }),
  'List',
)

export const paragraphSchema: z.ZodType<Paragraph> = named(
  z.strictObject({
    type: z.literal('paragraph'),
    children: z.array(z.union([sentenceSchema, listSchema])),
    position: positionSchema,
    data,
  }),
  'Paragraph',
)

export const headingSchema: z.ZodType<Heading> = named(
  z.strictObject({
    type: z.literal('heading'),
    children: z.array(sentenceSchema),
    position: positionSchema,
    data,
  }),
  'Heading',
)

export const tableCellDataSchema = named(
  z
    .object({
      rowSpan: z.number().int().min(2).optional(),
      colSpan: z.number().int().min(2).optional(),
      spanOf: z.strictObject({ row: z.number().int().min(0), column: z.number().int().min(0) }).optional(),
    })
    .catchall(z.unknown()),
  'TableCellData',
  'Span data of a table cell: rowSpan/colSpan on the origin of a merged cell; spanOf (row and column of the origin, 0-based in the table) on each other grid position it covers, a virtual cell with no children and a zero-width position.',
)

export const tableCellSchema: z.ZodType<TableCell> = named(
  z.strictObject({
    type: z.literal('tableCell'),
    header: z.boolean().optional(),
    children: z.array(phrasingContentSchema),
    position: positionSchema,
    data: tableCellDataSchema.optional(),
  }),
  'TableCell',
)

export const tableRowSchema: z.ZodType<TableRow> = named(
  z.strictObject({
    type: z.literal('tableRow'),
    kind: z.enum(['header', 'group', 'body']),
    children: z.array(tableCellSchema),
    position: positionSchema,
    data,
  }),
  'TableRow',
)

export const tableSchema: z.ZodType<Table> = named(
  z.strictObject({
    type: z.literal('table'),
    form: z.enum(['tsv', 'pipe', 'word', 'html']),
    children: z.array(tableRowSchema),
    position: positionSchema,
    data,
  }),
  'Table',
)

export const setAsideSchema: z.ZodType<SetAside> = named(
  z.strictObject({
    type: z.literal('setAside'),
    reason: z.enum(['page-number', 'running-header', 'markup', 'separator']),
    value: z.string(),
    position: positionSchema,
    data,
  }),
  'SetAside',
  'Text that layout normalisation set aside (page numbers, running headers, markup).',
)

/** Sections and boxes share their shape: a marker, a title, a depth, flow content. */
function numberedSchema<T extends 'section' | 'box'>(type: T) {
  return z.strictObject({
    type: z.literal(type),
    marker: markerSchema,
    title: z.string(),
    depth: z.number().int().min(1),
    get children(): z.ZodArray<z.ZodType<FlowContent>> {
      return z.array(flowContentSchema)
    },
    position: positionSchema,
    data,
  })
}

export const sectionSchema: z.ZodType<Section> = named(
  numberedSchema('section'),
  'Section',
  'A numbered unit of the hierarchy (第一章, 一、, （一）, 1., ①, 第一条 …).',
)

export const boxSchema: z.ZodType<Box> = named(numberedSchema('box'), 'Box', 'A 专栏 box.')

export const flowContentSchema: z.ZodType<FlowContent> = named(
  z.union([sectionSchema, boxSchema, paragraphSchema, tableSchema, setAsideSchema, headingSchema]),
  'FlowContent',
)

export const documentContextSchema: z.ZodType<DocumentContext> = named(
  z.strictObject({
    kind: z.enum(['plan', 'work-plan', 'implementation-plan', 'work-report', 'regulation', 'notice']).nullable(),
    period: z.strictObject({ start: z.number().int(), end: z.number().int() }).nullable(),
    reportYear: z.number().int().optional(),
  }),
  'DocumentContext',
  'What a document is (plan, work plan, implementation plan, work report, regulation, notice), the period it plans for and the year a work report is given in.',
)

export const documentSchema: z.ZodType<Document> = named(
  z.strictObject({
    type: z.literal('document'),
    kind: z.enum(['notice', 'plan', 'attachment']),
    marker: markerSchema.optional(),
    title: z.string().optional(),
    issuer: z.string().optional(),
    docNumber: z.string().optional(),
    date: z.strictObject({ raw: z.string(), iso: z.string().optional() }).optional(),
    addressees: z.string().optional(),
    children: z.array(flowContentSchema),
    position: positionSchema,
    data: z.looseObject({ context: documentContextSchema.optional() }).optional(),
  }),
  'Document',
  'One document of a file: a cover notice, the plan, or an attachment.',
)

export const inputFormSchema: z.ZodType<InputForm> = z.enum(['pdf-text', 'web-text', 'markdown', 'html', 'plain'])

export const rootSchema: z.ZodType<Root> = named(
  z.strictObject({
    type: z.literal('root'),
    data: z.looseObject({
      form: inputFormSchema,
      period: z.strictObject({ start: z.number().int(), end: z.number().int() }).optional(),
    }),
    children: z.array(documentSchema),
    position: positionSchema,
  }),
  'Root',
)

export const messageSchema: z.ZodType<Message> = named(
  z.strictObject({
    ruleId: z.enum(messageCodes as [MessageCode, ...MessageCode[]]),
    source: z.literal('plan-parse'),
    reason: z.string(),
    reasonZh: z.string(),
    place: positionSchema.optional(),
    fatal: z.boolean().nullable(),
  }),
  'Message',
  'A problem found while parsing; fatal follows vfile (true error, false warning, null info).',
)

export const quantityRecordSchema: z.ZodType<QuantityRecord> = named(
  z.strictObject({
    ...quantityFields,
    sectionPath: z.array(z.string()),
    document: z.number().int().min(0),
    context: z.string(),
  }),
  'QuantityRecord',
  'A quantity flattened out of the tree, with its section path and sentence.',
)

export const indicatorSchema: z.ZodType<Indicator> = named(
  z.strictObject({
    name: z.string(),
    unit: z.string().nullable(),
    baseline: quantityRecordSchema.optional(),
    target: quantityRecordSchema.optional(),
    stages: z.array(quantityRecordSchema).optional(),
    growth: quantityRecordSchema.optional(),
    attribute: z.enum(['binding', 'expected']).optional(),
    accumulation: z.enum(['cumulative', 'new']).optional(),
    group: z.string().optional(),
    indicator: indicatorRefSchema.optional(),
    position: positionSchema,
  }),
  'Indicator',
  'One row of an indicator table.',
)

const parseResultShape = {
  tree: rootSchema,
  messages: z.array(messageSchema),
  quantities: z.array(quantityRecordSchema),
  indicators: z.array(indicatorSchema),
}

/** The result of `parsePlan`. */
export const parseResultSchema: z.ZodType<ParseResult> = named(z.strictObject(parseResultShape), 'ParseResult')

/** A warning from decoding the input bytes. */
export const decodeWarningSchema = named(
  z.strictObject({
    code: z.enum(['undecodable-bytes', 'uncertain-encoding']),
    offset: z.number().int().min(0),
    length: z.number().int().min(0),
    message: z.string(),
  }),
  'DecodeWarning',
)

/** Where plan2json read a plan from and how it decoded it. */
export const sourceSchema = named(
  z.strictObject({
    path: z.string(),
    bytes: z.number().int().min(0),
    encoding: z.string(),
    confidence: z.number().min(0).max(1),
    bom: z.boolean(),
    form: inputFormSchema,
    warnings: z.array(decodeWarningSchema),
  }),
  'Source',
  'Where the plan was read from (path as given, "-" for stdin) and how its bytes were decoded (encoding detected or forced: utf-8, utf-16le, utf-16be, gb18030, gbk, gb2312, big5).',
)

export type Source = z.infer<typeof sourceSchema>

/** What plan2json writes for one input with `--format json`: the parse result and its source. */
export const planOutputSchema = named(
  z.strictObject({ source: sourceSchema.optional(), ...parseResultShape }),
  'PlanOutput',
  'A parsed plan: the tree, quantities, indicators, messages and (from plan2json) source info.',
)

export type PlanOutput = ParseResult & { source?: Source }

/**
 * The JSON Schema (draft 2020-12) of plan2json's JSON output, which is also
 * the JSON form of a `parsePlan` result.
 */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(planOutputSchema, { metadata: schemaRegistry, target: 'draft-2020-12', io: 'output' })
  const { $schema, ...rest } = schema
  return {
    $schema,
    title: 'plan-parse output',
    ...rest,
  }
}
