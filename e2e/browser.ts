import { existsSync } from 'node:fs'
import type { LaunchOptions } from '@playwright/test'

/**
 * Debian's Chromium where it is installed (this machine and CI cannot download Playwright's
 * browsers); Playwright's own browser elsewhere.
 */
export const SYSTEM_CHROMIUM = process.env.YORISOI_CHROMIUM ?? '/usr/bin/chromium'

export function launchOptions(extraArgs: string[] = []): LaunchOptions {
  const args = [
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    ...extraArgs,
  ]
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: ['--no-sandbox', ...args] }
  return { args }
}
