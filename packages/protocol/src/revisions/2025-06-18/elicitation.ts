/**
 * Elicitation as 2025-06-18 introduced it: form mode only, enums as one `EnumSchema` with the
 * optional `enumNames`, no `default` on text and number fields, and answers without arrays.
 * @see https://modelcontextprotocol.io/specification/2025-06-18/client/elicitation
 * @module
 */
import { z } from 'zod'
import * as schemas from '../2025-11-25/elicitation-schemas.js'
import * as trunk from '../2025-11-25/elicitation.js'
import { PARAMS_META, REQUEST_ENVELOPE } from './jsonrpc.js'

/** A text field. */
export const StringSchemaSchema = schemas.StringSchemaSchema.omit({ default: true })
export type StringSchema = z.infer<typeof StringSchemaSchema>

/** A number field. */
export const NumberSchemaSchema = schemas.NumberSchemaSchema.omit({ default: true })
export type NumberSchema = z.infer<typeof NumberSchemaSchema>

/** A choice of one value; `enumNames` labels the values. */
export const EnumSchemaSchema = schemas.LegacyTitledEnumSchemaSchema.omit({ default: true })
export type EnumSchema = z.infer<typeof EnumSchemaSchema>

/** Any field a form elicitation may ask for. */
export const PrimitiveSchemaDefinitionSchema = z.union([
  StringSchemaSchema,
  NumberSchemaSchema,
  schemas.BooleanSchemaSchema,
  EnumSchemaSchema,
])
export type PrimitiveSchemaDefinition = z.infer<typeof PrimitiveSchemaDefinitionSchema>

const FormParamsSchema = trunk.ElicitRequestFormParamsSchema.omit({
  ...PARAMS_META,
  task: true,
  mode: true,
})

/** `elicitation/create`: the server asks the user to fill in a form. */
export const ElicitRequestSchema = trunk.ElicitRequestSchema.omit(REQUEST_ENVELOPE).extend({
  params: FormParamsSchema.extend({
    requestedSchema: FormParamsSchema.shape.requestedSchema.omit({ $schema: true }).extend({
      properties: z.record(z.string(), PrimitiveSchemaDefinitionSchema),
    }),
  }),
})
export type ElicitRequest = z.infer<typeof ElicitRequestSchema>

/** The user's answer: `content` holds the form's values when the action is `accept`. */
export const ElicitResultSchema = trunk.ElicitResultSchema.extend({
  content: z.record(z.string(), z.union([z.string(), z.int(), z.boolean()])).optional(),
})
export type ElicitResult = z.infer<typeof ElicitResultSchema>
