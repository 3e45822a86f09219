// Shared by the child-page scripts: a phone with the quick-exit page stubbed, signing in as the demo
// child, axe-core, and the layout checks every page gets.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import { phonePage } from "./chromium.mjs";

export const CODE = "DEMO-0001";
export const PIN = "2468";
/// Where "Leave now" goes (frontend/src/child/layout.rs). The test never lets it leave the machine.
export const EXIT_URL = "https://www.bbc.co.uk/weather";
const EXIT_PAGE = "<!doctype html><html lang=en><title>Weather</title><h1>Weather</h1></html>";
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/// A phone-sized page; the neutral exit page is answered locally, so it is no third-party request.
export async function childPhone(browser, { javaScript = true } = {}) {
  const { page, problems } = await phonePage(browser, { javaScript });
  await page.route(EXIT_URL, (route) => route.fulfill({ status: 200, contentType: "text/html", body: EXIT_PAGE }));
  // Bytes on the wire per response (compressed), for the page-weight report.
  const transfers = [];
  page.on("requestfinished", async (r) => {
    const sizes = await r.sizes().catch(() => null);
    if (sizes) transfers.push({ url: r.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize });
  });
  return {
    page,
    javaScript,
    transfers,
    problems: () => problems.filter((p) =>
      // The stubbed exit page is the only outside address a child page may send the browser to.
      !p.endsWith(` ${EXIT_URL}`) && !p.endsWith(`: ${EXIT_URL}`)),
  };
}

/// Wait until the page shows `heading` as its h1 and, with JavaScript on, the bundle has taken over.
export async function ready(phone, heading) {
  const { page, javaScript } = phone;
  await page.locator("h1", { hasText: heading }).first().waitFor({ timeout: 15000 });
  if (javaScript) await hydrated(page);
}

/// With JavaScript on, wait until the page's islands run. A page without islands loads no bundle,
/// so there is nothing to wait for.
export async function hydrated(page) {
  await page.waitForFunction(
    () => !document.querySelector("leptos-island") || document.querySelector('main[data-hydrated="true"]'),
    null,
    { timeout: 15000 },
  );
}

export async function open(phone, base, path, heading) {
  await phone.page.goto(base + path, { waitUntil: "load" });
  await ready(phone, heading);
}

/// Sign in as the demo child from the sign-in page and land on "my meeting".
export async function signIn(phone, base, { code = CODE, pin = PIN } = {}) {
  await open(phone, base, "/sign-in", "Sign in");
  await phone.page.getByLabel("Your code").fill(code);
  await phone.page.getByLabel("Your PIN").fill(pin);
  await phone.page.getByRole("button", { name: "Sign in" }).click();
  await phone.page.waitForURL((url) => url.pathname === "/me");
  await ready(phone, "Hello, Mia");
}

/// Press a button and wait for the address the server sends the browser to.
export async function press(phone, name, path, heading) {
  await phone.page.getByRole("button", { name, exact: true }).click();
  await phone.page.waitForURL((url) => url.pathname === path, { timeout: 15000 });
  await ready(phone, heading);
}

/// axe-core on the page as it is now.
export async function axe(page) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    WCAG,
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
  }));
}

/// axe-core on a page exactly as it arrives without JavaScript. axe itself needs scripts (its
/// timers never fire in a page with JavaScript off), so this loads the same address, with the same
/// session, in a twin page whose bundle is a stub: the server's HTML is never hydrated or changed.
/// The twin is kept on `phone.twin`; close its context with the phone's.
export async function axeAsServed(browser, phone) {
  if (!phone.twin) {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    await context.route("**/pkg/*.js", (route) =>
      route.fulfill({ contentType: "text/javascript", body: "export default async () => {}; export const hydrate = () => {};" }));
    await context.route("**/pkg/*.wasm", (route) => route.fulfill({ contentType: "application/wasm", body: "" }));
    phone.twin = await context.newPage();
  }
  const context = phone.twin.context();
  await context.clearCookies();
  await context.addCookies(await phone.page.context().cookies());
  await phone.twin.goto(phone.page.url(), { waitUntil: "load" });
  return axe(phone.twin);
}

/// What a thumb and a narrow screen notice: sideways scrolling and targets under 44 px.
export async function layout(page) {
  return page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth > window.innerWidth;
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
    };
    const name = (el) => (el.textContent || el.getAttribute("aria-label") || "").trim().replace(/\s+/g, " ").slice(0, 40);
    const measure = (el) => {
      // A radio or checkbox hidden behind its label is pressed through the label.
      const target = el.matches("input") ? el.labels?.[0] ?? el : el;
      const r = target.getBoundingClientRect();
      return { what: `${el.tagName.toLowerCase()} "${name(target)}"`, width: Math.round(r.width), height: Math.round(r.height) };
    };
    const small = (list) => list.filter((t) => t.width < 44 || t.height < 44);
    // Buttons, button-like links and choices: these must be thumb-sized.
    const controls = [...document.querySelectorAll(
      "main button, main a.button, main a.change, main input[type=radio], main input[type=checkbox], main audio, header button, footer a",
    )].filter((el) => visible(el.matches("input") ? el.labels?.[0] ?? el : el)).map(measure);
    // Links inside sentences (e.g. an error summary line): reported, not required to be 44 px tall.
    const inline = [...document.querySelectorAll("main a:not(.button):not(.change)")].filter(visible).map(measure);
    return { overflow, smallTargets: small(controls), smallInlineLinks: small(inline) };
  });
}

/// The session cookie, if the browser still has one.
export async function sessionCookie(page) {
  const cookies = await page.context().cookies();
  return cookies.find((c) => c.name === "myvoice_session") ?? null;
}

export function emit(result) {
  console.log(JSON.stringify(result));
}
