/**
 * Reads the official `schema.json` of the revisions derived from the trunk (2024-11-05 to
 * 2025-06-18, draft-07 schemas with `definitions`), which sits beside the repository in
 * `<repo>/../shared/spec/schema/<version>/`.
 * @module
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The revisions whose schema.json keeps its definitions under `definitions`. */
export type LegacyVersion = '2024-11-05' | '2025-03-26' | '2025-06-18'

/** A JSON Schema node of the official schema, as far as these tests look into it. */
export interface JsonSchemaNode {
  $ref?: string
  anyOf?: JsonSchemaNode[]
  properties?: Record<string, JsonSchemaNode>
  const?: unknown
}

/** Every definition of the official `schema.json` of `version`, by name. */
export function officialDefinitions(version: LegacyVersion): Record<string, JsonSchemaNode> {
  const url = new URL(
    `../../../../../../../shared/spec/schema/${version}/schema.json`,
    import.meta.url,
  )
  const schema = JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as {
    definitions: Record<string, JsonSchemaNode>
  }
  return schema.definitions
}

/** The `method` const of every member of a union definition such as `ClientRequest`. */
export function unionMethods(version: LegacyVersion, union: string): string[] {
  const definitions = officialDefinitions(version)
  return (definitions[union]?.anyOf ?? []).map((member) => {
    const name = member.$ref?.replace('#/definitions/', '') ?? ''
    const method = definitions[name]?.properties?.method?.const
    if (typeof method !== 'string') throw new Error(`${union} member ${name} has no method const`)
    return method
  })
}
