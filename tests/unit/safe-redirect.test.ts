import { describe, expect, it } from 'vitest'
import { isKringUrl, safeRedirectUrl } from '../../lib/server/http/safe-redirect'

const BASE = 'http://localhost:3000'

describe('where next-auth may send someone after signing in or out', () => {
  it('keeps paths and absolute URLs of Kring itself', () => {
    expect(safeRedirectUrl('/conferences/abc', BASE)).toBe('http://localhost:3000/conferences/abc')
    expect(safeRedirectUrl('http://localhost:3000/board/x?y=1', BASE)).toBe('http://localhost:3000/board/x?y=1')
  })

  it('sends everything else to the start page instead of failing', () => {
    for (const bad of [
      'http://localhost:3000.evil.example/',
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      'data:text/html,hi',
      'http://localhost:3001/',
      '',
      'not a url',
    ]) {
      expect(safeRedirectUrl(bad, BASE), bad).toBe('http://localhost:3000')
    }
  })
})

describe('isKringUrl', () => {
  it('tells a path or URL of Kring from anything else', () => {
    expect(isKringUrl('/login', BASE)).toBe(true)
    expect(isKringUrl('http://localhost:3000/x', BASE)).toBe(true)
    expect(isKringUrl('http://localhost:3000.evil.example/', BASE)).toBe(false)
    expect(isKringUrl('//evil.example', BASE)).toBe(false)
    expect(isKringUrl('javascript:alert(1)', BASE)).toBe(false)
  })
})
