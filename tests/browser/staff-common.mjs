// Shared by the staff-page scripts: a desktop (or tablet) page, signing in as a demo member of staff,
// axe-core on the page as served and as hydrated, and a screenshot per page.
import { axe, hydrated } from "./child-common.mjs";

export { axe };

export const PASSWORD = "demo-password";
/// The demo staff (api/src/demo.rs), by role.
export const STAFF = {
  advocate: "advocate@demo.myvoice",
  socialWorker: "social.worker@demo.myvoice",
  isro: "isro@demo.myvoice",
  coordinator: "coordinator@demo.myvoice",
  agency: "agency@demo.myvoice",
  admin: "admin@demo.myvoice",
};
const DESKTOP = { width: 1280, height: 800 };
export const TABLET = { width: 768, height: 1024 };

/// A staff browser window that records console errors and requests that failed or left localhost.
export async function staffPage(browser, { javaScript = true, viewport = DESKTOP } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) {
      problems.push(`console on ${new URL(page.url()).pathname}: ${m.text().split("\n\nStack")[0]}`);
    }
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => {
    const error = r.failure()?.errorText;
    // Without JavaScript the browser blocks the script preload, or cuts off the unused wasm on leaving.
    const unusedBundle = !javaScript && (error === "csp" || (error === "net::ERR_ABORTED" && r.url().endsWith(".wasm")));
    if (!unusedBundle) problems.push(`failed (${error}): ${r.url()}`);
  });
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on("request", (r) => {
    const host = new URL(r.url()).hostname;
    if (host !== "127.0.0.1" && host !== "localhost") problems.push(`third-party request: ${r.url()}`);
  });
  // Every address asked for and every redirect's Location, to check none carries what was typed.
  const addresses = [];
  page.on("request", (r) => addresses.push(r.url()));
  page.on("response", (r) => { const to = r.headers().location; if (to) addresses.push(to); });
  return { page, javaScript, viewport, problems: () => [...problems], addresses: () => [...addresses] };
}

/// The addresses among `addresses` that carry any of `typed` (decoded as a reader would).
export function carrying(addresses, typed) {
  const decode = (a) => { try { return decodeURIComponent(a.replaceAll("+", " ")); } catch { return a; } };
  return addresses.filter((a) => typed.some((t) => decode(a).includes(t)));
}

/// Wait until the page shows `heading` as its h1 and, with JavaScript on, the bundle has taken over.
export async function ready(staff, heading) {
  await staff.page.locator("h1", { hasText: heading }).first().waitFor({ timeout: 15000 });
  if (staff.javaScript) await hydrated(staff.page);
}

export async function open(staff, base, path, heading) {
  await staff.page.goto(base + path, { waitUntil: "load" });
  await ready(staff, heading);
}

/// Sign in from the staff sign-in page and land on the role's first page (`heading`).
export async function signIn(staff, base, email, heading) {
  await open(staff, base, "/staff/sign-in", "Sign in");
  await staff.page.getByLabel("E-mail address").fill(email);
  await staff.page.getByLabel("Password").fill(PASSWORD);
  await staff.page.getByRole("button", { name: "Sign in" }).click();
  await staff.page.waitForURL((url) => url.pathname === "/staff", { timeout: 15000 });
  await ready(staff, heading);
  // With JavaScript the first page is drawn in the browser and loads its list after the heading:
  // let that finish, or leaving at once would cut the request off (a failed request in the report).
  if (staff.javaScript) await staff.page.waitForLoadState("networkidle");
}

/// Press a button and wait for the address the server sends the browser to.
export async function press(staff, name, path, heading) {
  await staff.page.getByRole("button", { name, exact: true }).click();
  await staff.page.waitForURL((url) => (typeof path === "function" ? path(url) : url.pathname === path), { timeout: 15000 });
  await ready(staff, heading);
}

/// axe-core on the page exactly as the server sent it (a twin whose bundle is a stub, same cookies)
/// and, with JavaScript on, as hydrated too.
export async function axeBoth(browser, staff) {
  try {
    await loadTwin(browser, staff, 20000);
  } catch (e) {
    // Rarely (twice in about ten CI runs, admin pages only, cause not found) the twin's page never
    // fires `load`. Try once more in a fresh twin, and say so in the check's result.
    staff.twinRetries = (staff.twinRetries ?? 0) + 1;
    await staff.twin.context().close().catch(() => {});
    staff.twin = undefined;
    await loadTwin(browser, staff, 30000);
  }
  const served = await axe(staff.twin);
  const hydrated = staff.javaScript ? await axe(staff.page) : [];
  return [...served, ...hydrated];
}

async function loadTwin(browser, staff, timeout) {
  if (!staff.twin) {
    const context = await browser.newContext({ viewport: staff.viewport });
    await context.route("**/pkg/*.js", (route) =>
      route.fulfill({ contentType: "text/javascript", body: "export default async () => {}; export const hydrate = () => {};" }));
    await context.route("**/pkg/*.wasm", (route) => route.fulfill({ contentType: "application/wasm", body: "" }));
    staff.twin = await context.newPage();
  }
  await staff.twin.context().clearCookies();
  await staff.twin.context().addCookies(await staff.page.context().cookies());
  await staff.twin.goto(staff.page.url(), { waitUntil: "load", timeout });
}

/// Sideways scrolling at this width, and buttons smaller than 24 px (WCAG 2.2 target size, AA).
export async function layout(page) {
  return page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth > window.innerWidth;
    const small = [...document.querySelectorAll("main button, main a.button, main input, main select, header button")]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ el, r }) => r.width > 0 && r.height > 0 && el.type !== "hidden" && (r.width < 24 || r.height < 24))
      .map(({ el, r }) => `${el.tagName.toLowerCase()} "${(el.textContent || el.name || "").trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    return { overflow, smallTargets: small };
  });
}

/// Check the page as it is now (axe, layout) and screenshot it as `<dir>/<name>-js-on|off.png`.
export async function check(browser, staff, dir, name) {
  const violations = await axeBoth(browser, staff);
  const shape = await layout(staff.page);
  const file = `${dir}/${name}-js-${staff.javaScript ? "on" : "off"}.png`;
  await staff.page.screenshot({ path: file, fullPage: true });
  return { page: name, javaScript: staff.javaScript, url: staff.page.url(), violations, ...shape, screenshot: file, twinRetries: staff.twinRetries ?? 0 };
}

export async function close(staff) {
  if (staff.twin) await staff.twin.context().close();
  await staff.page.context().close();
}

export function emit(result) {
  console.log(JSON.stringify(result));
}
