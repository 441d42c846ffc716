import { defineConfig, devices } from '@playwright/test';

// Browser tests of motcua against a running server (see run.sh, which starts one on a free
// port with a fresh database and sets MOTCUA_URL).
//
// The browser is Debian's Chromium (`apt-get install chromium`), not one downloaded by
// `npx playwright install`: the tests must run where only the distribution's packages are
// available. Override the path with CHROMIUM_PATH if yours lives elsewhere.

const baseURL = process.env.MOTCUA_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  testDir: 'tests',
  // One worker: a 2-core machine also runs the server, and the tests share its database.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  // Generous: a slow machine, a release server compiled for size and a WebAssembly island.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    // A phone: the public mostly files from one.
    viewport: { width: 360, height: 640 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 360, height: 640 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
