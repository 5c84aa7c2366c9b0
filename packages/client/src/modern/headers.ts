/**
 * The request metadata headers of a 2026-07-28 POST: `MCP-Protocol-Version`, `Mcp-Method`,
 * `Mcp-Name` and the `Mcp-Param-*` headers a tool asks for with `x-mcp-header`; and the tools
 * a client must leave out of `tools/list` because their annotations are invalid.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#request-metadata
 * @module
 */
import {
  MCP_HEADERS,
  annotatedValue,
  encodeHeaderValue,
  headerAnnotations,
  mcpNameOf,
  paramHeaderValue,
} from '@mcp-sse/protocol'

type Schema = Record<string, unknown>

/** What the headers of one request are built from. */
export interface ModernHeaderOptions {
  /** The version in the request's `_meta`. */
  protocolVersion: string
  /** For `tools/call`: the called tool's `inputSchema`, as `tools/list` returned it. */
  inputSchema?: Schema | undefined
}

/**
 * The metadata headers of one request or notification. Values that are not plain ASCII are sent
 * as `=?base64?…?=`; a parameter with no value (absent or `null`) gets no header.
 *
 * @example
 * ```ts
 * modernHeaders({ method: 'tools/call', params: { name: 'sql', arguments: { region: 'eu' } } }, {
 *   protocolVersion: '2026-07-28',
 *   inputSchema: { type: 'object', properties: { region: { type: 'string', 'x-mcp-header': 'Region' } } },
 * })
 * // { 'MCP-Protocol-Version': '2026-07-28', 'Mcp-Method': 'tools/call', 'Mcp-Name': 'sql', 'Mcp-Param-Region': 'eu' }
 * ```
 */
export function modernHeaders(
  message: { method: string; params?: unknown },
  options: ModernHeaderOptions,
): Record<string, string> {
  const headers: Record<string, string> = {
    [MCP_HEADERS.protocolVersion]: options.protocolVersion,
    [MCP_HEADERS.method]: message.method,
  }
  const name = mcpNameOf(message.method, message.params)
  if (name !== undefined) headers[MCP_HEADERS.name] = encodeHeaderValue(name)
  if (message.method !== 'tools/call' || options.inputSchema === undefined) return headers
  const args = (message.params as { arguments?: unknown } | undefined)?.arguments
  for (const annotation of headerAnnotations(options.inputSchema).annotations) {
    const value = paramHeaderValue(annotatedValue(args, annotation))
    if (value !== undefined) headers[`${MCP_HEADERS.paramPrefix}${annotation.header}`] = value
  }
  return headers
}

/** A tool left out of `tools/list`, and why. */
export interface RejectedTool {
  name: string
  problems: readonly string[]
}

/**
 * The input schemas of the tools `tools/list` returned, for the `Mcp-Param-*` headers of later
 * calls; and the gate that leaves out tools whose `x-mcp-header` annotations are invalid, as a
 * client on Streamable HTTP MUST.
 */
export class ToolSchemas {
  readonly #schemas = new Map<string, Schema>()

  /** The `inputSchema` of a tool seen in `tools/list`. */
  inputSchema(name: string): Schema | undefined {
    return this.#schemas.get(name)
  }

  /**
   * Remembers the tools of one `tools/list` page and returns the page without the invalid ones.
   * Anything that is not a list of tools passes through unchanged.
   */
  admit(result: Record<string, unknown>): {
    result: Record<string, unknown>
    rejected: RejectedTool[]
  } {
    const tools = result.tools
    if (!Array.isArray(tools)) return { result, rejected: [] }
    const kept: unknown[] = []
    const rejected: RejectedTool[] = []
    for (const tool of tools) {
      const { name, inputSchema } = (tool ?? {}) as { name?: unknown; inputSchema?: unknown }
      const schema = isSchema(inputSchema) ? inputSchema : undefined
      const problems = schema === undefined ? [] : headerAnnotations(schema).problems
      if (typeof name === 'string' && problems.length > 0) {
        this.#schemas.delete(name)
        rejected.push({ name, problems })
        continue
      }
      if (typeof name === 'string' && schema !== undefined) this.#schemas.set(name, schema)
      kept.push(tool)
    }
    return { result: rejected.length === 0 ? result : { ...result, tools: kept }, rejected }
  }
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
