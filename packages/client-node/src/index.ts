/**
 * A `fetch` for Node on `node:http` with keep-alive connections, for `@mcp-sse/client`'s `fetch`
 * option: `connect(url, { fetch: nodeFetch })`. Node's global fetch (undici, web streams) spends
 * several times more CPU per request; this one builds the web `Response` only at the end.
 *
 * Every export is named here.
 * @module
 */
export { createNodeFetch, nodeFetch, type NodeFetch, type NodeFetchOptions } from './node-fetch.js'
