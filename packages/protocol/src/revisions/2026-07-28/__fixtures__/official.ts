/**
 * The official 2026-07-28 `schema.json` and examples, read from the `shared` folder beside the
 * repository (`<repo>/../shared/spec/schema/2026-07-28`), for the tests of this folder.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(
  new URL('../../../../../../../shared/spec/schema/2026-07-28/', import.meta.url),
)

interface Definition {
  $ref?: string
  anyOf?: Definition[]
  properties?: Record<string, Definition>
  required?: string[]
  const?: unknown
}

/** Every definition of the official schema, by name. */
export const definitions = (
  JSON.parse(readFileSync(`${root}schema.json`, 'utf8')) as { $defs: Record<string, Definition> }
).$defs

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
