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
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()}`));
  page.on("request", (r) => {
    const host = new URL(r.url()).hostname;
    if (host !== "127.0.0.1" && host !== "localhost") problems.push(`third-party request: ${r.url()}`);
  });
  return { page, problems };
}
