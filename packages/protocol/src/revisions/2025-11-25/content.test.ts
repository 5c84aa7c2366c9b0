import { describe, expect, it } from 'vitest'
import { ContentBlockSchema, EmbeddedResourceSchema, PromptMessageSchema } from './index.js'

describe('ContentBlockSchema', () => {
  it.each([
    { type: 'text', text: 'Hello', annotations: { audience: ['user'], priority: 0.5 } },
    { type: 'image', data: 'iVBORw0KGgo=', mimeType: 'image/png' },
    { type: 'audio', data: 'UklGRg==', mimeType: 'audio/wav' },
    {
      type: 'resource_link',
      uri: 'file:///project/src/main.rs',
      name: 'main.rs',
      mimeType: 'text/x-rust',
      size: 1024,
    },
    {
      type: 'resource',
      resource: { uri: 'file:///project/README.md', mimeType: 'text/markdown', text: '# Hi' },
    },
  ])('accepts a $type block', (block) => {
    expect(ContentBlockSchema.parse(block)).toEqual(block)
  })

  it('rejects a block of an unknown type', () => {
    expect(ContentBlockSchema.safeParse({ type: 'video', data: 'AA==' }).success).toBe(false)
    expect(ContentBlockSchema.safeParse({ text: 'no type' }).success).toBe(false)
  })

  it('rejects sampling-only blocks, which tool results cannot hold', () => {
    const toolUse = { type: 'tool_use', id: 'call_1', name: 'x', input: {} }
    expect(ContentBlockSchema.safeParse(toolUse).success).toBe(false)
  })

  it('rejects an image without a MIME type and a text block without text', () => {
    expect(ContentBlockSchema.safeParse({ type: 'image', data: 'AA==' }).success).toBe(false)
    expect(ContentBlockSchema.safeParse({ type: 'text' }).success).toBe(false)
  })

  it('rejects a priority outside 0..1', () => {
    const block = { type: 'text', text: 'x', annotations: { priority: 2 } }
    expect(ContentBlockSchema.safeParse(block).success).toBe(false)
  })

  it('keeps unknown fields of a block and of its annotations', () => {
    const block = {
      type: 'text',
      text: 'x',
      annotations: { lastModified: 'now', tag: 1 },
      extra: true,
    }
    expect(ContentBlockSchema.parse(block)).toEqual(block)
  })
})

describe('EmbeddedResourceSchema', () => {
  it('accepts binary contents', () => {
    const block = { type: 'resource', resource: { uri: 'file:///a.png', blob: 'AA==' } }
    expect(EmbeddedResourceSchema.parse(block)).toEqual(block)
  })

  it('rejects contents with neither text nor blob', () => {
    const block = { type: 'resource', resource: { uri: 'file:///a.png' } }
    expect(EmbeddedResourceSchema.safeParse(block).success).toBe(false)
  })
})

describe('PromptMessageSchema', () => {
  it('holds exactly one content block with a role', () => {
    const message = { role: 'user', content: { type: 'text', text: 'Review this code' } }
    expect(PromptMessageSchema.parse(message)).toEqual(message)
    expect(PromptMessageSchema.safeParse({ ...message, content: [message.content] }).success).toBe(
      false,
    )
    expect(PromptMessageSchema.safeParse({ ...message, role: 'system' }).success).toBe(false)
  })
})
