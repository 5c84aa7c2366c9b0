/**
 * The public types of the client's features, under the spec's names.
 * @module
 */
import type { v2025_11_25 } from '@mcp-sse/protocol'

export type Implementation = v2025_11_25.Implementation
export type ClientCapabilities = v2025_11_25.ClientCapabilities
export type ServerCapabilities = v2025_11_25.ServerCapabilities
export type Tool = v2025_11_25.Tool
export type CallToolResult = v2025_11_25.CallToolResult
export type Resource = v2025_11_25.Resource
export type ResourceTemplate = v2025_11_25.ResourceTemplate
export type ReadResourceResult = v2025_11_25.ReadResourceResult
export type Prompt = v2025_11_25.Prompt
export type GetPromptResult = v2025_11_25.GetPromptResult
export type CompleteRequestParams = v2025_11_25.CompleteRequestParams
export type CompleteResult = v2025_11_25.CompleteResult
export type LoggingLevel = v2025_11_25.LoggingLevel
export type LoggingMessageNotificationParams = v2025_11_25.LoggingMessageNotificationParams
export type CreateMessageRequestParams = v2025_11_25.CreateMessageRequestParams
export type CreateMessageResult = v2025_11_25.CreateMessageResult
export type ElicitRequestParams = v2025_11_25.ElicitRequestParams
export type ElicitRequestFormParams = v2025_11_25.ElicitRequestFormParams
export type ElicitRequestURLParams = v2025_11_25.ElicitRequestURLParams
export type ElicitResult = v2025_11_25.ElicitResult
export type Root = v2025_11_25.Root

/** Progress of a long-running request. */
export interface Progress {
  /** The progress so far; it increases with each notification. */
  progress: number
  /** The total, if known. */
  total?: number
  /** A human-readable description of the current step. */
  message?: string
}

/** Options every request takes. */
export interface RequestOptions {
  /** Aborts the request; the server is sent `notifications/cancelled`. */
  signal?: AbortSignal | undefined
  /**
   * Milliseconds to wait for the response. Each progress notification restarts it unless
   * `resetTimeoutOnProgress` is `false`.
   * @default the client's `timeout` (60 000)
   */
  timeout?: number | undefined
  /**
   * The longest the request may take in total, progress or not, in milliseconds.
   * @default the client's `maxTotalTimeout` (no limit)
   */
  maxTotalTimeout?: number | undefined
  /** @default true */
  resetTimeoutOnProgress?: boolean | undefined
  /** Receives progress notifications; setting it asks the server for them. */
  onProgress?: ((progress: Progress) => void) | undefined
}

/** Options of `callTool` and `streamTool`. */
export interface CallToolOptions extends RequestOptions {
  /**
   * Calling the tool twice is harmless, so the client may send it again after a lost session.
   * @default the tool's `readOnlyHint` or `idempotentHint`, when `listTools` has seen it
   */
  idempotent?: boolean | undefined
  /** Sent as the request's `_meta`. */
  meta?: Record<string, unknown> | undefined
}

/** What a streaming tool call yields, in order, ending with the result. */
export type ToolEvent =
  | ({ type: 'progress' } & Progress)
  | ({ type: 'log' } & LoggingMessageNotificationParams)
  /** Any other notification the server sent on the call's stream, such as a partial result. */
  | { type: 'partial'; method: string; params: Record<string, unknown> }
  | { type: 'result'; result: CallToolResult }

/** The server notifications a client can listen to, with their params. */
export interface ServerNotifications {
  'notifications/tools/list_changed': Record<string, unknown>
  'notifications/prompts/list_changed': Record<string, unknown>
  'notifications/resources/list_changed': Record<string, unknown>
  'notifications/resources/updated': { uri: string } & Record<string, unknown>
  'notifications/message': LoggingMessageNotificationParams
  'notifications/elicitation/complete': { elicitationId: string } & Record<string, unknown>
  'notifications/cancelled': v2025_11_25.CancelledNotificationParams
}

/** Handles one kind of notification. */
export type NotificationListener<Params> = (params: Params) => void | Promise<void>

/** What a server-request handler is told besides the params. */
export interface ServerRequestContext {
  /** Aborted when the server cancels its request. */
  signal: AbortSignal
  /** The request whose handling made the server ask, when the transport knows it. */
  relatedRequestId?: string | number | undefined
}

/** Answers `sampling/createMessage`. */
export type SamplingHandler = (
  params: CreateMessageRequestParams,
  context: ServerRequestContext,
) => CreateMessageResult | Promise<CreateMessageResult>

/**
 * Answers `elicitation/create`. In form mode, what the answer leaves out is filled with the
 * schema's defaults before it is sent (SEP-1034).
 */
export type ElicitationHandler = (
  params: ElicitRequestParams,
  context: ServerRequestContext,
) => ElicitResult | Promise<ElicitResult>

/** The roots to expose: a list, or a function asked each time. */
export type RootsOption = Root[] | (() => Root[] | Promise<Root[]>)
