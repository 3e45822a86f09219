// No dead ends on the pages (issue 19, item 4), once with JavaScript on and once off (each on its own
// app): the social worker records that Jade's parents first refused and then agreed, and the
// coordinator accepts and allocates; the coordinator finds Ruby for a self-referral, links it,
// withdraws it with a reason and reopens it; Mia's advocate closes her case after a confirm step
// (and is asked for the reason first), and the coordinator reopens it; the admin makes a new
// set-password link and it opens the set-password page.
// Prints one JSON line per page checked ({page, violations, ...}) and one per run ({run, ...}).
// Usage: node staff-dead-ends.mjs <base-on> <base-off> <ids-on JSON> <ids-off JSON> <screenshot-dir>
import { launch } from "./chromium.mjs";
import { STAFF, carrying, check, close, emit, open, press, ready, signIn, staffPage } from "./staff-common.mjs";

const [baseOn, baseOff, idsOn, idsOff, shots] = process.argv.slice(2);
const WITHDRAW = "Ruby's mum says Ruby has an advocate through school.";
const CLOSE = "The meeting has happened and the outcome was explained to Mia.";
const TYPED = [WITHDRAW, CLOSE];

const state = (page) => page.locator(".referral-state").textContent().then((t) => t.trim());
const done = (what) => (url) => url.searchParams.get("done") === what;

async function socialWorker(browser, base, javaScript, ids, run, pages) {
  const sw = await staffPage(browser, { javaScript });
  const { page } = sw;
  try {
    await signIn(sw, base, STAFF.socialWorker, "My children and their meetings");
    await open(sw, base, `/staff/referrals/${ids.waiting}`, "Referral for Jade");
    run.swBefore = await state(page);
    await page.locator('label[for="agreement-refused"]').click();
    await press(sw, "Record agreement", done("agreement"), "Referral for Jade");
    run.swRefused = { state: await state(page), notice: (await page.locator(".notice").first().textContent()).trim() };
    await page.locator('label[for="agreement-given"]').click();
    await press(sw, "Record agreement", done("agreement"), "Referral for Jade");
    run.swGiven = await state(page);
    run.swAgreementFormAfter = await page.locator("#agreement-title").count();
    pages.push(await check(browser, sw, shots, "dead-ends-sw-agreed"));
  } finally {
    run.problems.push(...sw.problems());
    await close(sw);
  }
}

async function coordinator(browser, base, javaScript, ids, run, pages) {
  const co = await staffPage(browser, { javaScript });
  const { page } = co;
  try {
    await signIn(co, base, STAFF.coordinator, "Referral inbox");
    // Jade's referral, agreed by her parents on the social worker's page: accept, allocate.
    await open(co, base, `/staff/referrals/${ids.waiting}`, "Referral for Jade");
    await press(co, "Accept referral", done("accepted"), "Referral for Jade");
    await press(co, "Allocate advocate", done("allocated"), "Referral for Jade");
    run.jadeAllocated = await state(page);

    // Ruby asked herself: find her, link the self-referral to her meeting.
    await open(co, base, `/staff/referrals/${ids.selfReferral}`, "Self-referral");
    pages.push(await check(browser, co, shots, "dead-ends-self-referral"));
    await page.getByLabel("Child's name").fill("ruby");
    await press(co, "Find", (url) => url.searchParams.get("find") === "ruby", "Self-referral");
    run.choices = await page.locator('input[name="choice"] + label').allTextContents();
    await page.locator('input[name="choice"] + label').first().click();
    await press(co, "Link self-referral", done("linked"), "Referral for Ruby");
    run.linked = await state(page);
    pages.push(await check(browser, co, shots, "dead-ends-linked"));

    // Withdrawn: first without a reason (asked for one), then with it; then reopened.
    await page.getByRole("button", { name: "Withdraw referral", exact: true }).click();
    await page.locator("#withdraw-reason-error:not([hidden])").waitFor({ timeout: 15000 });
    await ready(co, "Referral for Ruby");
    run.withdrawError = (await page.locator("#withdraw-reason-error").textContent()).trim();
    await page.getByLabel("Reason for withdrawing").fill(WITHDRAW);
    await press(co, "Withdraw referral", done("withdrawn"), "Referral for Ruby");
    run.withdrawn = { state: await state(page), reason: (await page.locator("dt:text('Reason for withdrawing') + dd").textContent()).trim() };
    pages.push(await check(browser, co, shots, "dead-ends-withdrawn"));
    await press(co, "Reopen referral", done("reopened"), "Referral for Ruby");
    run.reopened = await state(page);
  } finally {
    run.problems.push(...co.problems());
    run.addressesCarryingText.push(...carrying(co.addresses(), TYPED));
    await close(co);
  }
}

async function advocate(browser, base, javaScript, ids, run, pages) {
  const adv = await staffPage(browser, { javaScript });
  const { page } = adv;
  try {
    await signIn(adv, base, STAFF.advocate, "My caseload");
    await open(adv, base, `/staff/cases/${ids.miaCase}`, "Mia");
    await page.getByRole("link", { name: "Close this case" }).click();
    await page.waitForURL((url) => url.searchParams.get("close") === "confirm", { timeout: 15000 });
    await ready(adv, "Mia");
    run.confirmHeading = (await page.locator("#close-title").textContent()).trim();
    pages.push(await check(browser, adv, shots, "dead-ends-close-confirm"));
    await press(adv, "Yes, close the case", (url) => url.searchParams.get("problem") === "close-empty", "Mia");
    run.closeError = await page.locator(".error-summary li").allTextContents();
    await page.getByLabel("Reason for closing").fill(CLOSE);
    await press(adv, "Yes, close the case", done("closed"), "Mia");
    run.closed = {
      heading: (await page.locator("#close-title").textContent()).trim(),
      notice: (await page.locator(".adv-notice").textContent()).trim(),
      shareOffered: await page.locator("#share-title").count(),
    };
    pages.push(await check(browser, adv, shots, "dead-ends-closed"));
  } finally {
    run.problems.push(...adv.problems());
    run.addressesCarryingText.push(...carrying(adv.addresses(), TYPED));
    await close(adv);
  }
  const co = await staffPage(browser, { javaScript });
  try {
    await signIn(co, base, STAFF.coordinator, "Referral inbox");
    await open(co, base, `/staff/referrals/${ids.miaReferral}`, "Referral for Mia");
    run.coordinatorSeesClosed = await state(co.page);
    await press(co, "Reopen case", done("case-reopened"), "Referral for Mia");
    run.caseReopened = await state(co.page);
  } finally {
    run.problems.push(...co.problems());
    await close(co);
  }
}

async function admin(browser, base, javaScript, run, pages) {
  const ad = await staffPage(browser, { javaScript });
  const { page } = ad;
  try {
    await signIn(ad, base, STAFF.admin, "Staff users");
    const row = page.getByRole("row").filter({ hasText: STAFF.socialWorker });
    await row.getByRole("button", { name: /New set-password link/ }).click();
    await page.waitForURL(done("link"), { timeout: 15000 });
    await ready(ad, "Staff users");
    run.link = (await page.getByTestId("password-link").textContent()).trim();
    pages.push(await check(browser, ad, shots, "dead-ends-password-link"));
  } finally {
    run.problems.push(...ad.problems());
    await close(ad);
  }
  // Opened by the person it is for, signed out, in another browser.
  const them = await staffPage(browser, { javaScript });
  try {
    await them.page.goto(run.link, { waitUntil: "load" });
    await ready(them, "Set your password");
    run.linkOpens = (await them.page.locator("h1").textContent()).trim();
  } finally {
    run.problems.push(...them.problems());
    await close(them);
  }
}

const browser = await launch();
try {
  for (const [base, javaScript, ids] of [[baseOn, true, JSON.parse(idsOn)], [baseOff, false, JSON.parse(idsOff)]]) {
    const run = { run: "dead-ends", javaScript, problems: [], addressesCarryingText: [] };
    const pages = [];
    try {
      await socialWorker(browser, base, javaScript, ids, run, pages);
      await coordinator(browser, base, javaScript, ids, run, pages);
      await advocate(browser, base, javaScript, ids, run, pages);
      await admin(browser, base, javaScript, run, pages);
    } catch (error) {
      run.error = `${error.message}\n${error.stack}`;
    }
    for (const page of pages) emit(page);
    emit(run);
  }
} finally {
  await browser.close();
}
