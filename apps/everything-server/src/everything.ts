/**
 * The "everything" server: every fixture the official MCP conformance suite
 * (`@modelcontextprotocol/conformance`) expects of a server, built on `@mcp-sse/server`, for the
 * 2025-11-25 and the 2026-07-28 requirement sets (one server, one endpoint).
 * @module
 */
import { McpServer, type McpServerOptions } from '@mcp-sse/server'
import { z } from 'zod'
import { RED_PIXEL_PNG, SILENT_WAV } from './media.js'
import { registerPrompts, registerResources } from './resources-and-prompts.js'
import { registerStatelessFixtures } from './stateless-fixtures.js'

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms)
  })

/** The JSON Schema 2020-12 the `json-schema-2020-12` scenario expects to find unchanged. */
export const JSON_SCHEMA_2020_12 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  $defs: {
    address: {
      $anchor: 'addressDef',
      type: 'object',
      properties: { street: { type: 'string' }, city: { type: 'string' } },
    },
  },
  properties: {
    name: { type: 'string' },
    address: { $ref: '#/$defs/address' },
    contactMethod: { type: 'string', enum: ['phone', 'email'] },
    phone: { type: 'string' },
    email: { type: 'string' },
  },
  allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
  if: { properties: { contactMethod: { const: 'phone' } }, required: ['contactMethod'] },
  then: { required: ['phone'] },
  else: { required: ['email'] },
  additionalProperties: false,
}

/** Registers every fixture tool. */
function registerTools(server: McpServer): void {
  server.tool('test_simple_text', { description: 'Returns simple text' }, () => ({
    content: [{ type: 'text', text: 'This is a simple text response for testing.' }],
  }))

  server.tool('test_image_content', { description: 'Returns an image (1x1 red PNG)' }, () => ({
    content: [{ type: 'image', data: RED_PIXEL_PNG, mimeType: 'image/png' }],
  }))

  server.tool('test_audio_content', { description: 'Returns audio (a silent WAV)' }, () => ({
    content: [{ type: 'audio', data: SILENT_WAV, mimeType: 'audio/wav' }],
  }))

  server.tool('test_embedded_resource', { description: 'Returns an embedded resource' }, () => ({
    content: [
      {
        type: 'resource',
        resource: {
          uri: 'test://embedded-resource',
          mimeType: 'text/plain',
          text: 'This is an embedded resource content.',
        },
      },
    ],
  }))

  server.tool(
    'test_multiple_content_types',
    { description: 'Returns text, image and resource' },
    () => ({
      content: [
        { type: 'text', text: 'Multiple content types test:' },
        { type: 'image', data: RED_PIXEL_PNG, mimeType: 'image/png' },
        {
          type: 'resource',
          resource: {
            uri: 'test://mixed-content-resource',
            mimeType: 'application/json',
            text: JSON.stringify({ test: 'data', value: 123 }),
          },
        },
      ],
    }),
  )

  server.tool(
    'test_tool_with_logging',
    { description: 'Logs three messages while it runs' },
    async (_args, ctx) => {
      await ctx.log('info', 'Tool execution started')
      await sleep(50)
      await ctx.log('info', 'Tool processing data')
      await sleep(50)
      await ctx.log('info', 'Tool execution completed')
      return { content: [{ type: 'text', text: 'Tool with logging executed successfully' }] }
    },
  )

  server.tool('test_error_handling', { description: 'Always fails' }, () => {
    throw new Error('This tool intentionally returns an error for testing')
  })

  server.tool(
    'test_tool_with_progress',
    { description: 'Reports progress 0, 50, 100' },
    async (_args, ctx) => {
      await ctx.progress(0, 100)
      await sleep(50)
      await ctx.progress(50, 100)
      await sleep(50)
      await ctx.progress(100, 100)
      return { content: [{ type: 'text', text: 'Tool with progress executed successfully' }] }
    },
  )

  server.tool(
    'test_sampling',
    {
      description: 'Asks the client LLM',
      inputSchema: z.object({ prompt: z.string().describe('The prompt') }),
    },
    async ({ prompt }, ctx) => {
      const answer = await ctx.sample({
        messages: [{ role: 'user', content: { type: 'text', text: prompt } }],
        maxTokens: 100,
      })
      const content = Array.isArray(answer.content) ? answer.content[0] : answer.content
      const text = content?.type === 'text' ? content.text : JSON.stringify(content)
      return { content: [{ type: 'text', text: `LLM response: ${text}` }] }
    },
  )

  server.tool(
    'test_elicitation',
    {
      description: 'Asks the user for a username and email',
      inputSchema: z.object({ message: z.string().describe('The message to show the user') }),
    },
    async ({ message }, ctx) => {
      const answer = await ctx.elicit({
        message,
        requestedSchema: {
          type: 'object',
          properties: {
            username: { type: 'string', description: "User's response" },
            email: { type: 'string', description: "User's email address" },
          },
          required: ['username', 'email'],
        },
      })
      return {
        content: [
          {
            type: 'text',
            text: `User response: action=${answer.action}, content=${JSON.stringify(answer.content ?? {})}`,
          },
        ],
      }
    },
  )

  server.tool(
    'test_elicitation_sep1034_defaults',
    { description: 'Elicits with a default for every primitive type (SEP-1034)' },
    async (_args, ctx) => {
      const answer = await ctx.elicit({
        message: 'Please review and update the form fields with defaults',
        requestedSchema: {
          type: 'object',
          properties: {
            name: { type: 'string', description: 'User name', default: 'John Doe' },
            age: { type: 'integer', description: 'User age', default: 30 },
            score: { type: 'number', description: 'User score', default: 95.5 },
            status: {
              type: 'string',
              description: 'User status',
              enum: ['active', 'inactive', 'pending'],
              default: 'active',
            },
            verified: { type: 'boolean', description: 'Verification status', default: true },
          },
        },
      })
      return {
        content: [
          {
            type: 'text',
            text: `Elicitation completed: action=${answer.action}, content=${JSON.stringify(answer.content ?? {})}`,
          },
        ],
      }
    },
  )

  server.tool(
    'test_elicitation_sep1330_enums',
    { description: 'Elicits with every enum variant (SEP-1330)' },
    async (_args, ctx) => {
      const answer = await ctx.elicit({
        message: 'Please select options from the enum fields',
        requestedSchema: {
          type: 'object',
          properties: {
            untitledSingle: {
              type: 'string',
              description: 'Select one option',
              enum: ['option1', 'option2', 'option3'],
            },
            titledSingle: {
              type: 'string',
              description: 'Select one option with titles',
              oneOf: [
                { const: 'value1', title: 'First Option' },
                { const: 'value2', title: 'Second Option' },
                { const: 'value3', title: 'Third Option' },
              ],
            },
            legacyEnum: {
              type: 'string',
              description: 'Select one option (legacy)',
              enum: ['opt1', 'opt2', 'opt3'],
              enumNames: ['Option One', 'Option Two', 'Option Three'],
            },
            untitledMulti: {
              type: 'array',
              description: 'Select multiple options',
              minItems: 1,
              maxItems: 3,
              items: { type: 'string', enum: ['option1', 'option2', 'option3'] },
            },
            titledMulti: {
              type: 'array',
              description: 'Select multiple options with titles',
              minItems: 1,
              maxItems: 3,
              items: {
                anyOf: [
                  { const: 'value1', title: 'First Choice' },
                  { const: 'value2', title: 'Second Choice' },
                  { const: 'value3', title: 'Third Choice' },
                ],
              },
            },
          },
          required: [],
        },
      })
      return {
        content: [
          {
            type: 'text',
            text: `Elicitation completed: action=${answer.action}, content=${JSON.stringify(answer.content ?? {})}`,
          },
        ],
      }
    },
  )

  server.tool(
    'json_schema_2020_12_tool',
    { description: 'Tool with JSON Schema 2020-12 features', inputSchema: JSON_SCHEMA_2020_12 },
    (args) => ({ content: [{ type: 'text', text: `Received: ${JSON.stringify(args)}` }] }),
  )

  server.tool(
    'test_reconnection',
    {
      description:
        'Closes its SSE connection mid-call; the result arrives after the client resumes (SEP-1699)',
    },
    async (_args, ctx) => {
      ctx.closeStream()
      await sleep(100)
      return { content: [{ type: 'text', text: 'Reconnection test completed successfully' }] }
    },
  )
}

/**
 * Builds the everything server.
 *
 * @example
 * ```ts
 * const server = createEverythingServer()
 * await serve(server, { port: 3001 })
 * ```
 */
export function createEverythingServer(options: McpServerOptions = {}): McpServer {
  const server = new McpServer(
    {
      name: 'mcp-sse-everything-server',
      title: 'mcp-sse everything server',
      version: '1.0.0',
      instructions: 'A server with every fixture the MCP conformance suite expects.',
    },
    options,
  )
  registerTools(server)
  registerResources(server)
  registerPrompts(server)
  registerStatelessFixtures(server)
  return server
}

export { RED_PIXEL_PNG, SILENT_WAV }
