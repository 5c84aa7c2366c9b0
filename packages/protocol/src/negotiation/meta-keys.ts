/**
 * The reserved `_meta` keys of the modern era, shared by both sides and by the 2026-07-28
 * schemas.
 * @module
 */

/**
 * The reserved `_meta` keys that carry the per-request (and per-result) protocol fields of the
 * modern era.
 *
 * @example
 * ```ts
 * const params = {
 *   name: 'get_weather',
 *   _meta: {
 *     [META_KEYS.protocolVersion]: '2026-07-28',
 *     [META_KEYS.clientCapabilities]: {},
 *     [META_KEYS.clientInfo]: { name: 'my-client', version: '1.0.0' },
 *   },
 * }
 * ```
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/index#meta
 */
export const META_KEYS = {
  /** The request's protocol version. Required on every modern request. */
  protocolVersion: 'io.modelcontextprotocol/protocolVersion',
  /** The client capabilities that apply to the request. Required on every modern request. */
  clientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
  /** The client's `Implementation` (name and version). Clients SHOULD send it. */
  clientInfo: 'io.modelcontextprotocol/clientInfo',
  /** The lowest log level the server may emit for the request. Optional. */
  logLevel: 'io.modelcontextprotocol/logLevel',
  /** The server's `Implementation`, in a result's `_meta`. Servers SHOULD send it. */
  serverInfo: 'io.modelcontextprotocol/serverInfo',
  /** On notifications of a `subscriptions/listen` stream: the id of that request. */
  subscriptionId: 'io.modelcontextprotocol/subscriptionId',
} as const

/** One of the values of {@link META_KEYS}. */
export type MetaKey = (typeof META_KEYS)[keyof typeof META_KEYS]
