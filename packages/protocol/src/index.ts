/**
 * The Model Context Protocol for every revision: zod schemas and types, JSON-RPC, errors and the
 * transport-independent peer engine. No I/O.
 *
 * Every export is named here; there are no `export *` barrels.
 * @module
 */

// --- versions and negotiation ---------------------------------------------------------------
export {
  DEFAULT_NEGOTIATED_PROTOCOL_VERSION,
  ERAS,
  LATEST_LEGACY_PROTOCOL_VERSION,
  LATEST_PROTOCOL_VERSION,
  LEGACY_PROTOCOL_VERSIONS,
  MODERN_PROTOCOL_VERSIONS,
  PROTOCOL_VERSIONS,
  eraOf,
  isSupportedVersion,
  type Era,
  type LegacyProtocolVersion,
  type ModernProtocolVersion,
  type ProtocolVersion,
} from './versions.js'
export { META_KEYS, type MetaKey } from './negotiation/meta-keys.js'
export {
  checkModernRequest,
  detectRequestEra,
  negotiateLegacyVersion,
  unsupportedProtocolVersionError,
  type DetectRequestEraOptions,
  type LegacyNegotiation,
  type ModernRequestCheck,
  type RequestEraDetection,
} from './negotiation/server.js'
export {
  classifyModernProbe,
  shouldTryHttpSse,
  type ClassifyModernProbeOptions,
  type ModernProbeResponse,
  type ModernProbeVerdict,
} from './negotiation/client.js'

// --- JSON-RPC 2.0 -----------------------------------------------------------------------------
export {
  ErrorObjectSchema,
  JSONRPC_VERSION,
  JSONRPCBatchRequestSchema,
  JSONRPCBatchResponseSchema,
  JSONRPCErrorResponseSchema,
  JSONRPCMessageSchema,
  JSONRPCNotificationSchema,
  JSONRPCRequestSchema,
  JSONRPCResponseSchema,
  JSONRPCResultResponseSchema,
  RequestIdSchema,
  type ErrorObject,
  type JSONRPCBatchRequest,
  type JSONRPCBatchResponse,
  type JSONRPCErrorResponse,
  type JSONRPCMessage,
  type JSONRPCNotification,
  type JSONRPCRequest,
  type JSONRPCResponse,
  type JSONRPCResultResponse,
  type RequestId,
} from './jsonrpc/messages.js'
export {
  isJSONRPCErrorResponse,
  isJSONRPCMessage,
  isJSONRPCNotification,
  isJSONRPCRequest,
  isJSONRPCResultResponse,
} from './jsonrpc/inspect.js'
export {
  parseJsonRpcBody,
  parseJsonRpcValue,
  type ParseJsonRpcOptions,
  type ParseJsonRpcResult,
} from './jsonrpc/parse-body.js'

// --- errors -----------------------------------------------------------------------------------
export { ErrorCode } from './errors/error-code.js'
export { McpError, type McpErrorOptions } from './errors/mcp-error.js'
export { LocalError, type LocalErrorOptions, type LocalErrorType } from './errors/local-error.js'
export { errorResponse, toErrorResponse } from './errors/error-response.js'

// --- revisions (one namespace per revision, spec names inside) --------------------------------
export {
  revision,
  type KnownRevisionVersion,
  type MethodTable,
  type RequestMethodSchemas,
  type Revision,
} from './revisions/revision.js'
export * as v2025_11_25 from './revisions/2025-11-25/index.js'
export * as v2024_11_05 from './revisions/2024-11-05/index.js'
export * as v2025_03_26 from './revisions/2025-03-26/index.js'
export * as v2025_06_18 from './revisions/2025-06-18/index.js'
export * as v2026_07_28 from './revisions/2026-07-28/index.js'

// --- 2026-07-28 helpers: the _meta envelope, caching hints, interim results --------------------
export {
  requestMeta,
  type RequestMeta,
  type RequestMetaResult,
} from './revisions/2026-07-28/request-meta.js'
export {
  CACHEABLE_RESULTS,
  isCacheableMethod,
  isCacheableRequest,
  type CacheableMethod,
} from './revisions/2026-07-28/cacheable.js'
export { isInputRequiredResult, resultTypeOf } from './revisions/2026-07-28/result-type.js'
export { inputRequests as modernInputRequestMethods } from './revisions/2026-07-28/mrtr.js'

// --- 2026-07-28 HTTP headers ------------------------------------------------------------------
export {
  MCP_HEADERS,
  MCP_NAME_SOURCES,
  annotatedValue,
  decodeHeaderValue,
  encodeHeaderValue,
  headerAnnotations,
  mcpNameOf,
  paramHeaderValue,
  type DecodedHeaderValue,
  type HeaderAnnotation,
  type HeaderAnnotations,
} from './modern-headers.js'

// --- peer engine ------------------------------------------------------------------------------
export { Peer } from './peer/peer.js'
export type {
  MessageParams,
  MessageResult,
  MessageRoute,
  NotificationContext,
  NotificationHandler,
  NotifyOptions,
  PeerMethodTable,
  PeerOptions,
  PeerRequestSchemas,
  PeerSide,
  Progress,
  RequestContext,
  RequestHandler,
  RequestOptions,
  SharedHandlers,
} from './peer/types.js'
export {
  createLinkedPeers,
  type LinkedMessage,
  type LinkedPeers,
  type LinkedPeersOptions,
} from './peer/linked-peers.js'

// --- tool names and JSON Schema -----------------------------------------------------------------
export { TOOL_NAME_MAX_LENGTH, validateToolName, type ToolNameValidation } from './tool-name.js'
export {
  isZodSchema,
  toJsonSchema,
  type JsonSchemaObject,
  type ToJsonSchemaOptions,
  type ZodSchema,
} from './json-schema.js'
