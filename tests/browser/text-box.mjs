// The text box as a person sees it (components::TextBox). Mia's first worry holds a string that
// tries to close the box and run script. With JavaScript off and on the box shows it exactly and
// nothing from it runs. With JavaScript on, what she types before the bundle has loaded (held back
// here until she has typed) is still there when the page takes over, and typing afterwards still
// counts the letters left and saves by itself.
// Prints one JSON line per run ({javaScript, ...}). Usage: node text-box.mjs <base> <text> <screenshot-dir>
import { launch } from "./chromium.mjs";
import { childPhone, open, signIn } from "./child-common.mjs";

const [base, text, shots] = process.argv.slice(2);
const EARLY = " (before)";
const LATE = " and after";

async function pwned(page) {
  return page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    images: document.querySelectorAll('img[src="x"]').length,
    // A script element made from the words (the page's own data may quote them, escaped, in a string).
    scripts: [...document.querySelectorAll("script")].filter((s) => s.textContent.trim().startsWith("window.__pwned")).length,
  }));
}

async function run(browser, javaScript) {
  const phone = await childPhone(browser, { javaScript });
  const { page } = phone;
  const result = { javaScript };
  try {
    await signIn(phone, base);
    if (!javaScript) {
      await open(phone, base, "/me/views/worries", "Things I worry about");
      result.shown = await page.locator("#item-0").inputValue();
      result.after = await pwned(page);
      await page.screenshot({ path: `${shots}/text-box-nojs.png`, fullPage: true });
      return result;
    }
    // The bundle is held back until Mia has typed.
    let release;
    const typed = new Promise((resolve) => { release = resolve; });
    await page.route("**/pkg/*.wasm", async (route) => { await typed; await route.continue(); });
    await page.goto(base + "/me/views/worries", { waitUntil: "domcontentloaded" });
    const box = page.locator("#item-0");
    result.shown = await box.inputValue();
    result.hydratedBeforeTyping = await page.locator('main[data-hydrated="true"]').count();
    await box.focus();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(EARLY);
    release();
    await page.waitForSelector('main[data-hydrated="true"]', { timeout: 15000 });
    result.keptWhenHydrated = await box.inputValue();
    await box.focus();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(LATE);
    result.afterTyping = await box.inputValue();
    result.lettersLeft = (await page.locator("#item-0-count").textContent()).trim();
    await page.locator("#item-0-count .save-state", { hasText: "Saved" }).waitFor({ timeout: 15000 });
    result.after = await pwned(page);
    await page.screenshot({ path: `${shots}/text-box.png`, fullPage: true });
    return result;
  } catch (error) {
    result.error = `${error.message}\n${error.stack}`;
    return result;
  } finally {
    result.problems = phone.problems();
    await page.context().close();
  }
}

const browser = await launch();
try {
  for (const javaScript of [false, true]) {
    console.log(JSON.stringify(await run(browser, javaScript)));
  }
} finally {
  await browser.close();
}
