/**
 * Roots in 2025-06-18: the request and notification without the JSON-RPC envelope. Their params
 * keep the trunk's typed `_meta`, which this revision already spells out.
 * @see https://modelcontextprotocol.io/specification/2025-06-18/client/roots
 * @module
 */
import type { z } from 'zod'
import * as trunk from '../2025-11-25/roots.js'
import { NOTIFICATION_ENVELOPE, REQUEST_ENVELOPE } from './jsonrpc.js'

/** `roots/list`: the server asks for the client's roots. */
export const ListRootsRequestSchema = trunk.ListRootsRequestSchema.omit(REQUEST_ENVELOPE)
export type ListRootsRequest = z.infer<typeof ListRootsRequestSchema>

/** `notifications/roots/list_changed`: the client's roots changed. */
export const RootsListChangedNotificationSchema =
  trunk.RootsListChangedNotificationSchema.omit(NOTIFICATION_ENVELOPE)
export type RootsListChangedNotification = z.infer<typeof RootsListChangedNotificationSchema>
