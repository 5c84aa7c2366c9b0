/**
 * The everything server's resources and prompts.
 * @module
 */
import type { McpServer } from '@mcp-sse/server'
import { z } from 'zod'
import { RED_PIXEL_PNG } from './media.js'

/** Registers the fixture resources and the template. */
export function registerResources(server: McpServer): void {
  server.resource(
    'test://static-text',
    { name: 'static-text', description: 'A static text resource', mimeType: 'text/plain' },
    (uri) => ({
      contents: [
        { uri, mimeType: 'text/plain', text: 'This is the content of the static text resource.' },
      ],
    }),
  )
  server.resource(
    'test://static-binary',
    { name: 'static-binary', description: 'A static binary resource (PNG)', mimeType: 'image/png' },
    (uri) => ({ contents: [{ uri, mimeType: 'image/png', blob: RED_PIXEL_PNG }] }),
  )
  server.resource(
    'test://watched-resource',
    {
      name: 'watched-resource',
      description: 'A resource clients can subscribe to',
      mimeType: 'text/plain',
    },
    (uri) => ({ contents: [{ uri, mimeType: 'text/plain', text: 'Watched resource content.' }] }),
  )
  server.resourceTemplate(
    'test://template/{id}/data',
    {
      name: 'template-data',
      description: 'Data for an id',
      mimeType: 'application/json',
      complete: { id: (value) => ['123', '456', '789'].filter((id) => id.startsWith(value)) },
    },
    (uri, { id = '' }) => ({
      contents: [
        {
          uri,
          mimeType: 'application/json',
          text: JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` }),
        },
      ],
    }),
  )
}

/** Registers the fixture prompts. */
export function registerPrompts(server: McpServer): void {
  server.prompt('test_simple_prompt', { description: 'A simple prompt without arguments' }, () => ({
    messages: [
      { role: 'user', content: { type: 'text', text: 'This is a simple prompt for testing.' } },
    ],
  }))

  server.prompt(
    'test_prompt_with_arguments',
    {
      description: 'A prompt with two arguments',
      arguments: z.object({
        arg1: z.string().describe('First test argument'),
        arg2: z.string().describe('Second test argument'),
      }),
      complete: {
        arg1: (value) => ['paris', 'park', 'party'].filter((word) => word.startsWith(value)),
      },
    },
    ({ arg1, arg2 }) => ({
      messages: [
        {
          role: 'user',
          content: { type: 'text', text: `Prompt with arguments: arg1='${arg1}', arg2='${arg2}'` },
        },
      ],
    }),
  )

  server.prompt(
    'test_prompt_with_embedded_resource',
    {
      description: 'A prompt that embeds a resource',
      arguments: z.object({ resourceUri: z.string().describe('URI of the resource to embed') }),
    },
    ({ resourceUri }) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'resource',
            resource: {
              uri: resourceUri,
              mimeType: 'text/plain',
              text: 'Embedded resource content for testing.',
            },
          },
        },
        {
          role: 'user',
          content: { type: 'text', text: 'Please process the embedded resource above.' },
        },
      ],
    }),
  )

  server.prompt('test_prompt_with_image', { description: 'A prompt with an image' }, () => ({
    messages: [
      { role: 'user', content: { type: 'image', data: RED_PIXEL_PNG, mimeType: 'image/png' } },
      { role: 'user', content: { type: 'text', text: 'Please analyze the image above.' } },
    ],
  }))
}
