import { defineConfig } from "@playwright/test";

/**
 * Browser tests in Debian's Chromium (Playwright cannot download its own browser here). The web server is a
 * production build on a fresh SQLite file, so every run starts from an empty database. Set E2E_BASE_URL to
 * run the specs against a server you started yourself.
 */
const port = Number(process.env.E2E_PORT ?? 3210);
const externalBaseUrl = process.env.E2E_BASE_URL;
const baseURL = externalBaseUrl ?? `http://127.0.0.1:${port}`;
const databaseFile = "tmp/e2e/archway.db";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL,
    browserName: "chromium",
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: externalBaseUrl
    ? undefined
    : {
        // scripts/start.mjs is what `npm start` serves with (loopback only, real client addresses, TRACE refused).
        command: `rm -rf tmp/e2e && mkdir -p tmp/e2e && npm run db:generate && npm run build && node scripts/start.mjs`,
        url: `${baseURL}/api/designs`,
        timeout: 600_000,
        reuseExistingServer: false,
        stdout: "ignore",
        stderr: "pipe",
        env: { DATABASE_URL: `file:./${databaseFile}`, NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: "", HOST: "127.0.0.1", PORT: String(port) },
      },
});
