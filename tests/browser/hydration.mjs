// Opens each page at 360×640 with JavaScript on and off; prints one JSON line per page for the Rust test:
// which islands it has, which bundle files it fetched, and whether the islands took over.
// Usage: node hydration.mjs <base-url> <screenshot-dir> <path>...
import { launch, phonePage } from "./chromium.mjs";
import { hydrated as islandsRunning } from "./child-common.mjs";

const [base, shots, ...paths] = process.argv.slice(2);
const browser = await launch();
try {
  for (const path of paths) {
    for (const javaScript of [true, false]) {
      const { page, problems } = await phonePage(browser, { javaScript });
      const bundles = [];
      page.on("request", (r) => { if (new URL(r.url()).pathname.match(/^\/pkg\/.*\.(js|wasm)$/)) bundles.push(new URL(r.url()).pathname); });
      await page.goto(base + path, { waitUntil: "load" });
      if (javaScript) await islandsRunning(page);
      await page.waitForLoadState("networkidle");
      const hydrated = (await page.locator('main[data-hydrated="true"]').count()) > 0;
      const islands = await page.locator("leptos-island").count();
      const name = (path === "/" ? "landing" : path.slice(1).replaceAll("/", "-")) + (javaScript ? "" : "-nojs");
      await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      const heading = await page.locator("h1").first().textContent();
      console.log(JSON.stringify({ path, javaScript, islands, hydrated, bundles, overflow, heading, problems }));
      await page.context().close();
    }
  }
} finally {
  await browser.close();
}
