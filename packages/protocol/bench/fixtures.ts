/**
 * The messages the benchmark parses and validates: a typical `tools/call` request and result
 * of each measured revision, shaped like the spec's own examples.
 * @module
 */

/** The revisions the benchmark measures: the newest of each era. */
export type BenchRevision = '2025-11-25' | '2026-07-28'

/** A `tools/call` request as it arrives on the wire (JSON text). */
export const callToolRequestText: Record<BenchRevision, string> = {
  '2025-11-25': JSON.stringify({
    jsonrpc: '2.0',
    id: 42,
    method: 'tools/call',
    params: {
      name: 'get_weather',
      arguments: { location: 'New York', units: 'metric', days: 3 },
      _meta: { progressToken: 'progress-42' },
    },
  }),
  '2026-07-28': JSON.stringify({
    jsonrpc: '2.0',
    id: 42,
    method: 'tools/call',
    params: {
      name: 'get_weather',
      arguments: { location: 'New York', units: 'metric', days: 3 },
      _meta: {
        progressToken: 'progress-42',
        'io.modelcontextprotocol/protocolVersion': '2026-07-28',
        'io.modelcontextprotocol/clientInfo': { name: 'ExampleClient', version: '1.0.0' },
        'io.modelcontextprotocol/clientCapabilities': { elicitation: { form: {} } },
      },
    },
  }),
}

const content = [
  { type: 'text', text: '{"temperature": 22.5, "conditions": "Partly cloudy", "humidity": 65}' },
]
const structuredContent = { temperature: 22.5, conditions: 'Partly cloudy', humidity: 65 }

/** A `tools/call` result as a handler returns it (an object, before it is encoded). */
export const callToolResult: Record<BenchRevision, Record<string, unknown>> = {
  '2025-11-25': { content, structuredContent, isError: false },
  '2026-07-28': {
    resultType: 'complete',
    content,
    structuredContent,
    isError: false,
    _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'ExampleServer', version: '1.0.0' } },
  },
}
