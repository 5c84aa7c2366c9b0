import { describe } from 'vitest'
import { PROTOCOL_VERSIONS } from '../src/versions.js'
import { defineRevisionOracle } from './official-schema/oracle-suite.js'

describe.each(PROTOCOL_VERSIONS)('%s against the official schema.json', (version) => {
  defineRevisionOracle(version)
})
