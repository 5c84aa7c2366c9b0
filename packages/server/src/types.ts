/**
 * The spec types the server's API speaks, taken from the trunk revision (2025-11-25) of
 * `@mcp-sse/protocol`. Handlers produce these shapes; the server encodes them for the revision
 * each client speaks.
 * @module
 */
import type { v2025_11_25 as spec } from '@mcp-sse/protocol'

export type CallToolResult = spec.CallToolResult
export type ClientCapabilities = spec.ClientCapabilities
export type CompleteResult = spec.CompleteResult
export type ContentBlock = spec.ContentBlock
export type CreateMessageRequestParams = spec.CreateMessageRequestParams
export type CreateMessageResult = spec.CreateMessageResult
export type ElicitRequestParams = spec.ElicitRequestParams
export type ElicitRequestFormParams = spec.ElicitRequestFormParams
export type ElicitRequestURLParams = spec.ElicitRequestURLParams
export type ElicitResult = spec.ElicitResult
export type GetPromptResult = spec.GetPromptResult
export type Icon = spec.Icon
export type Implementation = spec.Implementation
export type InitializeResult = spec.InitializeResult
export type ListRootsResult = spec.ListRootsResult
export type LoggingLevel = spec.LoggingLevel
export type Prompt = spec.Prompt
export type PromptArgument = spec.PromptArgument
export type ReadResourceResult = spec.ReadResourceResult
export type Resource = spec.Resource
export type ResourceTemplate = spec.ResourceTemplate
export type ServerCapabilities = spec.ServerCapabilities
export type Tool = spec.Tool
export type ToolAnnotations = spec.ToolAnnotations
export type Annotations = spec.Annotations

/** A JSON Schema object, passed through untouched. */
export type JsonSchema = Record<string, unknown>
