/**
 * The README's quick start: validate an incoming message, then run a client and a server peer
 * linked in memory. `src/examples.test.ts` runs it and checks what it prints.
 *
 * Run, in packages/protocol: `node --conditions=source --import tsx examples/quick-start.ts`
 * @module
 */
import { createLinkedPeers, parseJsonRpcBody, revision, v2025_11_25 } from '@mcp-sse/protocol'

// Validate a message: the JSON-RPC envelope first, then the revision's schema for it.
const body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"greet"}}'
const parsed = parseJsonRpcBody(body)
if (!parsed.success) throw new Error(parsed.error.error.message)
const request = v2025_11_25.ClientRequestSchema.parse(parsed.messages[0])
console.log(`valid ${request.method} request`)

// Run two peers: each validates what it receives with the 2025-11-25 method table.
const { methods } = revision('2025-11-25')
const { client, server } = createLinkedPeers({ client: { methods }, server: { methods } })
server.setRequestHandler('tools/call', (params) => ({
  content: [{ type: 'text', text: `Hello from ${String(params.name)}` }],
}))
const result = await client.request('tools/call', { name: 'greet' })
console.log(JSON.stringify(result))
client.close()
server.close()
