/**
 * Prompt definitions: arguments from a zod object, validation, the published `Prompt`.
 * @module
 */
import { ErrorCode, McpError } from '@mcp-sse/protocol'
import type { z } from 'zod'
import type { HandlerContext } from '../handlers/context.js'
import type { CacheHint } from '../modern/caching.js'
import type { GetPromptResult, Icon, Prompt, PromptArgument } from '../types.js'
import type { Completer } from './completions.js'
import { describeIssues, toJsonSchema } from './schema.js'

/** A zod object whose fields are strings (optional ones allowed): a prompt's arguments. */
export type PromptArgumentsSchema = z.ZodObject<Record<string, z.ZodType<string | undefined>>>

/** How a prompt is described to clients. */
export interface PromptConfig<Args extends PromptArgumentsSchema = PromptArgumentsSchema> {
  /** A human-readable name for display. */
  title?: string
  /** What the prompt is for. */
  description?: string
  /**
   * The arguments: each key of the object is an argument, its `.describe()` text the
   * description, and `.optional()` makes it not required.
   */
  arguments?: Args
  /** Completion of the arguments, by argument name. */
  complete?: Record<string, Completer>
  /** Icons for display. */
  icons?: Icon[]
  /** Extra metadata published with the prompt. */
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

/** A prompt's implementation. */
export type PromptHandler<Args extends PromptArgumentsSchema = PromptArgumentsSchema> = (
  args: z.output<Args>,
  ctx: HandlerContext,
) => GetPromptResult | Promise<GetPromptResult>

/** A registered prompt. */
export interface PromptDefinition {
  readonly name: string
  readonly config: PromptConfig
  readonly handler: PromptHandler
  /** The published `Prompt`, built once. */
  readonly prompt: Prompt
}

/** Builds a prompt definition. */
export function definePrompt(
  name: string,
  config: PromptConfig,
  handler: PromptHandler,
): PromptDefinition {
  const prompt: Record<string, unknown> = { name }
  if (config.title !== undefined) prompt.title = config.title
  if (config.description !== undefined) prompt.description = config.description
  if (config.arguments !== undefined) {
    const schema = toJsonSchema(config.arguments, 'input', `The arguments of prompt '${name}'`)
    const properties = (schema.properties ?? {}) as Record<string, { description?: string }>
    const required = new Set((schema.required ?? []) as string[])
    prompt.arguments = Object.entries(properties).map(([argument, property]) => {
      const entry: PromptArgument = { name: argument }
      if (property.description !== undefined) entry.description = property.description
      entry.required = required.has(argument)
      return entry
    })
  }
  if (config.icons !== undefined) prompt.icons = config.icons
  if (config._meta !== undefined) prompt._meta = config._meta
  return { name, config, handler, prompt: prompt as Prompt }
}

/** Validates the arguments (a failure is `-32602`) and runs the prompt. */
export async function getPrompt(
  definition: PromptDefinition,
  args: Record<string, string> | undefined,
  ctx: HandlerContext,
): Promise<GetPromptResult> {
  let input: Record<string, string | undefined> = args ?? {}
  if (definition.config.arguments !== undefined) {
    const parsed = await definition.config.arguments.safeParseAsync(input)
    if (!parsed.success) {
      throw new McpError(
        ErrorCode.InvalidParams,
        `Invalid arguments for prompt ${definition.name}: ${describeIssues(parsed.error)}`,
      )
    }
    input = parsed.data
  }
  return definition.handler(input, ctx)
}
