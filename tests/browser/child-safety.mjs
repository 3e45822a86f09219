// Safety on a phone: "I'm not safe right now" reaches the advocate, "Leave now" leaves no views
// behind, and sign-in mistakes are explained kindly. JavaScript on and off. One JSON line per check.
// Usage: node child-safety.mjs <base-url> <screenshot-dir>
import { launch } from "./chromium.mjs";
import { childPhone, CODE, emit, EXIT_URL, open, ready, sessionCookie, signIn } from "./child-common.mjs";

const [base, shots] = process.argv.slice(2);

async function check(name, phone, body, expected = () => false) {
  try {
    const result = await body();
    emit({ check: name, javaScript: phone.javaScript, ...result, problems: phone.problems().filter((p) => !expected(p)) });
  } catch (error) {
    await phone.page.screenshot({ path: `${shots}/failed-${name}.png`, fullPage: true }).catch(() => {});
    emit({ check: name, javaScript: phone.javaScript, error: String(error), url: phone.page.url(), problems: phone.problems() });
  } finally {
    await phone.page.context().close();
  }
}

/// Poll for a condition the browser reaches on its own (e.g. a beacon's answer arriving).
async function eventually(condition, timeout = 5000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/// Sign in with these details and read what the error summary and the field say.
async function signInProblem(phone, code, pin) {
  const { page } = phone;
  await open(phone, base, "/sign-in", "Sign in");
  await page.getByLabel("Your code").fill(code);
  await page.getByLabel("Your PIN").fill(pin);
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Please check this" });
  await summary.waitFor({ timeout: 10000 });
  const link = summary.getByRole("link");
  const href = await link.getAttribute("href");
  const field = page.locator(href);
  const result = {
    url: new URL(page.url()).search,
    summary: (await link.innerText()).trim(),
    href,
    fieldLabel: await field.evaluate((el) => el.labels?.[0]?.textContent ?? null),
    fieldInvalid: await field.getAttribute("aria-invalid"),
    // What a screen reader says about the field: its hint and the error message.
    fieldDescription: await field.evaluate((el) =>
      (el.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id))
        .filter((d) => d && !d.hidden).map((d) => d.textContent.trim()).join(" | ")),
  };
  await link.click();
  result.focusAfterLink = await page.evaluate(() => document.activeElement?.id ?? null);
  result.visibleAfterLink = await field.isVisible();
  return result;
}

const browser = await launch();
try {
  for (const javaScript of [true, false]) {
    const suffix = javaScript ? "" : "-nojs";

    // Sign-in mistakes: a wrong PIN, then an empty code.
    const wrong = await childPhone(browser, { javaScript });
    await check("sign-in-errors", wrong, async () => {
      const wrongPin = await signInProblem(wrong, CODE, "1357");
      await wrong.page.screenshot({ path: `${shots}/sign-in-wrong${suffix}.png`, fullPage: true });
      const emptyCode = await signInProblem(wrong, "", "");
      return { wrongPin, emptyCode, signedIn: (await sessionCookie(wrong.page)) !== null };
    });

    // "I'm not safe right now" from a views page, then "Tell my advocate now".
    const unsafe = await childPhone(browser, { javaScript });
    await check("urgent-help", unsafe, async () => {
      const { page } = unsafe;
      await signIn(unsafe, base);
      await open(unsafe, base, "/me/views/worries", "Things I worry about");
      await page.getByRole("link", { name: "I'm not safe right now" }).click();
      await page.waitForURL((url) => url.pathname === "/not-safe");
      await ready(unsafe, "Not safe right now?");
      const calls = await page.locator("main a[href^='tel:']").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
      await page.getByLabel(/Anything you want to tell them/).fill(`Help please (JS ${javaScript ? "on" : "off"})`);
      await page.getByRole("button", { name: "Tell my advocate now" }).click();
      await page.waitForURL((url) => url.pathname === "/not-safe" && url.searchParams.get("told") === "advocate");
      const told = await page.getByRole("status").innerText();
      await page.screenshot({ path: `${shots}/not-safe-told${suffix}.png`, fullPage: true });
      return { calls, told };
    });

    // "Leave now" from a page showing the child's words.
    const leaving = await childPhone(browser, { javaScript });
    await check("quick-exit", leaving, async () => {
      const { page } = leaving;
      await signIn(leaving, base);
      await open(leaving, base, "/me/views/going-well", "Things that are going well");
      const wordsBefore = await page.getByLabel("Thing 1", { exact: true }).inputValue();
      await page.getByRole("button", { name: "Leave now" }).click();
      await page.waitForURL(EXIT_URL);
      const landedOn = await page.locator("h1").innerText();
      const cookieGone = await eventually(async () => (await sessionCookie(page)) === null);
      // Back: whatever page comes back must not show the child's words.
      await page.goBack({ waitUntil: "load" }).catch(() => null);
      const back = { path: new URL(page.url()).pathname, text: await page.locator("body").innerText() };
      await open(leaving, base, "/me", "Sign in");
      const reopened = { path: new URL(page.url()).pathname, text: await page.locator("body").innerText() };
      return { wordsBefore, landedOn, cookieGone, back, reopened };
    // With JavaScript the page that sent the "end my session" beacon is gone before its answer,
    // so the browser reports the beacon as aborted; `cookieGone` shows the server did end it. On a
    // busy machine the child may leave before the bundle has loaded, which aborts its download.
    }, (problem) => javaScript && [`${base}/api/child/leave`, `${base}/pkg/child_bg.wasm`, `${base}/pkg/child.js`]
      .some((url) => problem === `failed (net::ERR_ABORTED): ${url}`));
  }
} finally {
  await browser.close();
}
