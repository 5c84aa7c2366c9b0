/**
 * Annotations in 2024-11-05: no `Annotations` definition yet, but an `Annotated` base whose
 * `annotations` object each content block and resource spells out (the same audience and
 * priority that 2025-03-26 named `Annotations`).
 * @module
 */
import { z } from 'zod'
import { AnnotationsSchema } from '../2025-03-26/base.js'

/** The base of objects that carry optional annotations for the client. */
export const AnnotatedSchema = z.looseObject({
  annotations: AnnotationsSchema.optional(),
})
export type Annotated = z.infer<typeof AnnotatedSchema>
