/**
 * MCP 2025-03-26: every definition of its official `schema.json`, as a zod schema `<Name>Schema`
 * and a type `<Name>`, and nothing else. Each definition comes from the newest revision that has
 * it unchanged: this folder, 2025-06-18 or the 2025-11-25 trunk.
 * @see https://modelcontextprotocol.io/specification/2025-03-26/schema
 * @module
 */
export { AnnotationsSchema, type Annotations } from './base.js'
export {
  CompleteRequestSchema,
  type CompleteRequest,
  ResourceReferenceSchema,
  type ResourceReference,
} from './completion.js'
export {
  AudioContentSchema,
  type AudioContent,
  EmbeddedResourceSchema,
  type EmbeddedResource,
  ImageContentSchema,
  type ImageContent,
  TextContentSchema,
  type TextContent,
} from './content.js'
export {
  JSONRPCBatchRequestSchema,
  type JSONRPCBatchRequest,
  JSONRPCBatchResponseSchema,
  type JSONRPCBatchResponse,
  JSONRPCMessageSchema,
  type JSONRPCMessage,
} from './jsonrpc.js'
export {
  ClientCapabilitiesSchema,
  type ClientCapabilities,
  ImplementationSchema,
  type Implementation,
  InitializeRequestSchema,
  type InitializeRequest,
  InitializeResultSchema,
  type InitializeResult,
} from './lifecycle.js'
export {
  GetPromptResultSchema,
  type GetPromptResult,
  ListPromptsResultSchema,
  type ListPromptsResult,
  PromptSchema,
  type Prompt,
  PromptArgumentSchema,
  type PromptArgument,
  PromptMessageSchema,
  type PromptMessage,
  PromptReferenceSchema,
  type PromptReference,
} from './prompts.js'
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
} from './resources.js'
export { ListRootsResultSchema, type ListRootsResult, RootSchema, type Root } from './roots.js'
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
  ClientRequestSchema,
  type ClientRequest,
  ClientResultSchema,
  type ClientResult,
  ServerRequestSchema,
  type ServerRequest,
  ServerResultSchema,
  type ServerResult,
} from './methods.js'
export { RequestIdSchema, type RequestId } from '../../jsonrpc/messages.js'
export {
  JSONRPCErrorSchema,
  type JSONRPCError,
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
  ServerCapabilitiesSchema,
  type ServerCapabilities,
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
  ProgressNotificationSchema,
  type ProgressNotification,
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
  ClientNotificationSchema,
  type ClientNotification,
  ServerNotificationSchema,
  type ServerNotification,
} from '../2025-06-18/methods.js'
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
export { ToolAnnotationsSchema, type ToolAnnotations } from '../2025-11-25/tools.js'
