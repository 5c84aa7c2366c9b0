/**
 * Reads the official 2025-11-25 material that sits beside the repository
 * (`<repo>/../shared/spec/`): the `schema.json` and the JSON examples of the spec pages.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const specRoot = fileURLToPath(new URL('../../../../../../../shared/spec/', import.meta.url))

/** A JSON Schema node of the official schema, as far as these tests look into it. */
export interface JsonSchemaNode {
  $ref?: string
  anyOf?: JsonSchemaNode[]
  properties?: Record<string, JsonSchemaNode>
  const?: unknown
}

/** The official `schema.json` of 2025-11-25. */
export function officialSchema(): { $defs: Record<string, JsonSchemaNode> } {
  const path = join(specRoot, 'schema/2025-11-25/schema.json')
  return JSON.parse(readFileSync(path, 'utf8')) as { $defs: Record<string, JsonSchemaNode> }
}

/** The `method` const of every member of a union definition such as `ClientRequest`. */
export function unionMethods(union: string): string[] {
  const { $defs } = officialSchema()
  return ($defs[union]?.anyOf ?? []).map((member) => {
    const name = member.$ref?.replace('#/$defs/', '') ?? ''
    const method = $defs[name]?.properties?.method?.const
    if (typeof method !== 'string') throw new Error(`${union} member ${name} has no method const`)
    return method
  })
}

/** One JSON code block of a spec page that parsed as JSON. */
export interface SpecExample {
  /** The page, relative to the revision's docs folder. */
  page: string
  /** The page and the block's position in it. */
  where: string
  value: unknown
}

function pages(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name)
    if (entry.isDirectory()) return pages(path)
    return entry.name.endsWith('.mdx') ? [path] : []
  })
}

/** Every ```json block of the 2025-11-25 spec pages that is valid JSON, in page order. */
export function specExamples(): SpecExample[] {
  const docs = join(specRoot, 'docs/2025-11-25')
  return pages(docs)
    .sort()
    .flatMap((page) => {
      const text = readFileSync(page, 'utf8')
      const blocks = [...text.matchAll(/```json[^\n]*\n([\s\S]*?)```/g)]
      return blocks.flatMap((block, index) => {
        try {
          const value: unknown = JSON.parse(block[1] ?? '')
          const name = relative(docs, page)
          return [{ page: name, where: `${name} #${index + 1}`, value }]
        } catch {
          return [] // a block with comments or ellipses, not meant as a literal message
        }
      })
    })
}
