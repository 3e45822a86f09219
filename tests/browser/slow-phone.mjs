// Measures child pages as a cheap phone on a slow connection gets them: bytes on the wire on a first
// visit, first paint, and when the page's islands run. For docs/page-weight.md; not a test.
// Profile: 1.6 Mbps down, 750 kbps up, 150 ms round trip, CPU 4× slower.
// Usage: node slow-phone.mjs <base-url of a --demo server>
import { launch } from "./chromium.mjs";
import { CODE, PIN, childPhone } from "./child-common.mjs";

const [base] = process.argv.slice(2);
const PAGES = ["/sign-in", "/me", "/me/views/worries", "/me/views/anything-else", "/me/who-sees", "/me/check", "/not-safe"];

async function signedInCookies(browser) {
  const phone = await childPhone(browser);
  await phone.page.goto(base + "/sign-in");
  await phone.page.getByLabel("Your code").fill(CODE);
  await phone.page.getByLabel("Your PIN").fill(PIN);
  await phone.page.getByRole("button", { name: "Sign in" }).click();
  await phone.page.waitForURL((url) => url.pathname === "/me");
  const cookies = await phone.page.context().cookies();
  await phone.page.context().close();
  return cookies;
}

async function measure(browser, cookies, path) {
  const phone = await childPhone(browser);
  const { page } = phone;
  if (path !== "/sign-in") await page.context().addCookies(cookies);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const start = Date.now();
  await page.goto(base + path, { waitUntil: "load", timeout: 60000 });
  const islands = await page.locator("leptos-island").count();
  const hydratedAt = islands || (await page.locator("script[type=module]").count())
    ? await page.waitForSelector('main[data-hydrated="true"]', { timeout: 60000 }).then(() => Date.now() - start, () => null)
    : null;
  await page.waitForLoadState("networkidle");
  const paint = await page.evaluate(() =>
    performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint")?.startTime ?? null);
  const bytes = phone.transfers.reduce((n, t) => n + t.bytes, 0);
  const bundle = phone.transfers.filter((t) => /\/pkg\/.*\.(js|wasm)$/.test(t.url)).reduce((n, t) => n + t.bytes, 0);
  await page.context().close();
  return { path, bytes, bundle, firstPaintMs: paint && Math.round(paint), interactiveMs: hydratedAt };
}

const browser = await launch();
try {
  const cookies = await signedInCookies(browser);
  for (const path of PAGES) console.log(JSON.stringify(await measure(browser, cookies, path)));
} finally {
  await browser.close();
}
