// Drafts are never lost: autosave (JavaScript on) survives a reload, and two open tabs that both
// save keep both children's words with a kind message. Prints one JSON line per check.
// Usage: node child-drafts.mjs <base-url> <screenshot-dir>
import { launch } from "./chromium.mjs";
import { childPhone, emit, open, press, ready, signIn } from "./child-common.mjs";

const [base, shots] = process.argv.slice(2);
const KEPT_BOTH = "You changed this in another window too. We kept both.";

/// Run one check; a failure is reported as its own line so the Rust test says which check broke.
async function check(name, phones, body) {
  try {
    emit({ check: name, ...(await body()), problems: phones.flatMap((p) => p.problems()) });
  } catch (error) {
    await phones[0].page.screenshot({ path: `${shots}/failed-${name}.png`, fullPage: true }).catch(() => {});
    emit({ check: name, error: String(error), url: phones[0].page.url(), problems: phones.flatMap((p) => p.problems()) });
  }
}

/// A second tab of the same signed-in browser: its own page (watched for problems) with the session.
async function secondTab(browser, phone) {
  const other = await childPhone(browser, { javaScript: phone.javaScript });
  await other.page.context().addCookies(await phone.page.context().cookies());
  return other;
}

async function boxes(page) {
  return page.locator("#views-form textarea").evaluateAll((areas) => areas.map((a) => a.value));
}

const browser = await launch();
try {
  // Autosave: type, see "Saved" and the letters left change, reload, the words are still there.
  const tab = await childPhone(browser);
  await check("autosave", [tab], async () => {
    const { page } = tab;
    await signIn(tab, base);
    await open(tab, base, "/me/views/going-well", "Things that are going well");
    const box = page.getByLabel("Thing 2", { exact: true });
    const count = page.locator("#item-1-count");
    const countBefore = (await count.innerText()).trim();
    await box.pressSequentially("Drawing comics with Sam", { delay: 20 });
    await count.getByText("Saved", { exact: true }).waitFor({ timeout: 10000 });
    const countAfter = (await count.innerText()).trim();
    await page.reload({ waitUntil: "load" });
    await ready(tab, "Things that are going well");
    return { countBefore, countAfter, afterReload: await boxes(page) };
  });

  // Two tabs with the same page open (JavaScript on): each presses "Save and go on".
  const tabB = await secondTab(browser, tab);
  await check("two-tabs-js", [tab, tabB], async () => {
    await open(tab, base, "/me/views/worries", "Things I worry about");
    await open(tabB, base, "/me/views/worries", "Things I worry about");
    await tab.page.getByLabel("Thing 2", { exact: true }).fill("Tab A: the new school");
    await press(tab, "Save and go on", "/me/views/going-well", "Things that are going well");
    await tabB.page.getByLabel("Thing 2", { exact: true }).fill("Tab B: my phone was taken");
    await tabB.page.getByRole("button", { name: "Save and go on" }).click();
    await tabB.page.waitForURL((url) => url.pathname === "/me/views/worries" && url.searchParams.get("kept") === "both");
    const notice = await tabB.page.getByRole("status").filter({ hasText: KEPT_BOTH }).innerText();
    await tabB.page.screenshot({ path: `${shots}/kept-both.png`, fullPage: true });
    return { notice, shown: await boxes(tabB.page) };
  });

  // Two tabs typing at once (JavaScript on): both autosave; the later one is shown both texts.
  await check("two-tabs-autosave", [tab, tabB], async () => {
    await open(tab, base, "/me/views/want-to-happen", "What I want to happen");
    await open(tabB, base, "/me/views/want-to-happen", "What I want to happen");
    await tab.page.getByLabel("Thing 1", { exact: true }).fill("Tab A: a bike");
    await tab.page.getByText("Saved", { exact: true }).waitFor({ timeout: 10000 });
    await tabB.page.getByLabel("Thing 1", { exact: true }).fill("Tab B: see my brother");
    await tabB.page.waitForURL((url) => url.searchParams.get("kept") === "both", { timeout: 10000 });
    await ready(tabB, "What I want to happen");
    const notice = await tabB.page.getByRole("status").filter({ hasText: KEPT_BOTH }).innerText();
    return { notice, shown: await boxes(tabB.page) };
  });
  await tab.page.context().close();
  await tabB.page.context().close();

  // Two tabs without JavaScript, on the free-text page: both texts are joined.
  const plainA = await childPhone(browser, { javaScript: false });
  await signIn(plainA, base);
  const plainB = await secondTab(browser, plainA);
  await check("two-tabs-no-js", [plainA, plainB], async () => {
    await open(plainA, base, "/me/views/anything-else", "Anything else");
    await open(plainB, base, "/me/views/anything-else", "Anything else");
    await plainA.page.getByLabel("Anything else", { exact: true }).fill("From tab A: I like my school.");
    await press(plainA, "Save and go on", "/me/coming", "Coming to my meeting");
    await plainB.page.getByLabel("Anything else", { exact: true }).fill("From tab B: I miss my mum.");
    await plainB.page.getByRole("button", { name: "Save and go on" }).click();
    await plainB.page.waitForURL((url) => url.pathname === "/me/views/anything-else" && url.searchParams.get("kept") === "both");
    const notice = await plainB.page.getByRole("status").filter({ hasText: KEPT_BOTH }).innerText();
    await plainB.page.screenshot({ path: `${shots}/kept-both-nojs.png`, fullPage: true });
    return { notice, shown: await boxes(plainB.page) };
  });
  await plainA.page.context().close();
  await plainB.page.context().close();
} finally {
  await browser.close();
}
