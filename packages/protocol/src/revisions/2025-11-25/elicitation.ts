/**
 * Elicitation: the server asks the user, through the client, for input in a form or at a URL.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/client/elicitation
 * @module
 */
import { z } from 'zod'
import { ResultSchema } from './base.js'
import { PrimitiveSchemaDefinitionSchema } from './elicitation-schemas.js'
import { ErrorSchema, notificationSchema, RequestIdSchema, requestSchema } from './jsonrpc.js'
import { TaskAugmentedRequestParamsSchema } from './tasks.js'

/** The params of a form elicitation: a message and a flat schema of primitive fields. */
export const ElicitRequestFormParamsSchema = TaskAugmentedRequestParamsSchema.extend({
  // Absent means form: servers written for 2025-06-18 do not send it.
  mode: z.literal('form').optional(),
  message: z.string(),
  requestedSchema: z.looseObject({
    $schema: z.string().optional(),
    type: z.literal('object'),
    properties: z.record(z.string(), PrimitiveSchemaDefinitionSchema),
    required: z.array(z.string()).optional(),
  }),
})
export type ElicitRequestFormParams = z.infer<typeof ElicitRequestFormParamsSchema>

/**
 * The params of a URL elicitation: the client sends the user to `url`, so sensitive data never
 * passes through the client.
 */
export const ElicitRequestURLParamsSchema = TaskAugmentedRequestParamsSchema.extend({
  mode: z.literal('url'),
  message: z.string(),
  elicitationId: z.string(),
  url: z.string(),
})
export type ElicitRequestURLParams = z.infer<typeof ElicitRequestURLParamsSchema>

/** The params of `elicitation/create`, in either mode. */
export const ElicitRequestParamsSchema = z.union([
  ElicitRequestURLParamsSchema,
  ElicitRequestFormParamsSchema,
])
export type ElicitRequestParams = z.infer<typeof ElicitRequestParamsSchema>

/** `elicitation/create`: the server asks the user for input. */
export const ElicitRequestSchema = requestSchema('elicitation/create', ElicitRequestParamsSchema)
export type ElicitRequest = z.infer<typeof ElicitRequestSchema>

/** The user's answer: `content` holds the form's values when the action is `accept`. */
export const ElicitResultSchema = ResultSchema.extend({
  action: z.enum(['accept', 'cancel', 'decline']),
  content: z
    .record(z.string(), z.union([z.array(z.string()), z.string(), z.number().int(), z.boolean()]))
    .optional(),
})
export type ElicitResult = z.infer<typeof ElicitResultSchema>

/** `notifications/elicitation/complete`: a URL elicitation finished out of band. */
export const ElicitationCompleteNotificationSchema = notificationSchema(
  'notifications/elicitation/complete',
  z.looseObject({ elicitationId: z.string() }),
)
export type ElicitationCompleteNotification = z.infer<typeof ElicitationCompleteNotificationSchema>

/**
 * The error (`-32042`) a server answers with when a request cannot go on until the user has
 * completed the URL elicitations listed in `error.data.elicitations`.
 */
export const URLElicitationRequiredErrorSchema = z.looseObject({
  jsonrpc: z.literal('2.0'),
  id: RequestIdSchema.optional(),
  error: ErrorSchema.extend({
    code: z.literal(-32042),
    data: z.looseObject({
      elicitations: z.array(ElicitRequestURLParamsSchema),
    }),
  }),
})
export type URLElicitationRequiredError = z.infer<typeof URLElicitationRequiredErrorSchema>
