// No signal, nothing lost (JavaScript on). The child types, the phone loses its signal, they type
// more: the page says "saved on this phone" and the words wait in the browser's storage; the
// signal comes back and each word reaches the server once. A page closed with no signal sends its
// words when it is opened again. "Leave now" leaves nothing in the browser's storage.
// Prints one JSON line per check. Usage: node child-offline.mjs <base-url> <screenshot-dir>
import { launch } from "./chromium.mjs";
import { EXIT_URL, childPhone, emit, open, signIn } from "./child-common.mjs";

const [base, shots] = process.argv.slice(2);
const ON_PHONE = "Saved on this phone. It will send when you have signal again.";

/// What this site keeps in the browser's storage, decoded as a person would read it.
const stored = (page) =>
  page.evaluate(() => Object.keys(localStorage).map((k) => decodeURIComponent(localStorage.getItem(k).replace(/\+/g, " "))).join("\n"));
const boxes = (page) => page.locator("#views-form textarea").evaluateAll((areas) => areas.map((a) => a.value));
/// Requests that failed because the test cut the network are the test's doing, not a problem.
const problems = (phone) => phone.problems().filter((p) => !p.includes("ERR_INTERNET_DISCONNECTED"));

async function check(name, phone, body) {
  try {
    emit({ check: name, ...(await body()), problems: problems(phone) });
  } catch (error) {
    await phone.page.screenshot({ path: `${shots}/failed-offline-${name}.png`, fullPage: true }).catch(() => {});
    emit({ check: name, error: String(error), url: phone.page.url(), problems: problems(phone) });
  }
}

const browser = await launch();
try {
  const phone = await childPhone(browser);
  const context = phone.page.context();
  await check("network-cut", phone, async () => {
    const { page } = phone;
    await signIn(phone, base);
    await open(phone, base, "/me/views/worries", "Things I worry about");
    await page.getByLabel("Thing 2", { exact: true }).pressSequentially("Before the signal went", { delay: 10 });
    await page.locator("#item-1-count").getByText("Saved", { exact: true }).waitFor({ timeout: 10000 });
    await context.setOffline(true);
    // More words in both boxes with no signal: the first try fails, and is tried again.
    await page.getByLabel("Thing 2", { exact: true }).pressSequentially(" and the bus", { delay: 10 });
    await page.locator("#item-1-count").getByText(ON_PHONE).waitFor({ timeout: 10000 });
    await page.getByLabel("Thing 1", { exact: true }).focus();
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Or my sister.", { delay: 10 });
    await page.waitForTimeout(4000);
    const shownOffline = (await page.locator("#item-1-count").innerText()).trim();
    const storedOffline = await stored(page);
    await page.screenshot({ path: `${shots}/offline-saved-on-phone.png`, fullPage: true });
    await context.setOffline(false);
    await page.locator(".count").getByText("Saved", { exact: true }).first().waitFor({ timeout: 15000 });
    await page.waitForFunction(() => !localStorage.length, null, { timeout: 15000 });
    return { shownOffline, storedOffline, storedAfter: await stored(page), boxes: await boxes(page) };
  });

  await check("closed-with-no-signal", phone, async () => {
    await open(phone, base, "/me/views/going-well", "Things that are going well");
    await context.setOffline(true);
    await phone.page.getByLabel("Thing 2", { exact: true }).pressSequentially("Typed on the bus", { delay: 10 });
    await phone.page.locator("#item-1-count").getByText(ON_PHONE).waitFor({ timeout: 10000 });
    await phone.page.close();
    await context.setOffline(false);
    // The same phone, later, with a signal: the page sends what waited, then shows it.
    phone.page = await context.newPage();
    await open(phone, base, "/me/views/going-well", "Things that are going well");
    await phone.page.waitForFunction(
      () => [...document.querySelectorAll("#views-form textarea")].some((a) => a.value === "Typed on the bus"),
      null,
      { timeout: 15000 },
    );
    return { boxes: await boxes(phone.page), storedAfter: await stored(phone.page) };
  });

  await check("leave-now", phone, async () => {
    const { page } = phone;
    await page.route(EXIT_URL, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title>" }));
    await open(phone, base, "/me/views/anything-else", "Anything else");
    await context.setOffline(true);
    await page.locator("#views-form textarea").first().pressSequentially("Nobody should find this", { delay: 10 });
    await page.getByText(ON_PHONE).waitFor({ timeout: 10000 });
    const storedBefore = await stored(page);
    await context.setOffline(false);
    await page.getByRole("button", { name: "Leave now" }).click();
    await page.waitForURL(EXIT_URL, { timeout: 10000 });
    const later = await context.newPage();
    await later.goto(base + "/sign-in", { waitUntil: "load" });
    return { storedBefore, storedAfter: await stored(later) };
  });
  await context.close();
} finally {
  await browser.close();
}
