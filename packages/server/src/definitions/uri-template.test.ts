import { describe, expect, it } from 'vitest'
import { UriTemplate } from './uri-template.js'

describe('UriTemplate', () => {
  it('matches simple variables and lists them', () => {
    const template = new UriTemplate('test://template/{id}/data')
    expect(template.variables).toEqual(['id'])
    expect(template.match('test://template/123/data')).toEqual({ id: '123' })
    expect(template.match('test://template/123/other')).toBeUndefined()
    expect(template.match('test://template/1/2/data')).toBeUndefined()
  })

  it('decodes percent-encoded values and expands them back', () => {
    const template = new UriTemplate('users://{name}/profile')
    expect(template.match('users://J%C3%BCrgen%20K/profile')).toEqual({ name: 'Jürgen K' })
    expect(template.expand({ name: 'Jürgen K' })).toBe('users://J%C3%BCrgen%20K/profile')
  })

  it('handles reserved, path, and query expressions', () => {
    expect(new UriTemplate('file:///{+path}').match('file:///a/b/c.txt')).toEqual({
      path: 'a/b/c.txt',
    })
    expect(new UriTemplate('repo://x{/owner,name}').match('repo://x/acme/tool')).toEqual({
      owner: 'acme',
      name: 'tool',
    })
    const search = new UriTemplate('search://items{?q,limit}')
    expect(search.match('search://items?q=red%20shoes&limit=5')).toEqual({
      q: 'red shoes',
      limit: '5',
    })
    expect(search.match('search://items')).toEqual({})
    expect(search.expand({ q: 'a b', limit: '2' })).toBe('search://items?q=a%20b&limit=2')
  })

  it('treats regular-expression characters in literals literally', () => {
    const template = new UriTemplate('x://a.b/{id}(1)')
    expect(template.match('x://a.b/7(1)')).toEqual({ id: '7' })
    expect(template.match('x://aXb/7(1)')).toBeUndefined()
  })

  it('rejects an unclosed expression', () => {
    expect(() => new UriTemplate('x://{id')).toThrow(/unclosed/)
  })
})
