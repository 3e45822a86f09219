// Opens each page at 360×640 with JavaScript on and off; prints one JSON line per page for the Rust test.
// Usage: node hydration.mjs <base-url> <screenshot-dir> <path>...
import { launch, phonePage } from "./chromium.mjs";

const [base, shots, ...paths] = process.argv.slice(2);
const browser = await launch();
try {
  for (const path of paths) {
    for (const javaScript of [true, false]) {
      const { page, problems } = await phonePage(browser, { javaScript });
      await page.goto(base + path, { waitUntil: "load" });
      let hydrated = false;
      if (javaScript) {
        hydrated = await page.waitForSelector('main[data-hydrated="true"]', { timeout: 15000 })
          .then(() => true, () => false);
      }
      const name = (path === "/" ? "landing" : path.slice(1).replaceAll("/", "-")) + (javaScript ? "" : "-nojs");
      await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      const heading = await page.locator("h1").first().textContent();
      console.log(JSON.stringify({ path, javaScript, hydrated, overflow, heading, problems }));
      await page.context().close();
    }
  }
} finally {
  await browser.close();
}
