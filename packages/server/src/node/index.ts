/**
 * Node.js helpers: start a server on node:http in one line.
 * @module
 */
export {}
