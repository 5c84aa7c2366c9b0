/**
 * Writes the disagreements between our zod schemas and the official schema.json of a revision
 * as markdown, for the owners of `src/revisions/<version>`:
 *
 * node --import tsx test/official-schema/findings-report.ts 2025-11-25 /work/notes/oracle-findings-2025-11-25.md
 *
 * Formats are checked (ajv-formats); each disagreement says whether only a `format` is at stake.
 * @module
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { PROTOCOL_VERSIONS, type ProtocolVersion } from '../../src/versions.js'
import { createOracle } from './ajv-oracle.js'
import { compareDefinition, formatDisagreement, isParsingSchema } from './compare.js'
import type { Disagreement } from './compare.js'
import { instancesFor } from './instances.js'
import { importRevision, schemaExportNames } from './revision-module.js'
import { definitionNames, loadOfficialSchema } from './spec-schema.js'

/** A disagreement's cause without the instance path, so one cause groups many definitions. */
function causeOf(disagreement: Disagreement): string {
  const { ajv, zod } = disagreement
  const strip = (text: string | undefined) =>
    (text ?? '')
      .replace(/^\/\S*\s/, '')
      .replace(/\(#[^)]*\)/, '')
      .trim()
  if (ajv.valid && zod.valid) return `zod changes a valid value while parsing`
  if (ajv.valid) return `zod rejects what schema.json accepts: ${strip(zod.detail)}`
  return `zod accepts what schema.json rejects: ${strip(ajv.error)}`
}

async function report(version: ProtocolVersion): Promise<string> {
  const schema = loadOfficialSchema(version)
  const oracle = createOracle(schema)
  const withoutFormats = createOracle(schema, { formats: false })
  let formatOnly = 0
  const names = definitionNames(schema)
  const revision = await importRevision(version)
  const missing = names.filter((name) => !isParsingSchema(revision[`${name}Schema`]))
  const official = new Set(names.map((name) => `${name}Schema`))
  const extra = schemaExportNames(revision).filter((name) => !official.has(name))
  let compared = 0
  const byCause = new Map<string, Disagreement[]>()
  const perDefinition: string[] = []
  for (const name of names) {
    const zodSchema = revision[`${name}Schema`]
    if (!isParsingSchema(zodSchema)) continue
    const comparison = compareDefinition(oracle, name, zodSchema, instancesFor(schema, name))
    compared += comparison.compared
    if (comparison.disagreements.length > 0) {
      perDefinition.push(
        `| ${name} | ${comparison.disagreements.length} / ${comparison.compared} |`,
      )
    }
    for (const disagreement of comparison.disagreements) {
      const structural = withoutFormats.validate(name, disagreement.instance)
      if (structural.valid === disagreement.zod.valid && disagreement.zod.detail === undefined) {
        formatOnly++
      }
      const cause = causeOf(disagreement)
      byCause.set(cause, [...(byCause.get(cause) ?? []), disagreement])
    }
  }
  const total = [...byCause.values()].reduce((sum, list) => sum + list.length, 0)
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
  const lines = [
    `# Oracle findings: ${version}`,
    '',
    `Our zod schemas (\`src/revisions/${version}\`, working tree at ${commit}) compared with the`,
    `official \`schema.json\` (ajv ${schema.draft} with ajv-formats) on generated instances.`,
    `Re-run: \`cd packages/protocol && node --import tsx test/official-schema/findings-report.ts ${version}\``,
    '(the committed `test/official-schema.test.ts` checks the same instances with `format` as an annotation).',
    '',
    `- definitions: ${names.length}; exported as zod schemas: ${names.length - missing.length}`,
    `- instances compared: ${compared}`,
    `- disagreements: ${total} in ${perDefinition.length} definitions, ${byCause.size} distinct causes`,
    `- of which only a \`format\` is at stake (ajv without formats agrees with zod): ${formatOnly}`,
    '',
  ]
  if (missing.length > 0)
    lines.push('## Missing `*Schema` exports', '', ...missing.map((n) => `- ${n}Schema`), '')
  if (extra.length > 0)
    lines.push('## `*Schema` exports the schema.json lacks', '', ...extra.map((n) => `- ${n}`), '')
  if (byCause.size > 0) {
    lines.push('## Disagreements by cause', '')
    const causes = [...byCause.entries()].sort((a, b) => b[1].length - a[1].length)
    for (const [cause, list] of causes) {
      const definitions = [...new Set(list.map((item) => item.definition))]
      lines.push(`### ${cause}`, '', `${list.length} instances in: ${definitions.join(', ')}`, '')
      const examples = definitions
        .slice(0, 3)
        .map((name) => list.find((item) => item.definition === name)!)
      lines.push('```', ...examples.map((item) => formatDisagreement(item, 600)), '```', '')
    }
    lines.push(
      '## Per definition',
      '',
      '| definition | disagreements / instances |',
      '| --- | --- |',
    )
    lines.push(...perDefinition, '')
  }
  return lines.join('\n')
}

const [version, out] = process.argv.slice(2)
if (!PROTOCOL_VERSIONS.includes(version as ProtocolVersion)) {
  throw new Error(`Usage: findings-report.ts <${PROTOCOL_VERSIONS.join('|')}> [out.md]`)
}
const text = await report(version as ProtocolVersion)
if (out) writeFileSync(out, text)
else process.stdout.write(text)
