import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROTOCOL_VERSIONS } from '../../src/versions.js'
import { defaultSchemaRoot, definitionNames, loadOfficialSchema } from './spec-schema.js'

describe('loadOfficialSchema', () => {
  it('fails, naming where it looked, when the shared folder is missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-spec-'))
    expect(() => loadOfficialSchema('2025-11-25', empty)).toThrow(
      join(empty, '2025-11-25', 'schema.json'),
    )
  })

  it('looks in the shared folder beside the repository', () => {
    expect(defaultSchemaRoot()).toMatch(/[/\\]shared[/\\]spec[/\\]schema$/)
  })

  it.each(PROTOCOL_VERSIONS)('reads %s with the definitions of its draft', (version) => {
    const schema = loadOfficialSchema(version)
    const draft = version >= '2025-11-25' ? '2020-12' : 'draft-07'
    expect(schema.draft).toBe(draft)
    expect(schema.refPrefix).toBe(draft === '2020-12' ? '#/$defs/' : '#/definitions/')
    expect(definitionNames(schema)).toContain('JSONRPCNotification')
  })
})
