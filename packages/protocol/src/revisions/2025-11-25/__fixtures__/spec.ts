/**
 * Reads the JSON examples of the official 2025-11-25 spec pages, which sit beside the repository
 * (`<repo>/../shared/spec/docs/2025-11-25`).
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const specRoot = fileURLToPath(new URL('../../../../../../../shared/spec/', import.meta.url))

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
