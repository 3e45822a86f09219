// Debian's Chromium driven by playwright-core: never a downloaded browser.
import { chromium } from "playwright-core";

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

// A phone-sized page that records console errors and requests that failed or left localhost.
export async function phonePage(browser, { javaScript = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const problems = [];
  // Failed loads are reported with their address by the response handler below.
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => {
    // With JavaScript off the browser itself blocks the script preload (reported as "csp"): expected.
    const blockedScript = !javaScript && r.failure()?.errorText === "csp";
    if (!blockedScript) problems.push(`failed (${r.failure()?.errorText}): ${r.url()}`);
  });
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on("request", (r) => {
    const host = new URL(r.url()).hostname;
    if (host !== "127.0.0.1" && host !== "localhost") problems.push(`third-party request: ${r.url()}`);
  });
  return { page, problems };
}
