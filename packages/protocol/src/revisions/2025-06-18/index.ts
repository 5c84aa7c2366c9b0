/**
 * MCP 2025-06-18: every definition of its official `schema.json`, as a zod schema `<Name>Schema`
 * and a type `<Name>`, and nothing else. Definitions that did not change since are the 2025-11-25
 * trunk's; the others are derived from the trunk in this folder.
 * @see https://modelcontextprotocol.io/specification/2025-06-18/schema
 * @module
 */
export { CompleteRequestSchema, type CompleteRequest } from './completion.js'
export {
  ContentBlockSchema,
  type ContentBlock,
  ResourceLinkSchema,
  type ResourceLink,
} from './content.js'
export {
  ElicitRequestSchema,
  type ElicitRequest,
  ElicitResultSchema,
  type ElicitResult,
  EnumSchemaSchema,
  type EnumSchema,
  NumberSchemaSchema,
  type NumberSchema,
  PrimitiveSchemaDefinitionSchema,
  type PrimitiveSchemaDefinition,
  StringSchemaSchema,
  type StringSchema,
} from './elicitation.js'
export {
  JSONRPCErrorSchema,
  type JSONRPCError,
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
} from './jsonrpc.js'
export {
  ClientCapabilitiesSchema,
  type ClientCapabilities,
  ImplementationSchema,
  type Implementation,
  InitializedNotificationSchema,
  type InitializedNotification,
  InitializeRequestSchema,
  type InitializeRequest,
  InitializeResultSchema,
  type InitializeResult,
  PingRequestSchema,
  type PingRequest,
  ServerCapabilitiesSchema,
  type ServerCapabilities,
} from './lifecycle.js'
export {
  LoggingMessageNotificationSchema,
  type LoggingMessageNotification,
  SetLevelRequestSchema,
  type SetLevelRequest,
} from './logging.js'
export {
  CancelledNotificationSchema,
  type CancelledNotification,
  ProgressNotificationSchema,
  type ProgressNotification,
} from './notifications.js'
export {
  GetPromptRequestSchema,
  type GetPromptRequest,
  GetPromptResultSchema,
  type GetPromptResult,
  ListPromptsRequestSchema,
  type ListPromptsRequest,
  ListPromptsResultSchema,
  type ListPromptsResult,
  PromptSchema,
  type Prompt,
  PromptListChangedNotificationSchema,
  type PromptListChangedNotification,
  PromptMessageSchema,
  type PromptMessage,
} from './prompts.js'
export {
  ListResourcesRequestSchema,
  type ListResourcesRequest,
  ListResourcesResultSchema,
  type ListResourcesResult,
  ListResourceTemplatesRequestSchema,
  type ListResourceTemplatesRequest,
  ListResourceTemplatesResultSchema,
  type ListResourceTemplatesResult,
  ReadResourceRequestSchema,
  type ReadResourceRequest,
  ResourceSchema,
  type Resource,
  ResourceListChangedNotificationSchema,
  type ResourceListChangedNotification,
  ResourceTemplateSchema,
  type ResourceTemplate,
  ResourceUpdatedNotificationSchema,
  type ResourceUpdatedNotification,
  SubscribeRequestSchema,
  type SubscribeRequest,
  UnsubscribeRequestSchema,
  type UnsubscribeRequest,
} from './resources.js'
export {
  ListRootsRequestSchema,
  type ListRootsRequest,
  RootsListChangedNotificationSchema,
  type RootsListChangedNotification,
} from './roots.js'
export {
  CreateMessageRequestSchema,
  type CreateMessageRequest,
  CreateMessageResultSchema,
  type CreateMessageResult,
  SamplingMessageSchema,
  type SamplingMessage,
} from './sampling.js'
export {
  CallToolRequestSchema,
  type CallToolRequest,
  CallToolResultSchema,
  type CallToolResult,
  ListToolsRequestSchema,
  type ListToolsRequest,
  ListToolsResultSchema,
  type ListToolsResult,
  ToolSchema,
  type Tool,
  ToolListChangedNotificationSchema,
  type ToolListChangedNotification,
} from './tools.js'
export {
  ClientNotificationSchema,
  type ClientNotification,
  ClientRequestSchema,
  type ClientRequest,
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
  AnnotationsSchema,
  type Annotations,
  BaseMetadataSchema,
  type BaseMetadata,
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
export {
  CompleteResultSchema,
  type CompleteResult,
  ResourceTemplateReferenceSchema,
  type ResourceTemplateReference,
} from '../2025-11-25/completion.js'
export {
  AudioContentSchema,
  type AudioContent,
  EmbeddedResourceSchema,
  type EmbeddedResource,
  ImageContentSchema,
  type ImageContent,
  TextContentSchema,
  type TextContent,
} from '../2025-11-25/content.js'
export { BooleanSchemaSchema, type BooleanSchema } from '../2025-11-25/elicitation-schemas.js'
export { LoggingLevelSchema, type LoggingLevel } from '../2025-11-25/logging.js'
export {
  PromptArgumentSchema,
  type PromptArgument,
  PromptReferenceSchema,
  type PromptReference,
} from '../2025-11-25/prompts.js'
export {
  BlobResourceContentsSchema,
  type BlobResourceContents,
  ReadResourceResultSchema,
  type ReadResourceResult,
  ResourceContentsSchema,
  type ResourceContents,
  TextResourceContentsSchema,
  type TextResourceContents,
} from '../2025-11-25/resources.js'
export {
  ListRootsResultSchema,
  type ListRootsResult,
  RootSchema,
  type Root,
} from '../2025-11-25/roots.js'
export {
  ModelHintSchema,
  type ModelHint,
  ModelPreferencesSchema,
  type ModelPreferences,
} from '../2025-11-25/sampling.js'
export { ToolAnnotationsSchema, type ToolAnnotations } from '../2025-11-25/tools.js'
