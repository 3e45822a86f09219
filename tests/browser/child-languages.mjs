// Every child page and every public page in English, Welsh, Polish and Arabic at 360×640 (with
// JavaScript on): axe-core, `<html lang dir>`, sideways scrolling, and a screenshot of each
// (Arabic is mirrored). The language is picked with the picker on the start page, as a child
// would, and the child's choice is then kept: signing in again in a fresh browser, with nothing
// chosen there, brings the last language back.
// Prints one JSON line per page visit, then one for the fresh browser.
// Usage: node child-languages.mjs <base-url> <base-url-meeting-held> <screenshot-dir>
import { launch } from "./chromium.mjs";
import { CODE, PIN, axe, childPhone, emit, hydrated, layout } from "./child-common.mjs";

const [base, baseHeld, shots] = process.argv.slice(2);
const LANGUAGES = [
  ["en", "English"],
  ["cy", "Cymraeg"],
  ["pl", "Polski"],
  ["ar", "العربية"],
];
const PUBLIC = [
  ["start", "/"],
  ["ask", "/ask-for-an-advocate"],
  ["ask-error", "/ask-for-an-advocate?error=contact"],
  ["ask-thanks", "/ask-for-an-advocate/thanks"],
  ["not-found", "/no-such-page"],
  ["sign-in", "/sign-in"],
  ["sign-in-error", "/sign-in?error=wrong"],
  ["not-safe-signed-out", "/not-safe"],
];
const SIGNED_IN = [
  ["me", "/me"],
  ["views-worries", "/me/views/worries"],
  ["views-going-well", "/me/views/going-well"],
  ["views-want-to-happen", "/me/views/want-to-happen"],
  ["views-feelings", "/me/views/feelings"],
  ["views-anything-else", "/me/views/anything-else"],
  ["coming", "/me/coming"],
  ["who-sees", "/me/who-sees"],
  ["check", "/me/check"],
  ["sent", "/me/sent"],
  ["names", "/me/names"],
  ["who-read", "/me/who-read"],
  ["after-not-yet", "/me/after"],
  ["not-safe", "/not-safe"],
];
const HELD = [
  ["me-held", "/me"],
  ["after", "/me/after"],
];

/// Problems, less the one answer that should fail: the not-found page is sent with 404.
const problems = (phone) => phone.problems().filter((p) => !/^HTTP 404: .*\/no-such-page$/.test(p));

async function goto(phone, at, path) {
  await phone.page.goto(at + path, { waitUntil: "load" });
  await phone.page.locator("h1").first().waitFor({ timeout: 15000 });
  await hydrated(phone.page);
  await phone.page.waitForLoadState("networkidle");
}

async function visit(phone, lang, at, [name, path]) {
  await goto(phone, at, path);
  const { page } = phone;
  await page.screenshot({ path: `${shots}/${lang}-${name}.png`, fullPage: true });
  emit({
    lang,
    name,
    path,
    htmlLang: await page.getAttribute("html", "lang"),
    dir: await page.getAttribute("html", "dir"),
    // Where the page starts on the screen: the right edge for Arabic.
    mainTextAlign: await page.evaluate(() => getComputedStyle(document.querySelector("main h1")).direction),
    title: await page.title(),
    h1: (await page.locator("h1").first().innerText()).trim(),
    violations: await axe(page),
    ...(await layout(page)),
    problems: problems(phone),
  });
}

/// Sign in by the boxes' ids: their labels are in the page's language.
async function signIn(phone, at) {
  await goto(phone, at, "/sign-in");
  await phone.page.locator("#code").fill(CODE);
  await phone.page.locator("#pin").fill(PIN);
  await phone.page.locator("main button[type=submit]").click();
  await phone.page.waitForURL((url) => url.pathname === "/me");
  await hydrated(phone.page);
}

/// Pick the language as a child would: its own name, on the start page.
async function pick(phone, at, lang, own) {
  await goto(phone, at, "/");
  await phone.page.getByRole("button", { name: own, exact: true }).click();
  // The same address again, now in the language picked: wait for it to have loaded whole.
  await phone.page.waitForFunction((code) => document.documentElement.lang === code, lang);
  await hydrated(phone.page);
  await phone.page.waitForLoadState("networkidle");
}

async function group(name, phone, body) {
  try {
    await body();
  } catch (error) {
    await phone.page.screenshot({ path: `${shots}/failed-${name}.png`, fullPage: true }).catch(() => {});
    emit({ name, error: String(error), url: phone.page.url(), problems: problems(phone) });
  } finally {
    await phone.page.context().close();
  }
}

const browser = await launch();
try {
  for (const [lang, own] of LANGUAGES) {
    const phone = await childPhone(browser);
    await group(`${lang} pages`, phone, async () => {
      await pick(phone, base, lang, own);
      for (const page of PUBLIC) await visit(phone, lang, base, page);
      await signIn(phone, base);
      for (const page of SIGNED_IN) await visit(phone, lang, base, page);
    });
    const held = await childPhone(browser);
    await group(`${lang} after the meeting`, held, async () => {
      await pick(held, baseHeld, lang, own);
      await signIn(held, baseHeld);
      for (const page of HELD) await visit(held, lang, baseHeld, page);
    });
  }
  // A fresh browser, nothing chosen in it: the child's own choice (the last one, Arabic) comes back.
  const fresh = await childPhone(browser);
  await group("fresh browser", fresh, async () => {
    await goto(fresh, base, "/sign-in");
    const before = await fresh.page.getAttribute("html", "lang");
    await signIn(fresh, base);
    emit({
      name: "fresh-browser",
      before,
      after: await fresh.page.getAttribute("html", "lang"),
      dir: await fresh.page.getAttribute("html", "dir"),
      problems: problems(fresh),
    });
  });
} finally {
  await browser.close();
}
