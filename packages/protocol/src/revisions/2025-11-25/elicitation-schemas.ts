/**
 * The restricted JSON Schemas a form elicitation may ask for: flat objects of primitive fields,
 * never nested objects or arrays of objects.
 * @see https://modelcontextprotocol.io/specification/2025-11-25/client/elicitation#supported-schema-types
 * @module
 */
import { z } from 'zod'

/** A text field. */
export const StringSchemaSchema = z.looseObject({
  type: z.literal('string'),
  title: z.string().optional(),
  description: z.string().optional(),
  minLength: z.number().int().optional(),
  maxLength: z.number().int().optional(),
  format: z.enum(['date', 'date-time', 'email', 'uri']).optional(),
  default: z.string().optional(),
})
export type StringSchema = z.infer<typeof StringSchemaSchema>

/** A number field. */
export const NumberSchemaSchema = z.looseObject({
  type: z.enum(['integer', 'number']),
  title: z.string().optional(),
  description: z.string().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  default: z.number().optional(),
})
export type NumberSchema = z.infer<typeof NumberSchemaSchema>

/** A yes/no field. */
export const BooleanSchemaSchema = z.looseObject({
  type: z.literal('boolean'),
  title: z.string().optional(),
  description: z.string().optional(),
  default: z.boolean().optional(),
})
export type BooleanSchema = z.infer<typeof BooleanSchemaSchema>

/** A choice of one value, shown as the values themselves. */
export const UntitledSingleSelectEnumSchemaSchema = z.looseObject({
  type: z.literal('string'),
  title: z.string().optional(),
  description: z.string().optional(),
  enum: z.array(z.string()),
  default: z.string().optional(),
})
export type UntitledSingleSelectEnumSchema = z.infer<typeof UntitledSingleSelectEnumSchemaSchema>

/** A value with the label to show for it. */
const TitledOptionSchema = z.looseObject({
  const: z.string(),
  title: z.string(),
})

/** A choice of one value, each with a label. */
export const TitledSingleSelectEnumSchemaSchema = z.looseObject({
  type: z.literal('string'),
  title: z.string().optional(),
  description: z.string().optional(),
  oneOf: z.array(TitledOptionSchema),
  default: z.string().optional(),
})
export type TitledSingleSelectEnumSchema = z.infer<typeof TitledSingleSelectEnumSchemaSchema>

/** A choice of several values, shown as the values themselves. */
export const UntitledMultiSelectEnumSchemaSchema = z.looseObject({
  type: z.literal('array'),
  title: z.string().optional(),
  description: z.string().optional(),
  minItems: z.number().int().optional(),
  maxItems: z.number().int().optional(),
  items: z.looseObject({
    type: z.literal('string'),
    enum: z.array(z.string()),
  }),
  default: z.array(z.string()).optional(),
})
export type UntitledMultiSelectEnumSchema = z.infer<typeof UntitledMultiSelectEnumSchemaSchema>

/** A choice of several values, each with a label. */
export const TitledMultiSelectEnumSchemaSchema = z.looseObject({
  type: z.literal('array'),
  title: z.string().optional(),
  description: z.string().optional(),
  minItems: z.number().int().optional(),
  maxItems: z.number().int().optional(),
  items: z.looseObject({
    anyOf: z.array(TitledOptionSchema),
  }),
  default: z.array(z.string()).optional(),
})
export type TitledMultiSelectEnumSchema = z.infer<typeof TitledMultiSelectEnumSchemaSchema>

/**
 * A choice of one value labelled with the non-standard `enumNames`. The spec deprecates it in
 * favour of {@link TitledSingleSelectEnumSchemaSchema}; it stays for older servers.
 */
export const LegacyTitledEnumSchemaSchema = z.looseObject({
  type: z.literal('string'),
  title: z.string().optional(),
  description: z.string().optional(),
  enum: z.array(z.string()),
  enumNames: z.array(z.string()).optional(),
  default: z.string().optional(),
})
export type LegacyTitledEnumSchema = z.infer<typeof LegacyTitledEnumSchemaSchema>

/** A single-select field, titled or not. */
export const SingleSelectEnumSchemaSchema = z.union([
  UntitledSingleSelectEnumSchemaSchema,
  TitledSingleSelectEnumSchemaSchema,
])
export type SingleSelectEnumSchema = z.infer<typeof SingleSelectEnumSchemaSchema>

/** A multi-select field, titled or not. */
export const MultiSelectEnumSchemaSchema = z.union([
  UntitledMultiSelectEnumSchemaSchema,
  TitledMultiSelectEnumSchemaSchema,
])
export type MultiSelectEnumSchema = z.infer<typeof MultiSelectEnumSchemaSchema>

/** Any enum field. */
export const EnumSchemaSchema = z.union([
  UntitledSingleSelectEnumSchemaSchema,
  TitledSingleSelectEnumSchemaSchema,
  UntitledMultiSelectEnumSchemaSchema,
  TitledMultiSelectEnumSchemaSchema,
  LegacyTitledEnumSchemaSchema,
])
export type EnumSchema = z.infer<typeof EnumSchemaSchema>

/** Any field a form elicitation may ask for. */
export const PrimitiveSchemaDefinitionSchema = z.union([
  StringSchemaSchema,
  NumberSchemaSchema,
  BooleanSchemaSchema,
  UntitledSingleSelectEnumSchemaSchema,
  TitledSingleSelectEnumSchemaSchema,
  UntitledMultiSelectEnumSchemaSchema,
  TitledMultiSelectEnumSchemaSchema,
  LegacyTitledEnumSchemaSchema,
])
export type PrimitiveSchemaDefinition = z.infer<typeof PrimitiveSchemaDefinitionSchema>
