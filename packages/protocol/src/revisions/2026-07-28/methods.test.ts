import { describe, expect, expectTypeOf, it } from 'vitest'
import { definitions, exampleOf, unionMethods } from './__fixtures__/official.js'
import { CallToolResultResponseSchema } from './tools.js'
import { methods } from './methods.js'
import { inputRequests } from './mrtr.js'

const sorted = (keys: Iterable<string>) => [...keys].sort()

describe('the 2026-07-28 method table', () => {
  it('has no server requests, as schema.json has no ServerRequest', () => {
    expect(definitions.ServerRequest).toBeUndefined()
    expect(Object.keys(methods.serverRequests)).toEqual([])
    expectTypeOf(methods.serverRequests).toEqualTypeOf<Record<string, never>>()
  })

  it('lists the input requests exactly as InputRequest does', () => {
    expect(sorted(Object.keys(inputRequests))).toEqual(sorted(unionMethods('InputRequest')))
  })

  it.each([
    ['server/discover', 'DiscoverRequest', 'DiscoverResult'],
    ['tools/list', 'ListToolsRequest', 'ListToolsResult'],
    ['tools/call', 'CallToolRequest', 'CallToolResult'],
    ['prompts/list', 'ListPromptsRequest', 'ListPromptsResult'],
    ['prompts/get', 'GetPromptRequest', 'GetPromptResult'],
    ['resources/list', 'ListResourcesRequest', 'ListResourcesResult'],
    ['resources/templates/list', 'ListResourceTemplatesRequest', 'ListResourceTemplatesResult'],
    ['resources/read', 'ReadResourceRequest', 'ReadResourceResult'],
    ['subscriptions/listen', 'SubscriptionsListenRequest', 'SubscriptionsListenResult'],
    ['completion/complete', 'CompleteRequest', 'CompleteResult'],
  ] as const)('%s takes the params of %s and answers with %s', (method, request, result) => {
    const entry = methods.clientRequests[method]
    expect(entry.params.safeParse(exampleOf(request).params).success).toBe(true)
    expect(entry.result.safeParse(exampleOf(result)).success).toBe(true)
  })

  it('lets only tools/call, prompts/get and resources/read answer with InputRequiredResult', () => {
    const inputRequired = exampleOf('InputRequiredResult')
    const answering = Object.entries(methods.clientRequests)
      .filter(([, entry]) => entry.result.safeParse(inputRequired).success)
      .map(([method]) => method)
    expect(sorted(answering)).toEqual(['prompts/get', 'resources/read', 'tools/call'])
  })

  it('reads resultType to tell an InputRequiredResult from a broken complete result', () => {
    const call = methods.clientRequests['tools/call'].result
    const empty = { resultType: 'complete' }
    expect(call.safeParse(empty).success).toBe(false)
    expect(call.safeParse({ resultType: 'input_required', requestState: 's' }).success).toBe(true)
    // The spec's own union lets the same result through as an InputRequiredResult.
    expect(
      CallToolResultResponseSchema.safeParse({ jsonrpc: '2.0', id: 1, result: empty }).success,
    ).toBe(true)
  })

  it('requires params, because every request carries _meta', () => {
    for (const [method, entry] of Object.entries(methods.clientRequests)) {
      expect(entry.params.safeParse(undefined).success, method).toBe(false)
      expect(entry.params.safeParse({}).success, method).toBe(false)
    }
  })

  it('takes the embedded requests and their answers of the official input examples', () => {
    const requests = exampleOf('InputRequests') as Record<
      string,
      { method: string; params: unknown }
    >
    const responses = exampleOf('InputResponses')
    for (const [key, request] of Object.entries(requests)) {
      const entry = inputRequests[request.method as keyof typeof inputRequests]
      expect(entry.params.safeParse(request.params).success, key).toBe(true)
      expect(entry.result.safeParse(responses[key]).success, key).toBe(true)
    }
  })
})
