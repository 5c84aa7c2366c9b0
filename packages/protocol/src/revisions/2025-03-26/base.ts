/**
 * The annotations of 2025-03-26, the revision that named them `Annotations`: audience and
 * priority, without the `lastModified` of 2025-06-18.
 * @module
 */
import type { z } from 'zod'
import * as trunk from '../2025-11-25/base.js'

/** Hints to the client about how to use or display an object. */
export const AnnotationsSchema = trunk.AnnotationsSchema.omit({ lastModified: true })
export type Annotations = z.infer<typeof AnnotationsSchema>
