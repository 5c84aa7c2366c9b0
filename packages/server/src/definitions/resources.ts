/**
 * Resource definitions: static resources, URI templates, and routing a URI to its reader.
 * @module
 */
import type { HandlerContext } from '../handlers/context.js'
import type { CacheHint } from '../modern/caching.js'
import type { Annotations, Icon, ReadResourceResult, Resource, ResourceTemplate } from '../types.js'
import type { Completer } from './completions.js'
import { UriTemplate } from './uri-template.js'

/** How a resource is described to clients. */
export interface ResourceConfig {
  /**
   * The resource's name.
   * @default the URI
   */
  name?: string
  /** A human-readable name for display. */
  title?: string
  /** What the resource is. */
  description?: string
  /** Its MIME type. */
  mimeType?: string
  /** Its size in bytes, if known. */
  size?: number
  /** Audience, priority and last-modified hints. */
  annotations?: Annotations
  /** Icons for display. */
  icons?: Icon[]
  /** Extra metadata published with the resource. */
  _meta?: Record<string, unknown>
  /**
   * 2026-07-28 caching hint (`ttlMs`, `cacheScope`). For `resources/read` it replaces the
   * server's; a list page takes the smallest `ttlMs` of the definitions on it, and is `private`
   * on every page when any definition of its kind is private. Not sent to 2024/2025 clients.
   * @default the server's `caching`
   * @see https://modelcontextprotocol.io/specification/2026-07-28/server/utilities/caching
   */
  cache?: CacheHint
}

/** Reads a static resource. */
export type ResourceReader = (
  uri: string,
  ctx: HandlerContext,
) => ReadResourceResult | Promise<ReadResourceResult>

/** How a resource template is described to clients. */
export interface ResourceTemplateConfig extends Omit<ResourceConfig, 'size'> {
  /**
   * Lists the concrete resources of the template, for `resources/list`.
   * @default none are listed
   */
  list?: (ctx: HandlerContext) => Resource[] | Promise<Resource[]>
  /** Completion of the template's variables, by variable name. */
  complete?: Record<string, Completer>
}

/** Reads a resource that matched a template; `variables` holds the decoded values. */
export type ResourceTemplateReader = (
  uri: string,
  variables: Record<string, string>,
  ctx: HandlerContext,
) => ReadResourceResult | Promise<ReadResourceResult>

/** A registered static resource. */
export interface ResourceDefinition {
  readonly uri: string
  readonly config: ResourceConfig
  readonly read: ResourceReader
  /** The published `Resource`, built once. */
  readonly resource: Resource
}

/** A registered resource template. */
export interface ResourceTemplateDefinition {
  readonly uriTemplate: UriTemplate
  readonly config: ResourceTemplateConfig
  readonly read: ResourceTemplateReader
  /** The published `ResourceTemplate`, built once. */
  readonly resourceTemplate: ResourceTemplate
}

function describe(config: Omit<ResourceConfig, 'name'>, into: Record<string, unknown>): void {
  if (config.title !== undefined) into.title = config.title
  if (config.description !== undefined) into.description = config.description
  if (config.mimeType !== undefined) into.mimeType = config.mimeType
  if (config.size !== undefined) into.size = config.size
  if (config.annotations !== undefined) into.annotations = config.annotations
  if (config.icons !== undefined) into.icons = config.icons
  if (config._meta !== undefined) into._meta = config._meta
}

/** Builds a static resource definition. */
export function defineResource(
  uri: string,
  config: ResourceConfig,
  read: ResourceReader,
): ResourceDefinition {
  const resource: Record<string, unknown> = { uri, name: config.name ?? uri }
  describe(config, resource)
  return { uri, config, read, resource: resource as Resource }
}

/** Builds a resource template definition; throws a `TypeError` for an invalid template. */
export function defineResourceTemplate(
  uriTemplate: string,
  config: ResourceTemplateConfig,
  read: ResourceTemplateReader,
): ResourceTemplateDefinition {
  const parsed = new UriTemplate(uriTemplate)
  const template: Record<string, unknown> = { uriTemplate, name: config.name ?? uriTemplate }
  describe(config, template)
  return { uriTemplate: parsed, config, read, resourceTemplate: template as ResourceTemplate }
}
