/**
 * The Model Context Protocol for every revision: zod schemas and types, JSON-RPC, errors and the
 * transport-independent peer engine. No I/O.
 *
 * Every export is named here; there are no `export *` barrels.
 * @module
 */

// --- versions and negotiation ---------------------------------------------------------------
export { LATEST_PROTOCOL_VERSION, PROTOCOL_VERSIONS, type ProtocolVersion } from './versions.js'

// --- JSON-RPC 2.0 -----------------------------------------------------------------------------

// --- errors -----------------------------------------------------------------------------------

// --- revisions (one namespace per revision, spec names inside) --------------------------------

// --- peer engine ------------------------------------------------------------------------------

// --- tool names and JSON Schema -----------------------------------------------------------------
