/**
 * McpServer: what a server offers (tools, resources, prompts), its state, and push.
 * @module
 */
import { validateToolName, type ProtocolVersion } from '@mcp-sse/protocol'
import type { Hono } from 'hono'
import type { CompletionContext } from './definitions/completions.js'
import {
  definePrompt,
  type PromptArgumentsSchema,
  type PromptConfig,
  type PromptDefinition,
  type PromptHandler,
} from './definitions/prompts.js'
import { Registry, type DefinitionHandle } from './definitions/registry.js'
import {
  defineResource,
  defineResourceTemplate,
  type ResourceConfig,
  type ResourceDefinition,
  type ResourceReader,
  type ResourceTemplateConfig,
  type ResourceTemplateDefinition,
  type ResourceTemplateReader,
} from './definitions/resources.js'
import type { SchemaInput } from './definitions/schema.js'
import {
  defineTool,
  type ToolConfig,
  type ToolDefinition,
  type ToolHandler,
} from './definitions/tools.js'
import type { InitializeAnswer } from './handlers/initialize.js'
import { createMethodHandlers } from './handlers/methods.js'
import { createMcpApp, type McpAppOptions } from './http/app.js'
import { unref } from './http/keep-alive.js'
import type {
  CacheHint,
  CachingOptions,
  DefinitionCacheHints,
  DefinitionKind,
} from './modern/caching.js'
import { ModernDispatcher } from './modern/dispatcher.js'
import { invokerFromHandlers } from './modern/invoker.js'
import type { RequestStateOptions } from './modern/request-state.js'
import { SessionManager } from './session/sessions.js'
import { MemoryEventStore, type EventStore } from './state/event-store.js'
import { MemoryMessageBus, type MessageBus } from './state/message-bus.js'
import { MemorySessionStore, type SessionStore } from './state/session-store.js'
import type { Implementation, LoggingLevel, ServerCapabilities } from './types.js'

/** Who the server is: `serverInfo`, plus the instructions sent with `initialize`. */
export interface McpServerInfo extends Implementation {
  /** How to use the server, for the client's model. */
  instructions?: string
}

/** Cleanup returned by a lifespan hook. */
export type LifespanCleanup = () => void | Promise<void>

/** Options of {@link McpServer}: state backends, timings and hooks. All optional. */
export interface McpServerOptions {
  /**
   * Capabilities to declare besides those the definitions imply (for example `tools: {}` for a
   * server that adds its first tool after clients connected, or `experimental`).
   */
  capabilities?: ServerCapabilities
  /**
   * Items per page of list results.
   * @default everything on one page
   */
  pageSize?: number
  /**
   * A session with no open stream and no request for this long is ended (clients then get 404
   * and initialize again). `0` keeps sessions until DELETE.
   * @default 1_800_000 (30 minutes)
   */
  sessionIdleTimeoutMs?: number
  /**
   * Interval of the `: keep-alive` comment on every open SSE stream; `0` turns it off.
   * @default 15_000
   */
  keepAliveMs?: number
  /**
   * The `retry:` field of every stream's priming event: how long a client waits before
   * reconnecting after the server ends a connection.
   * @default 1000
   */
  retryMs?: number
  /**
   * Ends every SSE connection after this long without ending its stream, so clients poll with
   * `Last-Event-ID` (SEP-1699). Useful behind proxies that cut long responses. `0` = never.
   * @default 0
   */
  closeStreamsAfterMs?: number
  /**
   * Unread bytes a client may fall behind on one connection before it is dropped (it resumes
   * from the event store).
   * @default 1_048_576
   */
  maxBufferedBytes?: number
  /** Where session data lives. @default a MemorySessionStore */
  sessionStore?: SessionStore
  /** Where stream events are kept for resumption. @default a MemoryEventStore */
  eventStore?: EventStore
  /**
   * How instances pass live messages to each other: broadcasts and session ends in 2025, list
   * changes and resource updates for the `subscriptions/listen` streams of 2026-07-28.
   * @default a MemoryMessageBus
   */
  messageBus?: MessageBus
  /**
   * 2026-07-28: how the `requestState` of multi round-trip requests is signed. Give every
   * instance of a horizontally scaled server the same `keys` (each at least 32 bytes; the first
   * signs, all verify, so a key is rotated by putting the new one first).
   * @default one random key per process (right for a single instance), `ttlMs` 600_000
   * @example
   * ```ts
   * new McpServer(info, { requestState: { keys: [process.env.MCP_STATE_KEY!, process.env.MCP_STATE_KEY_OLD!] } })
   * ```
   * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr
   */
  requestState?: RequestStateOptions
  /**
   * 2026-07-28: the `ttlMs`/`cacheScope` hints on `server/discover`, list and `resources/read`
   * results, server-wide and per method. A definition's own `cache` field goes over them.
   * @default { default: { ttlMs: 0, cacheScope: 'private' } } (immediately stale, never shared)
   * @see https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/caching
   */
  caching?: CachingOptions
  /**
   * The protocol versions the server speaks: the legacy ones are negotiated by `initialize`,
   * the modern ones are served per request; all are listed in `server/discover` and in
   * `-32022` errors.
   * @default every version `@mcp-sse/protocol` models (PROTOCOL_VERSIONS)
   */
  supportedVersions?: readonly ProtocolVersion[]
  /**
   * Runs when the server starts (`start()`, `serve()`, or the first request); what it returns
   * runs on `close()`. For background work that lives as long as the server.
   */
  lifespan?: (server: McpServer) => void | LifespanCleanup | Promise<void | LifespanCleanup>
  /** Receives errors no client can be told about (a handler bug, a failing store). */
  onError?: (error: Error) => void
}

/**
 * An MCP server: define tools, resources and prompts once, then serve every wire generation
 * from `server.app()`.
 *
 * @example
 * ```ts
 * const server = new McpServer({ name: 'demo', version: '1.0.0' })
 * server.tool('echo', { inputSchema: z.object({ message: z.string() }) }, ({ message }) => ({
 *   content: [{ type: 'text', text: message }],
 * }))
 * app.route('/mcp', server.app())
 * ```
 */
export class McpServer {
  /** Who the server is. */
  readonly info: McpServerInfo
  readonly #options: McpServerOptions
  readonly #tools: Registry<ToolDefinition>
  readonly #resources: Registry<ResourceDefinition>
  readonly #templates: Registry<ResourceTemplateDefinition>
  readonly #prompts: Registry<PromptDefinition>
  readonly #sessions: SessionManager
  readonly #modern: ModernDispatcher
  readonly #timers = new Set<ReturnType<typeof setTimeout>>()
  #started: Promise<void> | undefined
  #cleanup: LifespanCleanup | undefined
  #closed = false
  /** The current capabilities, rebuilt after a definition changes. */
  #capabilities: ServerCapabilities | undefined

  constructor(info: McpServerInfo, options: McpServerOptions = {}) {
    this.info = info
    this.#options = options
    this.#tools = new Registry('tool', () => {
      this.#listChanged('notifications/tools/list_changed')
    })
    this.#resources = new Registry('resource', () => {
      this.#listChanged('notifications/resources/list_changed')
    })
    this.#templates = new Registry('resource template', () => {
      this.#listChanged('notifications/resources/list_changed')
    })
    this.#prompts = new Registry('prompt', () => {
      this.#listChanged('notifications/prompts/list_changed')
    })
    const reportError = (error: unknown) => {
      this.#reportError(error)
    }
    // One bus and one handler table for both eras: a list change reaches 2025 GET streams and
    // 2026 listen streams alike, and the same handlers answer both.
    const bus = options.messageBus ?? new MemoryMessageBus(reportError)
    const handlers = createMethodHandlers({
      tools: this.#tools,
      resources: this.#resources,
      templates: this.#templates,
      prompts: this.#prompts,
      pageSize: options.pageSize,
    })
    this.#sessions = new SessionManager({
      store: options.sessionStore ?? new MemorySessionStore(),
      events: options.eventStore ?? new MemoryEventStore(),
      bus,
      keepAliveMs: options.keepAliveMs ?? 15_000,
      retryMs: options.retryMs ?? 1000,
      closeConnectionsAfterMs: options.closeStreamsAfterMs ?? 0,
      maxBufferedBytes: options.maxBufferedBytes ?? 1024 * 1024,
      idleTimeoutMs: options.sessionIdleTimeoutMs ?? 30 * 60_000,
      handlers,
      initializeAnswer: () => this.#initializeAnswer(),
      reportError,
    })
    const { instructions, ...serverInfo } = info
    this.#modern = new ModernDispatcher({
      serverInfo,
      instructions,
      capabilities: () => this.#currentCapabilities(),
      invoke: invokerFromHandlers(handlers),
      bus,
      keepAlive: this.#sessions.keepAlive,
      toolInputSchema: (name) => this.#tools.get(name)?.tool.inputSchema,
      cacheHints: this.#cacheHints(),
      caching: options.caching,
      requestState: options.requestState,
      supportedVersions: options.supportedVersions,
      maxBufferedBytes: options.maxBufferedBytes,
      onError: reportError,
    })
  }

  // --- definitions --------------------------------------------------------------------------------

  /** Registers a tool. */
  tool<Input extends SchemaInput = SchemaInput, Output extends SchemaInput = SchemaInput>(
    name: string,
    config: ToolConfig<Input, Output>,
    handler: ToolHandler<Input>,
  ): DefinitionHandle<ToolConfig<Input, Output>> {
    const check = validateToolName(name)
    if (!check.valid) {
      // A SHOULD of the spec (SEP-986): registered anyway, and the developer is told.
      this.#reportError(
        new Error(`Tool name '${name}' does not follow SEP-986: ${check.problems.join('; ')}`),
      )
    }
    const definition = defineTool(name, config, handler)
    return this.#tools.add<ToolConfig<Input, Output>>(name, definition, (current, patch) =>
      defineTool(name, { ...current.config, ...patch }, current.handler),
    )
  }

  /** Registers a resource with a fixed URI. */
  resource(
    uri: string,
    config: ResourceConfig,
    read: ResourceReader,
  ): DefinitionHandle<ResourceConfig> {
    return this.#resources.add<ResourceConfig>(
      uri,
      defineResource(uri, config, read),
      (current, patch) => defineResource(uri, { ...current.config, ...patch }, current.read),
    )
  }

  /** Registers an RFC 6570 URI template; `read` serves every URI that matches it. */
  resourceTemplate(
    uriTemplate: string,
    config: ResourceTemplateConfig,
    read: ResourceTemplateReader,
  ): DefinitionHandle<ResourceTemplateConfig> {
    const definition = defineResourceTemplate(uriTemplate, config, read)
    return this.#templates.add<ResourceTemplateConfig>(uriTemplate, definition, (current, patch) =>
      defineResourceTemplate(uriTemplate, { ...current.config, ...patch }, current.read),
    )
  }

  /** Registers a prompt. */
  prompt<Args extends PromptArgumentsSchema = PromptArgumentsSchema>(
    name: string,
    config: PromptConfig<Args>,
    handler: PromptHandler<Args>,
  ): DefinitionHandle<PromptConfig<Args>> {
    const definition = definePrompt(name, config, handler)
    return this.#prompts.add<PromptConfig<Args>>(name, definition, (current, patch) =>
      definePrompt(name, { ...current.config, ...patch }, current.handler),
    )
  }

  // --- serving ------------------------------------------------------------------------------------

  /**
   * A Hono app that serves this server: Streamable HTTP at `path` (default `/`), HTTP+SSE at
   * `/sse` + `/messages`, health at `/health`. Mount it with `app.route(prefix, server.app())`.
   */
  app(options: McpAppOptions = {}): Hono {
    return createMcpApp(
      {
        sessions: this.#sessions,
        modern: this.#modern,
        start: () => this.start(),
        reportError: (error) => {
          this.#reportError(error)
        },
      },
      options,
    )
  }

  /** Starts the server: the lifespan hook, the broadcast listener, the idle sweep. Idempotent. */
  start(): Promise<void> {
    this.#started ??= (async () => {
      this.#sessions.start()
      const cleanup = await this.#options.lifespan?.(this)
      if (typeof cleanup === 'function') this.#cleanup = cleanup
    })()
    return this.#started
  }

  /** Stops everything: timers, the lifespan cleanup, every session and stream. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
    // Listen streams first: each gets the graceful end of its subscription before the bus stops.
    this.#modern.close()
    this.#sessions.close('server closed')
    const cleanup = this.#cleanup
    this.#cleanup = undefined
    await cleanup?.()
  }

  /** How many sessions are live on this instance. */
  get sessionCount(): number {
    return this.#sessions.live.size
  }

  /** The ids of the sessions live on this instance. */
  sessionIds(): string[] {
    return [...this.#sessions.live.keys()]
  }

  // --- push ---------------------------------------------------------------------------------------

  /**
   * Sends a notification to one session (on its GET stream, or its 2024-11-05 SSE stream).
   * Returns `false` when the session is not live here.
   */
  notify(sessionId: string, method: string, params?: Record<string, unknown>): boolean {
    return this.#sessions.notify(sessionId, method, params)
  }

  /**
   * Sends a notification to every session, serialised once. `notifications/message` honours each
   * session's log level.
   */
  broadcast(method: string, params?: Record<string, unknown>): Promise<void> {
    return this.#sessions.broadcast(method, params)
  }

  /** Broadcasts a log message (`notifications/message`) to every session. */
  log(level: LoggingLevel, data: unknown, logger?: string): Promise<void> {
    return this.broadcast(
      'notifications/message',
      logger === undefined ? { level, data } : { level, data, logger },
    )
  }

  /**
   * Tells the clients subscribed to `uri` that it changed (`notifications/resources/updated`):
   * 2025 sessions live here that called `resources/subscribe`, and 2026-07-28
   * `subscriptions/listen` streams on every instance (through the message bus).
   */
  resourceUpdated(uri: string): void {
    for (const session of this.#sessions.live.values()) {
      if (session.data.subscriptions?.includes(uri) === true) {
        session.notify('notifications/resources/updated', { uri })
      }
    }
    try {
      const published = this.#modern.resourceUpdated(uri)
      if (published instanceof Promise) {
        published.catch((error: unknown) => {
          this.#reportError(error)
        })
      }
    } catch (error) {
      this.#reportError(error)
    }
  }

  /** Runs `task` every `intervalMs` until the returned function is called or the server closes. */
  every(intervalMs: number, task: (server: McpServer) => unknown): () => void {
    const timer = setInterval(() => {
      this.#runTask(task)
    }, intervalMs)
    unref(timer)
    this.#timers.add(timer)
    return () => {
      clearInterval(timer)
      this.#timers.delete(timer)
    }
  }

  /** Runs `task` once after `delayMs`, unless cancelled or the server closes first. */
  after(delayMs: number, task: (server: McpServer) => unknown): () => void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer)
      this.#runTask(task)
    }, delayMs)
    unref(timer)
    this.#timers.add(timer)
    return () => {
      clearTimeout(timer)
      this.#timers.delete(timer)
    }
  }

  // --- internals ----------------------------------------------------------------------------------

  #runTask(task: (server: McpServer) => unknown): void {
    try {
      const result = task(this)
      if (result instanceof Promise)
        result.catch((error: unknown) => {
          this.#reportError(error)
        })
    } catch (error) {
      this.#reportError(error)
    }
  }

  #initializeAnswer(): InitializeAnswer {
    const { instructions, ...serverInfo } = this.info
    return {
      serverInfo,
      capabilities: this.#currentCapabilities(),
      instructions,
      supportedVersions: this.#options.supportedVersions,
    }
  }

  /** The capabilities both eras declare; built once per change of the definitions. */
  #currentCapabilities(): ServerCapabilities {
    if (this.#capabilities !== undefined) return this.#capabilities
    const capabilities: ServerCapabilities = { logging: {} }
    if (this.#tools.size > 0) capabilities.tools = { listChanged: true }
    if (this.#resources.size > 0 || this.#templates.size > 0) {
      capabilities.resources = { subscribe: true, listChanged: true }
    }
    if (this.#prompts.size > 0) capabilities.prompts = { listChanged: true }
    if (this.#prompts.size > 0 || this.#templates.size > 0) capabilities.completions = {}
    this.#capabilities = { ...capabilities, ...this.#options.capabilities }
    return this.#capabilities
  }

  /** Per-definition caching hints (their `cache` field), read from the registries. */
  #cacheHints(): DefinitionCacheHints {
    const definitionsOf = (kind: DefinitionKind): readonly { config: { cache?: CacheHint } }[] =>
      kind === 'tool'
        ? this.#tools.list()
        : kind === 'prompt'
          ? this.#prompts.list()
          : kind === 'resource'
            ? this.#resources.list()
            : this.#templates.list()
    return {
      get: (kind, key) => {
        if (kind === 'tool') return this.#tools.get(key)?.config.cache
        if (kind === 'prompt') return this.#prompts.get(key)?.config.cache
        if (kind === 'resourceTemplate') {
          return this.#templates.list().find((entry) => entry.uriTemplate.template === key)?.config
            .cache
        }
        // A URI read or listed: the static resource, else the first template that matches it.
        return (
          this.#resources.get(key)?.config.cache ??
          this.#templates.list().find((entry) => entry.uriTemplate.match(key) !== undefined)?.config
            .cache
        )
      },
      anyPrivate: (kind) =>
        definitionsOf(kind).some((definition) => definition.config.cache?.cacheScope === 'private'),
    }
  }

  #listChanged(method: string): void {
    this.#capabilities = undefined
    if (this.#started === undefined || this.#closed) return
    this.broadcast(method).catch((error: unknown) => {
      this.#reportError(error)
    })
  }

  #reportError(error: unknown): void {
    const onError = this.#options.onError
    if (onError === undefined) return
    try {
      onError(error instanceof Error ? error : new Error(String(error)))
    } catch {
      // A failing onError must not break the server.
    }
  }
}

export type { CompletionContext }
