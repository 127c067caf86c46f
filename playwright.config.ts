import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
// The server's data folder, made once in the runner and inherited by the test workers (which load this
// file again): a test may open the server's database to seed what the API no longer accepts.
process.env.WAYPOINT_E2E_DATA_DIR ??= `${process.env.TMPDIR ?? '/tmp'}/waypoint-e2e-${Date.now()}`;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/e2e.json' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A failing test leaves its trace (DOM snapshots, network, console) in test-results/.
    trace: 'retain-on-failure',
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
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
      ],
    },
  },
  // The real server: the built app and the sync API over a fresh SQLite file for each run.
  webServer: {
    command: `node --import tsx server/main.ts`,
    env: {
      PORT: String(port),
      DATA_DIR: process.env.WAYPOINT_E2E_DATA_DIR,
      LOG_LEVEL: 'warn',
    },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
