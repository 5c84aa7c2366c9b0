/**
 * MCP 2024-11-05: every definition of its official `schema.json`, as a zod schema `<Name>Schema`
 * and a type `<Name>`, and nothing else. Each definition comes from the newest revision that has
 * it unchanged: this folder, 2025-03-26, 2025-06-18 or the 2025-11-25 trunk.
 * @see https://modelcontextprotocol.io/specification/2024-11-05/schema
 * @module
 */
export { AnnotatedSchema, type Annotated } from './base.js'
export {
  InitializeResultSchema,
  type InitializeResult,
  ServerCapabilitiesSchema,
  type ServerCapabilities,
} from './lifecycle.js'
export { ProgressNotificationSchema, type ProgressNotification } from './notifications.js'
export {
  GetPromptResultSchema,
  type GetPromptResult,
  PromptMessageSchema,
  type PromptMessage,
} from './prompts.js'
export {
  CreateMessageRequestSchema,
  type CreateMessageRequest,
  CreateMessageResultSchema,
  type CreateMessageResult,
  SamplingMessageSchema,
  type SamplingMessage,
} from './sampling.js'
export {
  CallToolResultSchema,
  type CallToolResult,
  ListToolsResultSchema,
  type ListToolsResult,
  ToolSchema,
  type Tool,
} from './tools.js'
export {
  ClientNotificationSchema,
  type ClientNotification,
  ClientResultSchema,
  type ClientResult,
  ServerNotificationSchema,
  type ServerNotification,
  ServerRequestSchema,
  type ServerRequest,
  ServerResultSchema,
  type ServerResult,
} from './methods.js'
export { RequestIdSchema, type RequestId } from '../../jsonrpc/messages.js'
export {
  CompleteRequestSchema,
  type CompleteRequest,
  ResourceReferenceSchema,
  type ResourceReference,
} from '../2025-03-26/completion.js'
export {
  EmbeddedResourceSchema,
  type EmbeddedResource,
  ImageContentSchema,
  type ImageContent,
  TextContentSchema,
  type TextContent,
} from '../2025-03-26/content.js'
export {
  ClientCapabilitiesSchema,
  type ClientCapabilities,
  ImplementationSchema,
  type Implementation,
  InitializeRequestSchema,
  type InitializeRequest,
} from '../2025-03-26/lifecycle.js'
export {
  ListPromptsResultSchema,
  type ListPromptsResult,
  PromptSchema,
  type Prompt,
  PromptArgumentSchema,
  type PromptArgument,
  PromptReferenceSchema,
  type PromptReference,
} from '../2025-03-26/prompts.js'
export {
  BlobResourceContentsSchema,
  type BlobResourceContents,
  ListResourcesResultSchema,
  type ListResourcesResult,
  ListResourceTemplatesResultSchema,
  type ListResourceTemplatesResult,
  ReadResourceResultSchema,
  type ReadResourceResult,
  ResourceSchema,
  type Resource,
  ResourceContentsSchema,
  type ResourceContents,
  ResourceTemplateSchema,
  type ResourceTemplate,
  TextResourceContentsSchema,
  type TextResourceContents,
} from '../2025-03-26/resources.js'
export {
  ListRootsResultSchema,
  type ListRootsResult,
  RootSchema,
  type Root,
} from '../2025-03-26/roots.js'
export { ClientRequestSchema, type ClientRequest } from '../2025-03-26/methods.js'
export {
  JSONRPCErrorSchema,
  type JSONRPCError,
  // 2025-03-26 alone adds batches to JSONRPCMessage: 2024-11-05 has the one of 2025-06-18.
  JSONRPCMessageSchema,
  type JSONRPCMessage,
  JSONRPCNotificationSchema,
  type JSONRPCNotification,
  JSONRPCRequestSchema,
  type JSONRPCRequest,
  JSONRPCResponseSchema,
  type JSONRPCResponse,
  NotificationSchema,
  type Notification,
  PaginatedRequestSchema,
  type PaginatedRequest,
  RequestSchema,
  type Request,
} from '../2025-06-18/jsonrpc.js'
export {
  InitializedNotificationSchema,
  type InitializedNotification,
  PingRequestSchema,
  type PingRequest,
} from '../2025-06-18/lifecycle.js'
export {
  LoggingMessageNotificationSchema,
  type LoggingMessageNotification,
  SetLevelRequestSchema,
  type SetLevelRequest,
} from '../2025-06-18/logging.js'
export {
  CancelledNotificationSchema,
  type CancelledNotification,
} from '../2025-06-18/notifications.js'
export {
  GetPromptRequestSchema,
  type GetPromptRequest,
  ListPromptsRequestSchema,
  type ListPromptsRequest,
  PromptListChangedNotificationSchema,
  type PromptListChangedNotification,
} from '../2025-06-18/prompts.js'
export {
  ListResourcesRequestSchema,
  type ListResourcesRequest,
  ListResourceTemplatesRequestSchema,
  type ListResourceTemplatesRequest,
  ReadResourceRequestSchema,
  type ReadResourceRequest,
  ResourceListChangedNotificationSchema,
  type ResourceListChangedNotification,
  ResourceUpdatedNotificationSchema,
  type ResourceUpdatedNotification,
  SubscribeRequestSchema,
  type SubscribeRequest,
  UnsubscribeRequestSchema,
  type UnsubscribeRequest,
} from '../2025-06-18/resources.js'
export {
  ListRootsRequestSchema,
  type ListRootsRequest,
  RootsListChangedNotificationSchema,
  type RootsListChangedNotification,
} from '../2025-06-18/roots.js'
export {
  CallToolRequestSchema,
  type CallToolRequest,
  ListToolsRequestSchema,
  type ListToolsRequest,
  ToolListChangedNotificationSchema,
  type ToolListChangedNotification,
} from '../2025-06-18/tools.js'
export {
  CursorSchema,
  type Cursor,
  EmptyResultSchema,
  type EmptyResult,
  PaginatedResultSchema,
  type PaginatedResult,
  ProgressTokenSchema,
  type ProgressToken,
  ResultSchema,
  type Result,
  RoleSchema,
  type Role,
} from '../2025-11-25/base.js'
export { CompleteResultSchema, type CompleteResult } from '../2025-11-25/completion.js'
export { LoggingLevelSchema, type LoggingLevel } from '../2025-11-25/logging.js'
export {
  ModelHintSchema,
  type ModelHint,
  ModelPreferencesSchema,
  type ModelPreferences,
} from '../2025-11-25/sampling.js'
