/**
 * Messages parsed and validated per second, against `JSON.parse` alone as the floor.
 *
 * Run with `pnpm bench` in this package. Each task handles a batch of messages per call so the
 * timer's own cost does not swamp sub-microsecond work.
 * @module
 */
import { availableParallelism, loadavg } from 'node:os'
import { Bench } from 'tinybench'
import { parseJsonRpcBody, v2025_11_25, v2026_07_28 } from '../src/index.js'
import { callToolRequestText, callToolResult, type BenchRevision } from './fixtures.js'

const BATCH = 100
const REQUEST_TARGET = 100_000

const schemas = {
  '2025-11-25': {
    params: v2025_11_25.CallToolRequestParamsSchema,
    result: v2025_11_25.CallToolResultSchema,
  },
  '2026-07-28': {
    params: v2026_07_28.CallToolRequestParamsSchema,
    result: v2026_07_28.CallToolResultSchema,
  },
} satisfies Record<BenchRevision, unknown>

/** One measured pipeline, and the floor it is compared with. */
interface Row {
  name: string
  revision: BenchRevision
  message: string
  pipeline: string
  /** The name of the `JSON.parse` row this one is compared with; none for a floor. */
  floor: string | undefined
  run: () => boolean
}

// The full path of an incoming request: text -> JSON-RPC envelope -> the revision's params.
function parseAndValidateRequest(revision: BenchRevision): () => boolean {
  const text = callToolRequestText[revision]
  const params = schemas[revision].params
  return () => {
    const parsed = parseJsonRpcBody(text)
    if (!parsed.success) return false
    const [message] = parsed.messages
    return message !== undefined && 'params' in message && params.safeParse(message.params).success
  }
}

function validateResult(revision: BenchRevision): () => boolean {
  const result = callToolResult[revision]
  const schema = schemas[revision].result
  return () => schema.safeParse(result).success
}

function jsonParse(text: string): () => boolean {
  return () => typeof JSON.parse(text) === 'object'
}

const rows: Row[] = (['2025-11-25', '2026-07-28'] as const).flatMap((revision): Row[] => {
  const request = 'tools/call request'
  const result = 'tools/call result'
  const requestFloor = `${revision} ${request}: JSON.parse`
  const resultFloor = `${revision} ${result}: JSON.parse`
  return [
    {
      name: requestFloor,
      revision,
      message: request,
      pipeline: 'JSON.parse',
      floor: undefined,
      run: jsonParse(callToolRequestText[revision]),
    },
    {
      name: `${revision} ${request}: parse and validate`,
      revision,
      message: request,
      pipeline: 'parseJsonRpcBody + CallToolRequestParamsSchema',
      floor: requestFloor,
      run: parseAndValidateRequest(revision),
    },
    {
      name: resultFloor,
      revision,
      message: result,
      pipeline: 'JSON.parse of its JSON text',
      floor: undefined,
      run: jsonParse(JSON.stringify(callToolResult[revision])),
    },
    {
      name: `${revision} ${result}: validate`,
      revision,
      message: result,
      pipeline: 'CallToolResultSchema (object)',
      floor: resultFloor,
      run: validateResult(revision),
    },
  ]
})

// A benchmark of a failing path would measure the wrong thing.
for (const row of rows) {
  if (!row.run()) throw new Error(`Benchmark fixture does not pass: ${row.name}`)
}

const bench = new Bench({ name: '@mcp-sse/protocol', time: 1000, warmupTime: 250 })
let sink = 0
for (const row of rows) {
  bench.add(row.name, () => {
    for (let index = 0; index < BATCH; index++) if (row.run()) sink++
  })
}
await bench.run()

const opsPerSecond = new Map<string, number>()
for (const task of bench.tasks) {
  const result = task.result
  if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`)
  // The median sample resists the spikes other processes cause better than the mean does.
  opsPerSecond.set(task.name, (1000 / result.latency.p50) * BATCH)
}

const format = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })
const table = rows.map((row) => {
  const ops = opsPerSecond.get(row.name) ?? 0
  const floor = row.floor === undefined ? undefined : opsPerSecond.get(row.floor)
  return {
    revision: row.revision,
    message: row.message,
    pipeline: row.pipeline,
    'messages/s': format.format(ops),
    'time vs JSON.parse': floor === undefined ? '1.00x (floor)' : `${(floor / ops).toFixed(2)}x`,
  }
})
console.log(
  `\n${bench.name ?? ''}, node ${process.version}, one core, ${String(BATCH)} messages per sample\n`,
)
console.table(table)

// Absolute numbers fall when other processes compete for the cores; the ratios hold better.
const [load = 0] = loadavg()
if (load > availableParallelism()) {
  console.log(
    `note: the machine was busy (load ${load.toFixed(1)} on ${String(availableParallelism())} cores); compare the ratios, not the messages/s`,
  )
}

for (const row of rows) {
  const ops = opsPerSecond.get(row.name) ?? 0
  if (row.message === 'tools/call request' && row.floor !== undefined && ops < REQUEST_TARGET) {
    console.log(
      `below target: ${row.name} runs ${format.format(ops)} messages/s, under ${format.format(REQUEST_TARGET)}/s`,
    )
  }
}
// Keeps the work observable so it cannot be optimised away.
if (sink < 0) console.log(sink)
