/**
 * The server's answers to every client request of the session-based revisions, written once for
 * all wire generations.
 * @module
 */
import { ErrorCode, McpError, type RequestContext, type RequestHandler } from '@mcp-sse/protocol'
import { runCompleter } from '../definitions/completions.js'
import { paginate } from '../definitions/pagination.js'
import { getPrompt, type PromptDefinition } from '../definitions/prompts.js'
import type { Registry } from '../definitions/registry.js'
import type { ResourceDefinition, ResourceTemplateDefinition } from '../definitions/resources.js'
import { callTool, type ToolDefinition } from '../definitions/tools.js'
import type { RequestExtra } from '../session/session.js'
import type { Resource } from '../types.js'
import { createHandlerContext, type HandlerContext } from './context.js'
import { encodeResult } from './encode.js'

/** The definitions the handlers answer from. */
export interface MethodsHost {
  readonly tools: Registry<ToolDefinition>
  readonly resources: Registry<ResourceDefinition>
  readonly templates: Registry<ResourceTemplateDefinition>
  readonly prompts: Registry<PromptDefinition>
  /** Items per page of list results; `undefined` returns everything at once. */
  readonly pageSize: number | undefined
}

type Params = Record<string, unknown>
type Handler = (
  params: Params,
  ctx: HandlerContext,
  context: RequestContext<RequestExtra>,
) => unknown

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function stringRecord(value: unknown): Record<string, string> {
  const result: Record<string, string> = {}
  if (typeof value === 'object' && value !== null) {
    for (const [key, entry] of Object.entries(value))
      if (typeof entry === 'string') result[key] = entry
  }
  return result
}

/** Finds what serves a URI: the static resource, else the first template that matches. */
function findResource(host: MethodsHost, uri: string) {
  const resource = host.resources.get(uri)
  if (resource !== undefined) return { kind: 'resource', resource } as const
  for (const template of host.templates.list()) {
    const variables = template.uriTemplate.match(uri)
    if (variables !== undefined) return { kind: 'template', template, variables } as const
  }
  return undefined
}

function resourceNotFound(uri: string): McpError {
  return new McpError(ErrorCode.ResourceNotFound, `Resource not found: ${uri}`, { data: { uri } })
}

/**
 * Builds the request handlers every session shares. Each reads its session from
 * `context.extra.session`; none holds per-session state.
 */
export function createMethodHandlers(host: MethodsHost): Map<string, RequestHandler<RequestExtra>> {
  const handlers: Record<string, Handler> = {
    ping: () => ({}),

    'tools/list': (params) => {
      const { page, nextCursor } = paginate(host.tools.list(), params.cursor, host.pageSize)
      return {
        tools: page.map((definition) => definition.tool),
        ...(nextCursor === undefined ? {} : { nextCursor }),
      }
    },

    'tools/call': (params, ctx) => {
      const name = text(params.name) ?? ''
      const definition = host.tools.get(name)
      if (definition === undefined)
        throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}`)
      const args = params.arguments as Record<string, unknown> | undefined
      return callTool(definition, args, ctx)
    },

    'resources/list': async (params, ctx) => {
      const listed: Resource[] = host.resources.list().map((definition) => definition.resource)
      for (const template of host.templates.list()) {
        if (template.config.list !== undefined) listed.push(...(await template.config.list(ctx)))
      }
      const { page, nextCursor } = paginate(listed, params.cursor, host.pageSize)
      return { resources: page, ...(nextCursor === undefined ? {} : { nextCursor }) }
    },

    'resources/templates/list': (params) => {
      const templates = host.templates.list().map((definition) => definition.resourceTemplate)
      const { page, nextCursor } = paginate(templates, params.cursor, host.pageSize)
      return { resourceTemplates: page, ...(nextCursor === undefined ? {} : { nextCursor }) }
    },

    'resources/read': (params, ctx) => {
      const uri = text(params.uri) ?? ''
      const found = findResource(host, uri)
      if (found === undefined) throw resourceNotFound(uri)
      if (found.kind === 'resource') return found.resource.read(uri, ctx)
      return found.template.read(uri, found.variables, ctx)
    },

    'resources/subscribe': (params, _ctx, context) => {
      const uri = text(params.uri) ?? ''
      const session = context.extra.session
      const subscriptions = session.data.subscriptions ?? []
      if (!subscriptions.includes(uri)) session.update({ subscriptions: [...subscriptions, uri] })
      return {}
    },

    'resources/unsubscribe': (params, _ctx, context) => {
      const uri = text(params.uri) ?? ''
      const session = context.extra.session
      const subscriptions = session.data.subscriptions ?? []
      if (subscriptions.includes(uri)) {
        session.update({ subscriptions: subscriptions.filter((entry) => entry !== uri) })
      }
      return {}
    },

    'prompts/list': (params) => {
      const { page, nextCursor } = paginate(host.prompts.list(), params.cursor, host.pageSize)
      return {
        prompts: page.map((definition) => definition.prompt),
        ...(nextCursor === undefined ? {} : { nextCursor }),
      }
    },

    'prompts/get': (params, ctx) => {
      const name = text(params.name) ?? ''
      const definition = host.prompts.get(name)
      if (definition === undefined)
        throw new McpError(ErrorCode.InvalidParams, `Unknown prompt: ${name}`)
      return getPrompt(definition, stringRecord(params.arguments), ctx)
    },

    'completion/complete': (params) => {
      const ref = (params.ref ?? {}) as Record<string, unknown>
      const argument = (params.argument ?? {}) as Record<string, unknown>
      const name = text(argument.name) ?? ''
      const value = text(argument.value) ?? ''
      const context = {
        arguments: stringRecord((params.context as Record<string, unknown> | undefined)?.arguments),
      }
      if (ref.type === 'ref/prompt') {
        const prompt = host.prompts.get(text(ref.name) ?? '')
        if (prompt === undefined)
          throw new McpError(ErrorCode.InvalidParams, `Unknown prompt: ${String(ref.name)}`)
        return runCompleter(prompt.config.complete?.[name], value, context)
      }
      if (ref.type === 'ref/resource') {
        const uri = text(ref.uri) ?? ''
        const template = host.templates.list().find((entry) => entry.uriTemplate.template === uri)
        if (template !== undefined)
          return runCompleter(template.config.complete?.[name], value, context)
        if (host.resources.get(uri) !== undefined) return { completion: { values: [] } }
        throw resourceNotFound(uri)
      }
      throw new McpError(
        ErrorCode.InvalidParams,
        `Unknown completion reference type: ${String(ref.type)}`,
      )
    },

    'logging/setLevel': (params, _ctx, context) => {
      context.extra.session.update({ logLevel: text(params.level) })
      return {}
    },
  }

  const table = new Map<string, RequestHandler<RequestExtra>>()
  for (const [method, handler] of Object.entries(handlers)) {
    table.set(method, async (params, context) => {
      const session = context.extra.session
      const ctx = createHandlerContext(session, context)
      const result = (await handler(params, ctx, context)) as Record<string, unknown>
      return encodeResult(method, result, session.data.protocolVersion)
    })
  }
  return table
}
