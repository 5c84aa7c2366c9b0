import { describe, expect, it } from 'vitest'
import type { ProtocolVersion } from '../versions.js'
import { officialDefinitions } from './__fixtures__/schema-json.js'
import * as v2024_11_05 from './2024-11-05/index.js'
import * as v2025_03_26 from './2025-03-26/index.js'
import * as v2025_06_18 from './2025-06-18/index.js'
import * as v2025_11_25 from './2025-11-25/index.js'
import * as v2026_07_28 from './2026-07-28/index.js'

// Each revision, the number of definitions of its schema.json, and definitions of other
// revisions it must not have.
const namespaces: [ProtocolVersion, Record<string, unknown>, number, string[]][] = [
  [
    '2024-11-05',
    v2024_11_05,
    79,
    ['AudioContent', 'Annotations', 'ToolAnnotations', 'ElicitRequest'],
  ],
  ['2025-03-26', v2025_03_26, 83, ['ElicitRequest', 'ContentBlock']],
  ['2025-06-18', v2025_06_18, 91, ['Task', 'JSONRPCErrorResponse']],
  ['2025-11-25', v2025_11_25, 145, ['DiscoverRequest', 'InputRequiredResult']],
  ['2026-07-28', v2026_07_28, 155, ['InitializeRequest', 'Task']],
]

describe.each(namespaces)('the %s namespace', (version, namespace, count, absent) => {
  const definitions = Object.keys(officialDefinitions(version))

  it('has a schema for every definition of the official schema.json', () => {
    const missing = definitions.filter((name) => !(`${name}Schema` in namespace))
    expect(missing).toEqual([])
    expect(definitions).toHaveLength(count)
  })

  it('exports nothing the official schema.json does not define', () => {
    const extra = Object.keys(namespace).filter(
      (name) => !definitions.includes(name.replace(/Schema$/, '')),
    )
    expect(extra).toEqual([])
    for (const name of absent) expect(`${name}Schema` in namespace, name).toBe(false)
  })
})
