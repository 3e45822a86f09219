// The referral pages as new users would try them, once with JavaScript on and once off (each on its
// own app): the social worker requests an advocate for Leo (partly filled: the meter and the lead-time
// warning; sent without parental agreement: the error, nothing lost; then complete and sent), reads the
// views Mia shared; the coordinator is refused accepting a referral waiting for parental agreement,
// must give a reason to decline, accepts Leo's referral and allocates the suggested advocate; and
// anyone asks for an advocate from the landing page on a phone.
// Prints one JSON line per page checked ({page, violations, ...}) and one per run ({run, ...}).
// Usage: node staff-referrals.mjs <base-on> <base-off> <waiting-referral-on> <waiting-referral-off> <screenshot-dir>
import { launch } from "./chromium.mjs";
import { STAFF, carrying, check, close, emit, open, press, ready, signIn, staffPage } from "./staff-common.mjs";

const [baseOn, baseOff, waitingOn, waitingOff, shots] = process.argv.slice(2);
const PHONE = { width: 360, height: 640 };
const REASON = "Leo wants to talk about school. It worries him.";
/// What is typed in the forms below: no address may carry any of it.
const TYPED = [REASON, "Through his mum", "Likes pictures", "Mum and baby sister", "I have a meeting and I want", "07700 900123", "Sam (JS"];

async function meter(page) {
  return page.evaluate(() => ({
    score: document.querySelector(".assessment .score")?.textContent ?? null,
    missing: [...document.querySelectorAll(".assessment .missing li")].map((li) => li.textContent),
    warning: document.querySelector(".assessment .warning")?.textContent ?? null,
  }));
}

async function summary(page) {
  return page.evaluate(() => [...document.querySelectorAll(".error-summary li")].map((li) => li.textContent));
}

async function socialWorker(browser, base, javaScript, run, pages) {
  const sw = await staffPage(browser, { javaScript });
  const { page } = sw;
  try {
    await signIn(sw, base, STAFF.socialWorker, "My children and their meetings");
    pages.push(await check(browser, sw, shots, "referrals-sw-home"));
    await page.getByRole("navigation", { name: "Staff pages" }).getByRole("link", { name: "Request an advocate" }).click();
    await page.waitForURL((url) => url.pathname === "/staff/referrals/new");
    await ready(sw, "Request an advocate");
    pages.push(await check(browser, sw, shots, "referrals-sw-form"));

    // Leo's CiN meeting in two days; only the reason so far.
    const value = await page.evaluate(() =>
      [...document.querySelectorAll("#pair option")].find((o) => o.textContent.startsWith("Leo (5) — CiN meeting"))?.value);
    if (!value) throw new Error("Leo's CiN meeting is not offered");
    await page.getByLabel("Child and meeting").selectOption(value);
    await page.getByLabel("Why the child needs an advocate").fill(REASON);
    if (javaScript) {
      await page.waitForFunction(() => document.querySelector(".assessment .score")?.textContent === "28%", null, { timeout: 15000 });
    } else {
      await press(sw, "Check the referral", (url) => url.pathname === "/staff/referrals/new" && url.search.includes("intent=check"), "Request an advocate");
    }
    run.partial = await meter(page);
    pages.push(await check(browser, sw, shots, "referrals-sw-partial"));

    // Sent without saying whether the parents agree: the error, with everything still typed.
    await page.getByRole("button", { name: "Send the referral", exact: true }).click();
    if (!javaScript) await page.waitForURL((url) => url.search.includes("intent=send"), { timeout: 15000 });
    await page.locator(".error-summary li").first().waitFor({ timeout: 15000 });
    await ready(sw, "Request an advocate");
    run.refused = { summary: await summary(page), kept: await page.getByLabel("Why the child needs an advocate").inputValue() };
    pages.push(await check(browser, sw, shots, "referrals-sw-errors"));

    await page.getByLabel("How to contact the child").fill("Through his mum, after school");
    await page.getByLabel("Communication needs").fill("Likes pictures; short sessions");
    await page.getByLabel("Who the child lives with").fill("Mum and baby sister");
    await page.getByLabel("Risks for a visit").fill("None known");
    // The radio sits under its label box, as on the child's pages: press the label, as a user does.
    await page.locator('label[for="agreement-given"]').click();
    if (!(await page.getByLabel("Given: the parents or carers agree").isChecked())) throw new Error("agreement not chosen");
    if (javaScript) {
      await page.waitForFunction(() => document.querySelector(".assessment .score")?.textContent === "100%", null, { timeout: 15000 });
    } else {
      await press(sw, "Check the referral", (url) => url.search.includes("intent=check"), "Request an advocate");
    }
    run.complete = await meter(page);
    pages.push(await check(browser, sw, shots, "referrals-sw-complete"));
    await press(sw, "Send the referral", (url) => /^\/staff\/referrals\/[^/]+$/.test(url.pathname) && url.pathname !== "/staff/referrals/new", "Referral sent");
    run.referralId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop());
    run.sent = {
      heading: (await page.locator("h1").textContent()).trim(),
      state: (await page.locator(".referral-state").textContent()).trim(),
    };
    pages.push(await check(browser, sw, shots, "referrals-sw-sent"));

    // Views shared with me: the list, then Mia's views exactly as she wrote them.
    await page.getByRole("navigation", { name: "Staff pages" }).getByRole("link", { name: "Views shared with me" }).click();
    await page.waitForURL((url) => url.pathname === "/staff/shared-views");
    await ready(sw, "Views shared with me");
    pages.push(await check(browser, sw, shots, "referrals-sw-shared"));
    await page.getByRole("link", { name: "Mia's views" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/staff/shared-views/"));
    await ready(sw, "Mia's views");
    run.viewsRead = await page.evaluate(() => {
      const heading = [...document.querySelectorAll(".child-views h2")]
        .find((h) => h.textContent === "Things I worry about");
      const list = heading && heading.nextElementSibling;
      return list && list.tagName === "UL" ? [...list.querySelectorAll("li")].map((li) => li.textContent) : null;
    });
    pages.push(await check(browser, sw, shots, "referrals-sw-views"));
  } finally {
    run.problems.push(...sw.problems());
    run.addressesCarryingText.push(...carrying(sw.addresses(), TYPED));
    await close(sw);
  }
}

async function coordinator(browser, base, javaScript, waiting, run, pages) {
  const co = await staffPage(browser, { javaScript });
  const { page } = co;
  try {
    await signIn(co, base, STAFF.coordinator, "Referral inbox");
    pages.push(await check(browser, co, shots, "referrals-coord-inbox"));
    await page.getByLabel("Information").selectOption({ label: "Complete" });
    await press(co, "Filter", (url) => url.pathname === "/staff" && url.search.includes("complete=yes"), "Referral inbox");
    pages.push(await check(browser, co, shots, "referrals-coord-inbox-filtered"));

    // Jade's referral waits for parental agreement: the API refuses, the page says why.
    await open(co, base, `/staff/referrals/${waiting}`, "Referral for Jade");
    await page.getByRole("button", { name: "Accept referral", exact: true }).click();
    await page.locator("#accept-title ~ .error-summary").waitFor({ timeout: 15000 });
    await ready(co, "Referral for Jade");
    run.waiting = (await page.locator("#accept-title ~ .error-summary").textContent()).trim();
    pages.push(await check(browser, co, shots, "referrals-coord-refused"));
    await page.getByRole("button", { name: "Decline referral", exact: true }).click();
    await page.locator("#decline-error:not([hidden])").waitFor({ timeout: 15000 });
    await ready(co, "Referral for Jade");
    run.declineError = (await page.locator("#decline-error").textContent()).trim();

    // Leo's new referral: accept, then allocate the suggested advocate (chosen already).
    await open(co, base, `/staff/referrals/${run.referralId}`, "Referral for Leo");
    pages.push(await check(browser, co, shots, "referrals-coord-referral"));
    await press(co, "Accept referral", (url) => url.search.includes("done=accepted"), "Referral for Leo");
    const chosen = page.locator('input[name="advocate"]:checked');
    run.preselected = await page.locator(`label[for="${await chosen.getAttribute("id")}"]`).textContent();
    pages.push(await check(browser, co, shots, "referrals-coord-accepted"));
    await press(co, "Allocate advocate", (url) => url.search.includes("done=allocated"), "Referral for Leo");
    run.allocated = (await page.locator(".referral-state").textContent()).trim();
    pages.push(await check(browser, co, shots, "referrals-coord-allocated"));
  } finally {
    run.problems.push(...co.problems());
    await close(co);
  }
}

async function ask(browser, base, javaScript, run, pages) {
  const phone = await staffPage(browser, { javaScript, viewport: PHONE });
  const { page } = phone;
  run.askedAs = `Sam (JS ${javaScript ? "on" : "off"})`;
  const fill = async () => {
    await page.getByLabel("Your name").fill(run.askedAs);
    await page.getByLabel("How can we get back to you?").fill("07700 900123");
    await page.getByLabel("What would you like help with?").fill("I have a meeting and I want someone to help me speak.");
    await page.getByLabel("Your council").fill("Demo County Council");
  };
  try {
    await open(phone, base, "/", "Your meeting. Your say.");
    await page.getByRole("link", { name: "Ask for an advocate" }).click();
    await page.waitForURL((url) => url.pathname === "/ask-for-an-advocate");
    await ready(phone, "Ask for an advocate");
    pages.push(await check(browser, phone, shots, "referrals-ask"));
    await page.getByRole("button", { name: "Send my message" }).click();
    await page.locator(".error-summary li").first().waitFor({ timeout: 15000 });
    await ready(phone, "Ask for an advocate");
    run.askError = (await page.locator(".error-summary li").first().textContent()).trim();
    pages.push(await check(browser, phone, shots, "referrals-ask-error"));
    await fill();
    await press(phone, "Send my message", "/ask-for-an-advocate/thanks", "Thank you");
    run.thanks = (await page.locator("h1").textContent()).trim();
    pages.push(await check(browser, phone, shots, "referrals-ask-thanks"));
    if (!javaScript) {
      // Five messages a minute from one address: the sixth is asked, kindly, to wait.
      for (let i = 0; i < 6 && !run.busy; i++) {
        await open(phone, base, "/ask-for-an-advocate", "Ask for an advocate");
        await fill();
        await page.getByRole("button", { name: "Send my message" }).click();
        await page.waitForLoadState("load");
        await page.locator("h1").first().waitFor();
        if (new URL(page.url()).searchParams.get("error") === "busy") {
          await ready(phone, "Ask for an advocate");
          run.busy = (await page.locator(".error-summary li").first().textContent()).trim();
          run.busyKept = await page.getByLabel("What would you like help with?").inputValue();
          pages.push(await check(browser, phone, shots, "referrals-ask-busy"));
        }
      }
    }
  } finally {
    run.problems.push(...phone.problems());
    run.addressesCarryingText.push(...carrying(phone.addresses(), TYPED));
    await close(phone);
  }
}

const browser = await launch();
try {
  for (const [base, javaScript, waiting] of [[baseOn, true, waitingOn], [baseOff, false, waitingOff]]) {
    const run = { run: "referrals", javaScript, problems: [], addressesCarryingText: [] };
    const pages = [];
    try {
      await socialWorker(browser, base, javaScript, run, pages);
      await coordinator(browser, base, javaScript, waiting, run, pages);
      await ask(browser, base, javaScript, run, pages);
    } catch (error) {
      run.error = `${error.message}\n${error.stack}`;
    }
    for (const page of pages) emit(page);
    emit(run);
  }
} finally {
  await browser.close();
}
