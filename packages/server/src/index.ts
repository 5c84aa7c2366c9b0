/**
 * An MCP server on Hono: define tools, resources and prompts once; serve stateless 2026-07-28
 * requests, Streamable HTTP (2025-03-26 to 2025-11-25) and HTTP+SSE (2024-11-05) from one
 * mount, with the same handlers. Web-standard APIs only: the same server runs on Node, Bun, Deno
 * and Workers (`@mcp-sse/server/node` starts it on Node).
 *
 * Every export is named here.
 * @module
 */

// --- the server -------------------------------------------------------------------------------
export {
  McpServer,
  type LifespanCleanup,
  type McpServerInfo,
  type McpServerOptions,
} from './mcp-server.js'
export type { McpAppOptions } from './http/app.js'
export type { ResponseMode } from './session/stream.js'

// --- definitions ------------------------------------------------------------------------------
export type { DefinitionHandle } from './definitions/registry.js'
export type { ToolConfig, ToolHandler } from './definitions/tools.js'
export type {
  ResourceConfig,
  ResourceReader,
  ResourceTemplateConfig,
  ResourceTemplateReader,
} from './definitions/resources.js'
export type { PromptArgumentsSchema, PromptConfig, PromptHandler } from './definitions/prompts.js'
export type { Completer, CompletionContext } from './definitions/completions.js'
export type { InferSchema, SchemaInput } from './definitions/schema.js'
export { UriTemplate } from './definitions/uri-template.js'

// --- handler context --------------------------------------------------------------------------
export type { ClientRequestOptions, HandlerContext, SessionInfo } from './handlers/context.js'

// --- 2026-07-28 (stateless) -------------------------------------------------------------------
export type { RequestStateOptions } from './modern/request-state.js'
export type { CacheHint, CacheScope, CachingOptions } from './modern/caching.js'
export type { InputRequestOptions } from './modern/input-round.js'

// --- state backends ---------------------------------------------------------------------------
export type { MaybePromise } from './state/types.js'
export {
  MemorySessionStore,
  type SessionData,
  type SessionStore,
  type SessionTransport,
} from './state/session-store.js'
export {
  MemoryEventStore,
  type EventStore,
  type MemoryEventStoreOptions,
} from './state/event-store.js'
export {
  MemoryMessageBus,
  channels,
  type BusMessage,
  type MessageBus,
} from './state/message-bus.js'

// --- HTTP building blocks -----------------------------------------------------------------------
export { LOOPBACK_HOSTS, type OriginPolicy } from './http/guards.js'
