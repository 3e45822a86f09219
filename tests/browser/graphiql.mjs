// GraphiQL on GET /graphql: loads from myvoice alone (no other host) under its policy, and runs a query.
// Usage: node graphiql.mjs <base-url> <screenshot-dir>; prints one JSON line for the Rust test.
import { launch } from "./chromium.mjs";

const [base, shots] = process.argv.slice(2);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  // CSP violations are console errors; React's own development warnings are not errors.
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed (${r.failure()?.errorText}): ${r.url()}`));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on("request", (r) => { if (!r.url().startsWith(base)) problems.push(`other host: ${r.url()}`); });
  let answer = null;
  try {
    await page.goto(`${base}/graphql`, { waitUntil: "load" });
    await page.waitForSelector(".graphiql-container .CodeMirror", { timeout: 15000 });
    await page.click(".graphiql-query-editor .CodeMirror");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    // The editor closes the brace itself.
    await page.keyboard.type("{ __typename");
    await page.click(".graphiql-execute-button");
    await page.waitForFunction(() => document.querySelector(".graphiql-response")?.innerText.includes("__typename"),
      null, { timeout: 15000 });
    answer = (await page.locator(".graphiql-response").innerText()).replace(/\s+/g, " ");
  } catch (e) {
    problems.push(`error: ${e.message}`);
  }
  await page.screenshot({ path: `${shots}/graphiql.png` });
  console.log(JSON.stringify({ answer, problems }));
} finally {
  await browser.close();
}
