/**
 * The official 2026-07-28 `schema.json` and examples, read from the `shared` folder beside the
 * repository (`<repo>/../shared/spec/schema/2026-07-28`), for the tests of this folder.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const schemaRoot = fileURLToPath(
  new URL('../../../../../../../shared/spec/schema/', import.meta.url),
)
const root = `${schemaRoot}2026-07-28/`

interface Definition {
  [keyword: string]: unknown
  $ref?: string
  anyOf?: Definition[]
  properties?: Record<string, Definition>
  required?: string[]
  const?: unknown
}

function loadDefinitions(version: string): Record<string, Definition> {
  const path = `${schemaRoot}${version}/schema.json`
  return (JSON.parse(readFileSync(path, 'utf8')) as { $defs: Record<string, Definition> }).$defs
}

/** Every definition of the official 2026-07-28 schema, by name. */
export const definitions = loadDefinitions('2026-07-28')

function refName(ref: string): string {
  return ref.slice('#/$defs/'.length)
}

/** The definitions a union (`anyOf` of `$ref`s, or a single definition) is made of. */
export function unionMembers(name: string): string[] {
  const definition = definitions[name]
  if (definition === undefined) throw new Error(`${name} is not in schema.json`)
  if (definition.anyOf === undefined) return [name]
  return definition.anyOf.map((member) => refName(member.$ref!))
}

/** The `method` constant of a request or notification definition. */
export function methodOf(name: string): string {
  const method = definitions[name]?.properties?.method?.const
  if (typeof method !== 'string') throw new Error(`${name} has no method constant`)
  return method
}

/** The methods of a union of requests or notifications. */
export function unionMethods(name: string): string[] {
  return unionMembers(name).map(methodOf)
}

/** Every official example file: the definition it belongs to, its name and its path. */
export function exampleFiles(): { type: string; file: string; path: string }[] {
  return readdirSync(`${root}examples/`, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((folder) =>
      readdirSync(`${root}examples/${folder.name}`)
        .filter((file) => file.endsWith('.json'))
        .map((file) => ({
          type: folder.name,
          file,
          path: `${root}examples/${folder.name}/${file}`,
        })),
    )
}

/** The official examples of one definition, parsed. */
export function examplesOf(name: string): unknown[] {
  const folder = `${root}examples/${name}/`
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(`${folder}${file}`, 'utf8')) as unknown)
}

/** The first official example of one definition. */
export function exampleOf(name: string): Record<string, unknown> {
  const [example] = examplesOf(name)
  if (example === undefined) throw new Error(`No official example of ${name}`)
  return example as Record<string, unknown>
}

/**
 * Writes a definition the way its meaning reads: no descriptions, and `_meta: MetaObject` or an
 * object open to anything written as the plain `{ type: 'object' }` it is equivalent to.
 */
function normalize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalize)
  if (typeof node !== 'object' || node === null) return node
  const entries = Object.entries(node).filter(([key]) => key !== 'description')
  const result = Object.fromEntries(entries.map(([key, value]) => [key, normalize(value)]))
  if (result.$ref === '#/$defs/MetaObject') return { type: 'object' }
  if (result.type === 'object') {
    const open = result.additionalProperties
    if (open === true || (typeof open === 'object' && Object.keys(open as object).length === 0)) {
      delete result.additionalProperties
    }
    if (JSON.stringify(result.properties) === '{}') delete result.properties
  }
  return result
}

function references(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => references(item, found))
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.add(refName(value))
      else references(value, found)
    }
  }
  return found
}

/**
 * The 2026-07-28 definitions whose meaning is the same as in 2025-11-25: identical once
 * normalised, and referring to no definition that changed or is new (`MetaObject` aside, which
 * only names the open object 2025-11-25 wrote inline).
 */
export function unchangedSinceTrunk(): string[] {
  const trunk = loadDefinitions('2025-11-25')
  const kept = Object.keys(definitions).filter((name) => name in trunk)
  const changed = new Set(
    kept.filter(
      (name) =>
        JSON.stringify(normalize(trunk[name])) !== JSON.stringify(normalize(definitions[name])),
    ),
  )
  const added = Object.keys(definitions).filter((name) => !(name in trunk) && name !== 'MetaObject')
  for (let grew = true; grew;) {
    grew = false
    for (const name of kept) {
      if (changed.has(name)) continue
      const refs = [...references(definitions[name])]
      if (refs.some((ref) => changed.has(ref) || added.includes(ref))) {
        changed.add(name)
        grew = true
      }
    }
  }
  return kept.filter((name) => !changed.has(name))
}
