/**
 * Two peers linked in memory: a server with a `tools/call` handler that reports progress, and a
 * client that calls it and prints what happens. The "transport" is a function that hands each
 * message to the other peer after a JSON round trip, which is all a transport is.
 *
 * Run: `pnpm --filter @mcp-sse/protocol example`
 * @module
 */
import { ErrorCode, McpError, Peer, revision, type JSONRPCMessage } from '@mcp-sse/protocol'

/** Delivers a message to another peer on a later microtask, as JSON, like a network would. */
function linkTo(target: () => Peer, label: string) {
  return (message: JSONRPCMessage) => {
    const kind = 'method' in message ? String(message.method) : `response to ${String(message.id)}`
    console.log(`  ${label}: ${kind}`)
    const wire = JSON.stringify(message)
    queueMicrotask(() => {
      target().receive(JSON.parse(wire))
    })
  }
}

// Both ends validate what they receive with the method table of the negotiated revision.
const { methods } = revision('2025-11-25')
const server: Peer = new Peer({
  side: 'server',
  methods,
  send: linkTo(() => client, 'server -> client'),
})
const client: Peer = new Peer({
  side: 'client',
  methods,
  send: linkTo(() => server, 'client -> server'),
})

server.setRequestHandler('tools/call', async (params, context) => {
  if (params.name !== 'count') {
    throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${String(params.name)}`)
  }
  const { to = 3 } = (params.arguments ?? {}) as { to?: number }
  for (let step = 1; step <= to; step++) {
    await new Promise((resolve) => setTimeout(resolve, 10))
    await context.sendProgress({ progress: step, total: to, message: `counted to ${step}` })
  }
  return { content: [{ type: 'text', text: `Counted to ${to}.` }] }
})

console.log('Calling tools/call "count" with progress:')
const result = await client.request(
  'tools/call',
  { name: 'count', arguments: { to: 3 } },
  {
    timeout: 5_000,
    onProgress: ({ progress, total, message }) => {
      console.log(`  progress ${progress}/${total ?? '?'}: ${message ?? ''}`)
    },
  },
)
console.log('Result:', JSON.stringify(result))

console.log('Calling tools/call without a name (fails the 2025-11-25 schema):')
try {
  await client.request('tools/call', { arguments: {} })
} catch (error) {
  if (!(error instanceof McpError)) throw error
  console.log(`  rejected with McpError ${error.code}: ${error.message}`)
}

console.log('Calling an unknown tool:')
try {
  await client.request('tools/call', { name: 'dance' })
} catch (error) {
  if (!(error instanceof McpError)) throw error
  console.log(`  rejected with McpError ${error.code}: ${error.message}`)
}

client.close()
server.close()
console.log('Done.')
