// Every child page at 360×640, with JavaScript on and off: axe-core (WCAG 2.2 AA), sideways
// scrolling, touch targets, console errors, outside requests, bytes sent, and a screenshot of each.
// Prints one JSON line per page visit and one for the sign-in page's first load.
// Usage: node child-pages.mjs <base-url> <base-url-meeting-held> <screenshot-dir>
import { launch } from "./chromium.mjs";
import { axe, axeAsServed, childPhone, emit, layout, open, signIn } from "./child-common.mjs";

const [base, baseHeld, shots] = process.argv.slice(2);

const SIGNED_OUT = [
  ["sign-in", "/sign-in", "Sign in"],
  ["sign-in-error", "/sign-in?error=wrong", "Sign in"],
  ["not-safe-signed-out", "/not-safe", "Not safe right now?"],
];
const SIGNED_IN = [
  ["me", "/me", "Hello, Mia"],
  ["views-worries", "/me/views/worries", "Things I worry about"],
  ["views-going-well", "/me/views/going-well", "Things that are going well"],
  ["views-want-to-happen", "/me/views/want-to-happen", "What I want to happen"],
  ["views-feelings", "/me/views/feelings", "How I feel"],
  ["views-anything-else", "/me/views/anything-else", "Anything else"],
  ["coming", "/me/coming", "Coming to my meeting"],
  ["who-sees", "/me/who-sees", "Who can see my views"],
  ["check", "/me/check", "Check and send"],
  ["kept-both", "/me/views/worries?kept=both", "Things I worry about"],
  ["sent", "/me/sent", "Sent!"],
  ["after-not-yet", "/me/after", "What happened at my meeting"],
  ["not-safe", "/not-safe", "Not safe right now?"],
];
// The easier pages: every page of the journey, one question a screen.
const YOUNGER = [
  ["me-younger", "/me", "Hello, Mia"],
  ["views-worries-younger", "/me/views/worries", "Things I worry about"],
  ["views-going-well-younger", "/me/views/going-well", "Things that are going well"],
  ["views-want-to-happen-younger", "/me/views/want-to-happen", "What I want to happen"],
  ["views-feelings-younger", "/me/views/feelings", "How I feel"],
  ["views-anything-else-younger", "/me/views/anything-else", "Anything else"],
  ["coming-younger", "/me/coming", "Coming to my meeting"],
  ["who-sees-younger", "/me/who-sees", "Who can see my views"],
];

/// What a 6-year-old goes by: the pictures (the heading's, and one on each choice), how many
/// hints are shown, and where the "Read to me" player sits.
async function looks(page) {
  return page.evaluate(() => {
    const width = (el) => (el ? Math.round(el.getBoundingClientRect().width) : null);
    const player = document.querySelector("main audio");
    return {
      headingPicture: width(document.querySelector("main h1 .pic svg")),
      choicePictures: [...document.querySelectorAll("main .feeling label, main .choice label")].map((l) => width(l.querySelector(".pic svg"))),
      hintsShown: [...document.querySelectorAll("main .hint")].filter((h) => getComputedStyle(h).display !== "none").length,
      questions: document.querySelectorAll("main legend, main h1").length,
      playerBottom: player ? Math.round(player.getBoundingClientRect().bottom + window.scrollY) : null,
    };
  });
}
const HELD = [
  ["me-held", "/me", "Hello, Mia"],
  ["after", "/me/after", "What happened at my meeting"],
];

/// Open one page and report everything the checks look at.
async function visit(phone, at, [name, path, heading]) {
  const suffix = phone.javaScript ? "" : "-nojs";
  // What the page before is still fetching must not count against this one.
  await phone.page.waitForLoadState("networkidle");
  phone.transfers.length = 0;
  await open(phone, at, path, heading);
  const { page } = phone;
  await page.waitForLoadState("networkidle");
  const wire = [...phone.transfers];
  await page.screenshot({ path: `${shots}/${name}${suffix}.png`, fullPage: true });
  const violations = phone.javaScript ? await axe(page) : await axeAsServed(browser, phone);
  const html = phone.transfers.find((t) => t.url === at + path);
  emit({
    name,
    path,
    javaScript: phone.javaScript,
    title: await page.title(),
    lang: await page.getAttribute("html", "lang"),
    violations,
    ...(await layout(page)),
    htmlBytes: html?.bytes ?? null,
    // The browser cache is off (firstVisits), so this is what a first visit to the page costs.
    wireBytes: wire.reduce((n, t) => n + t.bytes, 0),
    bundleFiles: wire.map((t) => new URL(t.url).pathname).filter((p) => /^\/pkg\/.*\.(js|wasm)$/.test(p)),
    pageHeight: await page.evaluate(() => document.documentElement.scrollHeight),
    text: (await page.locator("main").innerText()).replace(/\s+/g, " "),
    looks: await looks(page),
    problems: phone.problems(),
  });
}

/// The sign-in page's first load on an empty cache: what goes over the wire before and with the wasm.
async function firstLoad(browser) {
  const phone = await childPhone(browser);
  await open(phone, base, "/sign-in", "Sign in");
  await phone.page.waitForLoadState("networkidle");
  const sum = (list) => list.reduce((n, t) => n + t.bytes, 0);
  const wasm = phone.transfers.filter((t) => t.url.endsWith(".wasm"));
  emit({
    name: "first-load",
    beforeWasmBytes: sum(phone.transfers.filter((t) => !t.url.endsWith(".wasm"))),
    wasmBytes: sum(wasm),
    files: phone.transfers.map((t) => ({ url: new URL(t.url).pathname, bytes: t.bytes })),
    problems: phone.problems(),
  });
  await phone.page.context().close();
}

/// Every visit is a first visit: nothing is taken from the browser's cache.
async function firstVisits(phone) {
  const cdp = await phone.page.context().newCDPSession(phone.page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  return phone;
}

/// Run a group of visits; a failure is reported as its own line so the Rust test says where.
async function group(name, phone, body) {
  try {
    await body();
  } catch (error) {
    await phone.page.screenshot({ path: `${shots}/failed-${name}.png`, fullPage: true }).catch(() => {});
    emit({ name, javaScript: phone.javaScript, error: String(error), url: phone.page.url(), problems: phone.problems() });
  } finally {
    await phone.twin?.context().close();
    await phone.page.context().close();
  }
}

const browser = await launch();
try {
  await firstLoad(browser);
  for (const javaScript of [true, false]) {
    const phone = await firstVisits(await childPhone(browser, { javaScript }));
    await group("journey pages", phone, async () => {
      for (const page of SIGNED_OUT) await visit(phone, base, page);
      await signIn(phone, base);
      for (const page of SIGNED_IN) await visit(phone, base, page);
      // Younger-child mode, switched on and off as the child (or the advocate beside them) would.
      await open(phone, base, "/me", "Hello, Mia");
      await phone.page.getByRole("button", { name: "Make it easier: big pictures, fewer words" }).click();
      await phone.page.getByRole("button", { name: "Go back to more words" }).waitFor({ timeout: 10000 });
      for (const page of YOUNGER) await visit(phone, base, page);
      await open(phone, base, "/me", "Hello, Mia");
      await phone.page.getByRole("button", { name: "Go back to more words" }).click();
      await phone.page.getByRole("button", { name: "Make it easier: big pictures, fewer words" }).waitFor({ timeout: 10000 });
    });
    const held = await firstVisits(await childPhone(browser, { javaScript }));
    await group("after the meeting", held, async () => {
      await signIn(held, baseHeld);
      for (const page of HELD) await visit(held, baseHeld, page);
    });
  }
} finally {
  await browser.close();
}
