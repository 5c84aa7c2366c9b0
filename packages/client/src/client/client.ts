/**
 * The MCP client: every client feature on top of a healing session.
 * @module
 */
import { LocalError, type RequestId } from '@mcp-sse/protocol'
import { validateJsonSchema } from '../json-schema/validate.js'
import type { Session, SessionRequestOptions } from '../session/session.js'
import type { ConnectionState, StateListener } from '../session/state.js'
import type { TransportKind } from '../transport/types.js'
import { NotificationListeners, type RequestFollowers } from './notifications.js'
import { streamToolCall } from './stream-tool.js'
import type {
  CallToolOptions,
  CallToolResult,
  CompleteRequestParams,
  CompleteResult,
  GetPromptResult,
  Implementation,
  LoggingLevel,
  NotificationListener,
  Prompt,
  ReadResourceResult,
  RequestOptions,
  Resource,
  ResourceTemplate,
  RootsOption,
  ServerCapabilities,
  ServerNotifications,
  Tool,
  ToolEvent,
} from './types.js'

/** What the client needs besides its session. */
export interface McpClientSettings {
  timeout: number
  maxTotalTimeout: number | undefined
  validateStructuredContent: boolean
  roots: RootsOption | undefined
  onError: (error: Error) => void
}

type Params = Record<string, unknown>

/**
 * A connected MCP client. Get one from `connect()`.
 *
 * Every method waits while the client is `reconnecting`, and rejects with an `McpError` when the
 * server answered with a JSON-RPC error or a `LocalError` when something failed on this side.
 */
export class McpClient {
  readonly #session: Session
  readonly #settings: McpClientSettings
  readonly #listeners: NotificationListeners
  readonly #tools = new Map<string, Tool>()
  readonly #subscriptions = new Set<string>()
  #logLevel: LoggingLevel | undefined
  #roots: RootsOption | undefined

  /** @internal Use `connect()`. */
  constructor(session: Session, settings: McpClientSettings, followers: RequestFollowers) {
    this.#session = session
    this.#settings = settings
    this.#followers = followers
    this.#roots = settings.roots
    this.#listeners = new NotificationListeners(session.peer, (error) => {
      settings.onError(error instanceof Error ? error : new Error(String(error)))
    })
    this.#listeners.add('notifications/tools/list_changed', () => {
      this.#tools.clear()
    })
  }

  readonly #followers: RequestFollowers

  /** The roots `roots/list` answers with. */
  get roots(): RootsOption | undefined {
    return this.#roots
  }

  /** Where the connection is; see {@link McpClient.onStateChange}. */
  get state(): ConnectionState {
    return this.#session.state
  }

  /** The URL the client connected to. */
  get url(): string {
    return this.#session.transport.url
  }

  /** The wire the server speaks. */
  get transport(): TransportKind {
    return this.#session.transport.kind
  }

  /** The session id the server assigned (Streamable HTTP), if any. */
  get sessionId(): string | undefined {
    return this.#session.transport.kind === 'streamable-http'
      ? this.#session.transport.sessionId
      : undefined
  }

  /** The protocol version negotiated with the server. */
  get protocolVersion(): string {
    return this.#session.server.protocolVersion
  }

  /** The server's name and version. */
  get serverInfo(): Implementation {
    return this.#session.server.serverInfo
  }

  /** What the server offers. */
  get serverCapabilities(): ServerCapabilities {
    return this.#session.server.capabilities
  }

  /** The server's instructions for using it, if any. */
  get instructions(): string | undefined {
    return this.#session.server.instructions
  }

  /** Calls `listener` on every state change; returns a function that stops it. */
  onStateChange(listener: StateListener): () => void {
    return this.#session.onStateChange(listener)
  }

  /** Calls `listener` for every notification of this method; returns a function that stops it. */
  onNotification<M extends keyof ServerNotifications>(
    method: M,
    listener: NotificationListener<ServerNotifications[M]>,
  ): () => void
  onNotification(method: string, listener: NotificationListener<Params>): () => void
  onNotification(method: string, listener: NotificationListener<never>): () => void {
    return this.#listeners.add(method, listener as NotificationListener<Params>)
  }

  /** Checks that the server answers. */
  async ping(options: RequestOptions = {}): Promise<void> {
    await this.request('ping', undefined, options)
  }

  /** Every tool the server has, all pages. */
  async listTools(options: RequestOptions = {}): Promise<{ tools: Tool[] }> {
    const tools = await this.#all<Tool>('tools/list', 'tools', options)
    this.#tools.clear()
    for (const tool of tools) this.#tools.set(tool.name, tool)
    return { tools }
  }

  /**
   * Calls a tool. When `listTools` has seen the tool and it has an output schema, its structured
   * content is checked against it (`validateStructuredContent`).
   *
   * @example
   * ```ts
   * const result = await client.callTool('search', { q: 'x' }, { onProgress: console.log })
   * ```
   */
  async callTool(
    name: string,
    args?: Params,
    options: CallToolOptions = {},
  ): Promise<CallToolResult> {
    return this.#callTool(name, args, options, undefined)
  }

  async #callTool(
    name: string,
    args: Params | undefined,
    options: CallToolOptions,
    onSent: ((id: RequestId) => void) | undefined,
  ): Promise<CallToolResult> {
    const tool = this.#tools.get(name)
    const hints = tool?.annotations
    const params: Params = { name }
    if (args !== undefined) params.arguments = args
    if (options.meta !== undefined) params._meta = options.meta
    const idempotent =
      options.idempotent ?? (hints?.readOnlyHint === true || hints?.idempotentHint === true)
    const result = await this.#request<CallToolResult>(
      'tools/call',
      params,
      { ...options, idempotent },
      onSent,
    )
    if (tool !== undefined && this.#settings.validateStructuredContent) this.#check(tool, result)
    return result
  }

  /**
   * Calls a tool and yields what happens on the way: progress, log messages and any other
   * notification the server sends on the call's stream, then the result.
   *
   * @example
   * ```ts
   * for await (const event of client.streamTool('generate', { n: 5 })) {
   *   if (event.type === 'result') console.log(event.result)
   * }
   * ```
   */
  streamTool(
    name: string,
    args?: Params,
    options: CallToolOptions = {},
  ): AsyncGenerator<ToolEvent> {
    return streamToolCall(
      (callOptions, onSent) => this.#callTool(name, args, callOptions, onSent),
      this.#followers,
      options,
    )
  }

  async listResources(options: RequestOptions = {}): Promise<{ resources: Resource[] }> {
    return { resources: await this.#all<Resource>('resources/list', 'resources', options) }
  }

  async listResourceTemplates(
    options: RequestOptions = {},
  ): Promise<{ resourceTemplates: ResourceTemplate[] }> {
    return {
      resourceTemplates: await this.#all<ResourceTemplate>(
        'resources/templates/list',
        'resourceTemplates',
        options,
      ),
    }
  }

  async readResource(uri: string, options: RequestOptions = {}): Promise<ReadResourceResult> {
    return this.request<ReadResourceResult>('resources/read', { uri }, options)
  }

  /** Subscribes to a resource's updates; kept across re-initialisations. */
  async subscribeResource(uri: string, options: RequestOptions = {}): Promise<void> {
    await this.request('resources/subscribe', { uri }, options)
    this.#subscriptions.add(uri)
  }

  async unsubscribeResource(uri: string, options: RequestOptions = {}): Promise<void> {
    this.#subscriptions.delete(uri)
    await this.request('resources/unsubscribe', { uri }, options)
  }

  async listPrompts(options: RequestOptions = {}): Promise<{ prompts: Prompt[] }> {
    return { prompts: await this.#all<Prompt>('prompts/list', 'prompts', options) }
  }

  async getPrompt(
    name: string,
    args?: Record<string, string>,
    options: RequestOptions = {},
  ): Promise<GetPromptResult> {
    const params: Params = { name }
    if (args !== undefined) params.arguments = args
    return this.request<GetPromptResult>('prompts/get', params, options)
  }

  /** Asks the server to complete a prompt or resource-template argument. */
  async complete(
    params: CompleteRequestParams,
    options: RequestOptions = {},
  ): Promise<CompleteResult> {
    return this.request<CompleteResult>('completion/complete', params, options)
  }

  /** Sets the lowest level of log messages the server sends; kept across re-initialisations. */
  async setLoggingLevel(level: LoggingLevel, options: RequestOptions = {}): Promise<void> {
    await this.request('logging/setLevel', { level }, options)
    this.#logLevel = level
  }

  /** Changes the roots and tells the server (`notifications/roots/list_changed`). */
  async setRoots(roots: RootsOption): Promise<void> {
    this.#roots = roots
    await this.#session.notify('notifications/roots/list_changed')
  }

  /**
   * Sends any request, for methods this client has no method for. With `idempotent: true` it may
   * be sent again after a lost session.
   */
  async request<Result = Params>(
    method: string,
    params?: Params,
    options: RequestOptions & { idempotent?: boolean | undefined } = {},
  ): Promise<Result> {
    return this.#request<Result>(method, params, options, undefined)
  }

  async #request<Result>(
    method: string,
    params: Params | undefined,
    options: RequestOptions & { idempotent?: boolean | undefined },
    onSent: ((id: RequestId) => void) | undefined,
  ): Promise<Result> {
    const settings = this.#settings
    const sessionOptions: SessionRequestOptions<Result> = {
      timeout: options.timeout ?? settings.timeout,
      idempotent: options.idempotent,
      onSent,
    }
    const maxTotalTimeout = options.maxTotalTimeout ?? settings.maxTotalTimeout
    if (maxTotalTimeout !== undefined) sessionOptions.maxTotalTimeout = maxTotalTimeout
    if (options.signal !== undefined) sessionOptions.signal = options.signal
    if (options.onProgress !== undefined) sessionOptions.onProgress = options.onProgress
    if (options.resetTimeoutOnProgress !== undefined) {
      sessionOptions.resetTimeoutOnProgress = options.resetTimeoutOnProgress
    }
    return this.#session.request<Result>(method, params, sessionOptions)
  }

  /** Ends the session (HTTP DELETE), aborts every stream and rejects what is pending. */
  async close(): Promise<void> {
    await this.#session.close()
  }

  /** @internal Restores what the server forgot with the old session. */
  async restore(): Promise<void> {
    this.#tools.clear()
    const peer = this.#session.peer
    const timeout = this.#settings.timeout
    const restorations: Promise<unknown>[] = [...this.#subscriptions].map((uri) =>
      peer.request('resources/subscribe', { uri }, { timeout }),
    )
    if (this.#logLevel !== undefined) {
      restorations.push(peer.request('logging/setLevel', { level: this.#logLevel }, { timeout }))
    }
    for (const result of await Promise.allSettled(restorations)) {
      if (result.status === 'rejected') {
        this.#settings.onError(
          new LocalError(
            'protocol',
            `Could not restore a subscription or the logging level on ${this.url}`,
            {
              url: this.url,
              cause: result.reason,
            },
          ),
        )
      }
    }
  }

  async #all<T>(method: string, key: string, options: RequestOptions): Promise<T[]> {
    const items: T[] = []
    const seen = new Set<string>()
    let cursor: string | undefined
    do {
      const page: Params = await this.request(
        method,
        cursor === undefined ? undefined : { cursor },
        options,
      )
      const list = page[key]
      if (Array.isArray(list)) items.push(...(list as T[]))
      cursor = typeof page.nextCursor === 'string' ? page.nextCursor : undefined
      if (cursor !== undefined && seen.has(cursor)) {
        throw new LocalError(
          'protocol',
          `${method} on ${this.url} returned the cursor "${cursor}" twice`,
          {
            method,
            url: this.url,
          },
        )
      }
      if (cursor !== undefined) seen.add(cursor)
    } while (cursor !== undefined)
    return items
  }

  #check(tool: Tool, result: CallToolResult): void {
    if (tool.outputSchema === undefined || result.isError === true) return
    const fail = (what: string) =>
      new LocalError('protocol', `Tool ${tool.name} on ${this.url} ${what}`, {
        method: 'tools/call',
        url: this.url,
      })
    if (result.structuredContent === undefined) {
      throw fail('has an output schema but returned no structured content')
    }
    const issues = validateJsonSchema(tool.outputSchema, result.structuredContent)
    if (issues.length === 0) return
    const list = issues.map((issue) => `${issue.path || '/'} ${issue.message}`).join('; ')
    throw fail(`returned structured content that does not match its output schema: ${list}`)
  }
}
