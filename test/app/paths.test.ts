import { describe, expect, it } from 'vitest'
import { routes } from '../../src/router'
import { STATIC_ROUTE_PATHS } from '../../src/app/paths'

describe('static route pages', () => {
  it('lists every fixed route, so the build writes a page a plain server can answer', () => {
    const fixed = routes.map((r) => r.path).filter((p) => p !== '/' && !p.includes(':'))
    expect([...STATIC_ROUTE_PATHS].sort()).toEqual(fixed.sort())
  })
})
