/**
 * Loads one revision module of our package (`src/revisions/<version>/index.ts`) for the oracle.
 * @module
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ProtocolVersion } from '../../src/versions.js'

/** The path of a revision's module, for messages. */
export function revisionModuleUrl(version: ProtocolVersion): URL {
  return new URL(`../../src/revisions/${version}/index.ts`, import.meta.url)
}

/**
 * The exports of our revision module. Fails, naming the file, when the module does not exist yet.
 * The import is dynamic so the oracle can be typechecked before every revision is written.
 */
export async function importRevision(version: ProtocolVersion): Promise<Record<string, unknown>> {
  const url = revisionModuleUrl(version)
  if (!existsSync(url)) {
    throw new Error(`Revision module for ${version} not found: ${fileURLToPath(url)}`)
  }
  return (await import(url.href)) as Record<string, unknown>
}

/** The names of the `*Schema` exports of a module, sorted. */
export function schemaExportNames(module: Record<string, unknown>): string[] {
  return Object.keys(module)
    .filter((name) => name.endsWith('Schema'))
    .sort()
}
