/**
 * Tool definitions: configuration, the published `Tool`, and calling with validated arguments.
 * @module
 */
import { ErrorCode, McpError } from '@mcp-sse/protocol'
import type { HandlerContext } from '../handlers/context.js'
import type { CacheHint } from '../modern/caching.js'
import type { CallToolResult, Icon, Tool, ToolAnnotations } from '../types.js'
import {
  describeIssues,
  isZodSchema,
  toJsonSchema,
  type InferSchema,
  type SchemaInput,
} from './schema.js'

/** How a tool is described to clients. */
export interface ToolConfig<
  Input extends SchemaInput = SchemaInput,
  Output extends SchemaInput = SchemaInput,
> {
  /** A human-readable name for display. */
  title?: string
  /** What the tool does, for the model. */
  description?: string
  /**
   * The arguments: a zod object (validated before the call; the handler's arguments are typed
   * by it) or a JSON Schema object (published untouched, not validated).
   * @default no arguments: `{ type: 'object', additionalProperties: false }`
   */
  inputSchema?: Input
  /** The shape of `structuredContent`; with it, every successful result must carry one. */
  outputSchema?: Output
  /** Hints about the tool's behaviour (read-only, destructive...). Untrusted by clients. */
  annotations?: ToolAnnotations
  /** Icons for display. */
  icons?: Icon[]
  /** Extra metadata published with the tool. */
  _meta?: Record<string, unknown>
  /**
   * 2026-07-28 caching hint (`ttlMs`, `cacheScope`). For `resources/read` it replaces the
   * server's; a list page takes the smallest `ttlMs` of the definitions on it, and is `private`
   * on every page when any definition of its kind is private. Not sent to 2024/2025 clients.
   * @default the server's `caching`
   * @see https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/caching
   */
  cache?: CacheHint
}

/** A tool's implementation. Throwing an `McpError` sends it; anything else becomes a tool error. */
export type ToolHandler<Input extends SchemaInput = SchemaInput> = (
  args: InferSchema<Input>,
  ctx: HandlerContext,
) => CallToolResult | Promise<CallToolResult>

/** A registered tool, ready to list and call. */
export interface ToolDefinition {
  readonly name: string
  readonly config: ToolConfig
  readonly handler: ToolHandler
  /** The published `Tool`, built once. */
  readonly tool: Tool
}

const NO_ARGUMENTS = { type: 'object', additionalProperties: false } as const

/** Builds a tool definition; throws a `TypeError` for a schema the spec does not allow. */
export function defineTool(name: string, config: ToolConfig, handler: ToolHandler): ToolDefinition {
  const inputSchema =
    config.inputSchema === undefined
      ? NO_ARGUMENTS
      : toJsonSchema(config.inputSchema, 'input', `The inputSchema of tool '${name}'`)
  const tool: Record<string, unknown> = { name }
  if (config.title !== undefined) tool.title = config.title
  if (config.description !== undefined) tool.description = config.description
  tool.inputSchema = inputSchema
  if (config.outputSchema !== undefined) {
    tool.outputSchema = toJsonSchema(
      config.outputSchema,
      'output',
      `The outputSchema of tool '${name}'`,
    )
  }
  if (config.annotations !== undefined) tool.annotations = config.annotations
  if (config.icons !== undefined) tool.icons = config.icons
  if (config._meta !== undefined) tool._meta = config._meta
  return { name, config, handler, tool: tool as Tool }
}

function toolError(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true }
}

/**
 * Calls a tool: validates the arguments (a failure is a tool execution error the model can read,
 * as SEP-1303 asks), runs the handler, and checks `structuredContent` against the output schema.
 */
export async function callTool(
  definition: ToolDefinition,
  args: Record<string, unknown> | undefined,
  ctx: HandlerContext,
): Promise<CallToolResult> {
  const { config, name } = definition
  let input: unknown = args ?? {}
  if (config.inputSchema !== undefined && isZodSchema(config.inputSchema)) {
    const parsed = await config.inputSchema.safeParseAsync(input)
    if (!parsed.success) {
      return toolError(`Invalid arguments for tool ${name}: ${describeIssues(parsed.error)}`)
    }
    input = parsed.data
  }
  let result: CallToolResult
  try {
    result = await definition.handler(input, ctx)
  } catch (error) {
    if (error instanceof McpError || ctx.signal.aborted) throw error
    // A failing tool is reported to the model, not as a protocol error; its message is the
    // handler's own words, which the author chose to throw.
    return toolError(error instanceof Error ? error.message : String(error))
  }
  if (config.outputSchema !== undefined && result.isError !== true) {
    if (result.structuredContent === undefined) {
      throw new McpError(
        ErrorCode.InternalError,
        `Tool ${name} has an outputSchema but returned no structuredContent`,
      )
    }
    if (isZodSchema(config.outputSchema)) {
      const parsed = await config.outputSchema.safeParseAsync(result.structuredContent)
      if (!parsed.success) {
        throw new McpError(
          ErrorCode.InternalError,
          `Tool ${name} returned structuredContent that does not match its outputSchema: ${describeIssues(parsed.error)}`,
        )
      }
    }
    if (result.content.length === 0) {
      // Older clients read only `content`: give them the JSON text too.
      result = {
        ...result,
        content: [{ type: 'text', text: JSON.stringify(result.structuredContent) }],
      }
    }
  }
  return result
}
