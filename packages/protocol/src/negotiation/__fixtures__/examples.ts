/**
 * The official 2026-07-28 examples, read from the `shared` folder beside the repository, and
 * the messages the negotiation tests start from.
 * @module
 */
import { readFileSync } from 'node:fs'
import { META_KEYS } from '../meta-keys.js'

const examples = new URL(
  '../../../../../../shared/spec/schema/2026-07-28/examples/',
  import.meta.url,
)

/** One official example, parsed: `example('CallToolRequest/call-tool-request.json')`. */
export function example(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, examples), 'utf8'))
}

export const modernMeta = {
  [META_KEYS.protocolVersion]: '2026-07-28',
  [META_KEYS.clientInfo]: { name: 'ExampleClient', version: '1.0.0' },
  [META_KEYS.clientCapabilities]: {},
}
export const discover = {
  jsonrpc: '2.0',
  id: 'discover-1',
  method: 'server/discover',
  params: { _meta: modernMeta },
}
export const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-11-25',
    capabilities: {},
    clientInfo: { name: 'ExampleClient', version: '1.0.0' },
  },
}
