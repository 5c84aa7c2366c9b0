/**
 * Loads the official `schema.json` of a protocol revision from the `shared` folder that sits
 * beside the repository (`<repo>/../shared/spec/schema/<version>/schema.json`).
 * @module
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ProtocolVersion } from '../../src/versions.js'

/** A JSON value as it appears in a schema instance. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/** A JSON object instance. */
export type JsonObject = { [key: string]: JsonValue }

/** The JSON Schema keywords the official MCP schemas use (draft-07 and 2020-12). */
export interface SchemaObject {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, SchemaNode>
  required?: string[]
  additionalProperties?: SchemaNode
  items?: SchemaNode
  anyOf?: SchemaNode[]
  oneOf?: SchemaNode[]
  allOf?: SchemaNode[]
  const?: JsonValue
  enum?: JsonValue[]
  format?: string
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
  description?: string
}

/** A schema is an object or, where the spec writes `true`, a boolean. */
export type SchemaNode = boolean | SchemaObject

/** One revision's official schema, ready for ajv and for the instance generator. */
export interface OfficialSchema {
  version: ProtocolVersion
  /** `draft-07` schemas keep definitions in `definitions`, 2020-12 ones in `$defs`. */
  draft: 'draft-07' | '2020-12'
  /** Where `$ref` pointers point: `#/definitions/` or `#/$defs/`. */
  refPrefix: string
  definitions: Record<string, SchemaNode>
  /** The whole document as read, for ajv. */
  document: Record<string, unknown>
  path: string
}

function findRepositoryRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(directory, 'pnpm-workspace.yaml'))) {
    const parent = dirname(directory)
    if (parent === directory) throw new Error('pnpm-workspace.yaml not found above the test folder')
    directory = parent
  }
  return directory
}

/** `<repo>/../shared/spec/schema`, where every revision's official schema lives. */
export function defaultSchemaRoot(): string {
  return resolve(findRepositoryRoot(), '..', 'shared', 'spec', 'schema')
}

const cache = new Map<string, OfficialSchema>()

/**
 * Reads and checks the official schema of `version`. Throws, naming the path it looked at, when
 * the file is missing: a missing oracle must fail the run, never skip it.
 */
export function loadOfficialSchema(
  version: ProtocolVersion,
  schemaRoot = defaultSchemaRoot(),
): OfficialSchema {
  const path = join(schemaRoot, version, 'schema.json')
  const cached = cache.get(path)
  if (cached) return cached
  if (!existsSync(path)) {
    throw new Error(
      `Official schema.json for ${version} not found: looked for ${path} ` +
        '(expected in the shared folder beside the repository: <repo>/../shared/spec/schema/<version>/schema.json)',
    )
  }
  const document = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  const declared = typeof document.$schema === 'string' ? document.$schema : ''
  const draft = declared.includes('2020-12') ? '2020-12' : 'draft-07'
  const key = draft === '2020-12' ? '$defs' : 'definitions'
  const definitions = document[key]
  if (!definitions || typeof definitions !== 'object') {
    throw new Error(`${path} has no "${key}" object although it declares ${declared}`)
  }
  const schema: OfficialSchema = {
    version,
    draft,
    refPrefix: `#/${key}/`,
    definitions: definitions as Record<string, SchemaNode>,
    document,
    path,
  }
  cache.set(path, schema)
  return schema
}

/** The definition names of a revision, sorted, as the `it.each` table of a test. */
export function definitionNames(schema: OfficialSchema): string[] {
  return Object.keys(schema.definitions).sort()
}
