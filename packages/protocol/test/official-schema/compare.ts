/**
 * Compares our zod schema of a definition with the official JSON Schema on a set of instances.
 * @module
 */
import { isDeepStrictEqual } from 'node:util'
import type { Oracle, OracleVerdict } from './ajv-oracle.js'
import type { LabelledInstance } from './mutate.js'
import type { JsonValue } from './spec-schema.js'

/** What this test needs of a zod schema. */
export interface ParsingSchema {
  safeParse(value: unknown): {
    success: boolean
    data?: unknown
    error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }
  }
}

/** Whether an export is a schema we can parse with (any zod 4 schema is). */
export function isParsingSchema(value: unknown): value is ParsingSchema {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { safeParse?: unknown }).safeParse === 'function'
  )
}

/** zod's verdict on one instance. */
export interface ZodVerdict {
  valid: boolean
  /** The first issue when invalid, or how the parsed value differs when it was changed. */
  detail?: string
}

/** An instance on which zod and ajv do not agree, or that zod changed while parsing. */
export interface Disagreement {
  definition: string
  label: string
  instance: JsonValue
  ajv: OracleVerdict
  zod: ZodVerdict
}

/** The outcome of comparing one definition. */
export interface Comparison {
  compared: number
  disagreements: Disagreement[]
}

function zodVerdict(schema: ParsingSchema, instance: JsonValue): ZodVerdict {
  const result = schema.safeParse(instance)
  if (!result.success) {
    const issue = result.error?.issues[0]
    const where = issue ? `/${issue.path.map(String).join('/')}` : ''
    return { valid: false, detail: issue ? `${where} ${issue.message}` : undefined }
  }
  // The contract: objects are loose and nothing transforms, so what parses is what was sent.
  if (!isDeepStrictEqual(result.data, instance)) {
    return { valid: true, detail: `parsed value differs: ${JSON.stringify(result.data)}` }
  }
  return { valid: true }
}

/** Runs every instance through ajv and through our schema and collects the disagreements. */
export function compareDefinition(
  oracle: Oracle,
  definition: string,
  schema: ParsingSchema,
  instances: LabelledInstance[],
): Comparison {
  const disagreements: Disagreement[] = []
  for (const { label, value } of instances) {
    const ajv = oracle.validate(definition, value)
    const zod = zodVerdict(schema, value)
    const changed = zod.valid && zod.detail !== undefined
    if (ajv.valid !== zod.valid || changed) {
      disagreements.push({ definition, label, instance: value, ajv, zod })
    }
  }
  return { compared: instances.length, disagreements }
}

function verdictText(valid: boolean, detail: string | undefined): string {
  return `${valid ? 'valid' : 'invalid'}${detail ? ` (${detail})` : ''}`
}

/** One disagreement as readable text: definition, how the instance was made, it, both verdicts. */
export function formatDisagreement(disagreement: Disagreement, maxInstanceLength = 1500): string {
  const json = JSON.stringify(disagreement.instance)
  const shown = json.length > maxInstanceLength ? `${json.slice(0, maxInstanceLength)}…` : json
  return [
    `${disagreement.definition}: ${disagreement.label}`,
    `  instance: ${shown}`,
    `  ajv (official schema.json): ${verdictText(disagreement.ajv.valid, disagreement.ajv.error)}`,
    `  zod (our schema):           ${verdictText(disagreement.zod.valid, disagreement.zod.detail)}`,
  ].join('\n')
}

/** The disagreements of one definition as a failure message (the first `limit` in full). */
export function formatDisagreements(version: string, comparison: Comparison, limit = 6): string {
  const { disagreements, compared } = comparison
  const shown = disagreements.slice(0, limit).map((item) => formatDisagreement(item))
  const more = disagreements.length - shown.length
  return [
    `${version}: our schema disagrees with the official schema.json on ${disagreements.length} of ${compared} instances`,
    ...shown,
    ...(more > 0 ? [`… and ${more} more`] : []),
  ].join('\n\n')
}
