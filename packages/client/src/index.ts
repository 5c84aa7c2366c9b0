/**
 * A fetch-based MCP client that finds out which era a server speaks (2026-07-28 stateless HTTP,
 * Streamable HTTP or HTTP+SSE), with the same API for all three, and heals itself: it resumes
 * broken streams, reopens the listening stream and re-initialises a lost session. Runs wherever
 * `fetch` and web streams run.
 *
 * Every export is named here.
 * @module
 */

// --- connecting -------------------------------------------------------------------------------
export { connect, type ConnectOptions } from './connect.js'
export { McpClient } from './client/client.js'
export type { ServerRequestOptions } from './client/server-requests.js'
export type { ConnectionState, StateListener } from './session/state.js'

// --- features ---------------------------------------------------------------------------------
export type {
  CallToolOptions,
  CallToolResult,
  ClientCapabilities,
  CompleteRequestParams,
  CompleteResult,
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitationHandler,
  ElicitRequestFormParams,
  ElicitRequestParams,
  ElicitRequestURLParams,
  ElicitResult,
  GetPromptResult,
  Implementation,
  LoggingLevel,
  LoggingMessageNotificationParams,
  NotificationListener,
  Progress,
  Prompt,
  ReadResourceResult,
  RequestOptions,
  Resource,
  ResourceTemplate,
  Root,
  RootsOption,
  SamplingHandler,
  ServerCapabilities,
  ServerNotifications,
  ServerRequestContext,
  Tool,
  ToolEvent,
} from './client/types.js'
export { applyElicitationDefaults, type FormSchema } from './elicitation/defaults.js'
export { validateJsonSchema, type SchemaIssue } from './json-schema/validate.js'

// --- HTTP and transports ----------------------------------------------------------------------
export type {
  AuthContext,
  AuthProvider,
  FetchFunction,
  HeadersOption,
  HttpHooks,
} from './http/http-client.js'
export type { ReconnectOptions } from './transport/reconnect.js'
export {
  createTransportMemory,
  defaultTransportMemory,
  type TransportMemory,
} from './transport/memory.js'
export type { TransportKind } from './transport/types.js'
export type { EraOption } from './modern/negotiate.js'

// --- errors (from @mcp-sse/protocol) ------------------------------------------------------------
export { ErrorCode, LocalError, McpError, type LocalErrorType } from '@mcp-sse/protocol'
