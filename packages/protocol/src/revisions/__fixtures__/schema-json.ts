/**
 * Reads the official `schema.json` of any revision, which sits beside the repository in
 * `<repo>/../shared/spec/schema/<version>/`. Draft-07 schemas (2024-11-05 to 2025-06-18) keep
 * their definitions under `definitions`, 2020-12 schemas (2025-11-25 on) under `$defs`.
 * @module
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ProtocolVersion } from '../../versions.js'

/** A JSON Schema node of the official schema, as far as these tests look into it. */
export interface JsonSchemaNode {
  $ref?: string
  anyOf?: JsonSchemaNode[]
  properties?: Record<string, JsonSchemaNode>
  const?: unknown
}

/** Every definition of the official `schema.json` of `version`, by name. */
export function officialDefinitions(version: ProtocolVersion): Record<string, JsonSchemaNode> {
  const url = new URL(
    `../../../../../../shared/spec/schema/${version}/schema.json`,
    import.meta.url,
  )
  const schema = JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as {
    definitions?: Record<string, JsonSchemaNode>
    $defs?: Record<string, JsonSchemaNode>
  }
  const definitions = schema.$defs ?? schema.definitions
  if (definitions === undefined) throw new Error(`${version}/schema.json has no definitions`)
  return definitions
}

/**
 * The `method` const of every member of a union definition such as `ClientRequest`: one method
 * for a definition that is a single message rather than a union, none for an absent one.
 */
export function unionMethods(version: ProtocolVersion, union: string): string[] {
  const definitions = officialDefinitions(version)
  const definition = definitions[union]
  if (definition === undefined) return []
  const members = definition.anyOf?.map((member) => member.$ref?.split('/').pop() ?? '') ?? [union]
  return members.map((name) => {
    const method = definitions[name]?.properties?.method?.const
    if (typeof method !== 'string') throw new Error(`${union} member ${name} has no method const`)
    return method
  })
}
