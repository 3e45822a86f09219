// The advocate's pages on the demo data, as a new advocate would use them: sign in → caseload →
// Mia's case (her views exactly as written) → add a note → acknowledge urgent help → share the
// views → issue a sign-in code (printable slip, shown once) → Jade's family group conference case
// (sharing disabled, with the reason). Once with JavaScript on, once off, each on its own app.
// With JavaScript on, the child's urgent help is raised while the caseload is open: the alert must
// appear without a reload. Every page is checked (axe as served and hydrated, layout, screenshot).
// Prints one JSON line per run.
// Usage: node staff-advocate.mjs <base-on> <base-off> <screenshot-dir> <mia-token-on> <mia-token-off>
import { launch } from "./chromium.mjs";
import { STAFF, check, close, emit, open, press, ready, signIn, staffPage } from "./staff-common.mjs";

const [baseOn, baseOff, shots, miaOn, miaOff] = process.argv.slice(2);
const NOTE = "Met Mia at school.\nShe wants the meeting to hear about her brother.";

/// The child's views on the case page, section by section, as shown.
async function shownViews(page) {
  return page.evaluate(() => {
    const block = document.querySelector(".case-main .views-block");
    if (!block) return null;
    const out = {};
    for (const h3 of block.querySelectorAll("h3")) {
      const next = h3.nextElementSibling;
      out[h3.textContent.trim()] = next.tagName === "UL" ? [...next.querySelectorAll("li")].map((li) => li.textContent) : next.textContent;
    }
    for (const dt of block.querySelectorAll("dt")) out[dt.textContent.trim()] = dt.nextElementSibling.textContent.trim();
    return out;
  });
}

/// The confirmation an action leaves, once the page shows it.
async function notice(page, words) {
  const line = page.locator(".adv-notice.ok", { hasText: words });
  await line.waitFor({ timeout: 10000 });
  return (await line.textContent()).trim();
}

/// Raise urgent help as the child, through the API (as the child's "I'm not safe" page does).
async function raiseUrgentHelp(base, token, message) {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: "mutation($m: String) { requestUrgentHelp(message: $m) { id advocateTold } }", variables: { m: message } }),
  });
  return response.json();
}

async function journey(browser, base, javaScript, miaToken) {
  const staff = await staffPage(browser, { javaScript });
  const { page } = staff;
  const dir = shots;
  const checks = [];
  const steps = [];
  const result = { javaScript, steps };
  const caseUrl = () => new URL(page.url()).pathname.replace(/\/slip$/, "");
  try {
    await signIn(staff, base, STAFF.advocate, "My caseload");
    steps.push("signed in");
    checks.push(await check(browser, staff, dir, "advocate-caseload"));

    if (javaScript) {
      // Live: the caseload is open and subscribed; the child asks for help now.
      await page.waitForSelector('.live-alert[data-live="on"]', { state: "attached", timeout: 15000 });
      await page.waitForTimeout(300);
      const raised = await raiseUrgentHelp(base, miaToken, "I'm scared to go home");
      result.raised = raised;
      const banner = page.locator(".live-alert .urgent-banner");
      await banner.waitFor({ timeout: 10000 });
      result.banner = (await banner.textContent()).trim();
      result.bannerUrlBefore = new URL(page.url()).pathname;
      checks.push(await check(browser, staff, dir, "advocate-alert"));
      await page.getByRole("link", { name: "Open Mia's case" }).click();
      steps.push("opened the case from the alert");
    } else {
      // Without JavaScript the request (raised before the page loaded) shows as a badge.
      result.urgentBadge = await page.locator("tr.urgent th a").first().textContent();
      await page.getByRole("link", { name: "Mia", exact: true }).click();
      steps.push("opened the case from the caseload");
    }
    await page.waitForURL((url) => url.pathname.startsWith("/staff/cases/"), { timeout: 15000 });
    await ready(staff, "Mia, 11");
    result.caseId = caseUrl().split("/").pop();
    result.urgentPanel = (await page.locator(".urgent-help").textContent()).replace(/\s+/g, " ").trim();
    result.views = await shownViews(page);
    result.freeWordsWhiteSpace = await page.locator(".case-main .views-block p.child-words").first()
      .evaluate((el) => getComputedStyle(el).whiteSpace);
    result.shareHintBefore = await page.locator("#share-hint").textContent();
    checks.push(await check(browser, staff, dir, "advocate-case"));

    // A note: empty first (the error summary), then a real one with a line break.
    const here = caseUrl();
    await press(staff, "Add note", (url) => url.pathname === here && url.search.includes("problem=note-empty"), "Mia, 11");
    result.emptyNoteError = (await page.locator(".error-summary").textContent()).trim();
    checks.push(await check(browser, staff, dir, "advocate-note-error"));
    await page.getByLabel("Add a note").fill(NOTE);
    await press(staff, "Add note", (url) => url.pathname === here && url.search.includes("done=noted"), "Mia, 11");
    result.noteStatus = await notice(page, "note was added");
    result.notes = await page.locator(".notes .note-body").allTextContents();

    // Acknowledge the request for help.
    await press(staff, "Acknowledge", (url) => url.pathname === here && url.search.includes("done=acknowledged"), "Mia, 11");
    result.acknowledged = await notice(page, "acknowledged");
    await page.locator(".urgent-help").waitFor({ state: "detached", timeout: 5000 }).catch(() => {});
    result.urgentAfter = await page.locator(".urgent-help").count();

    // Share with the social worker and chair.
    await press(staff, "Share with social worker and chair", (url) => url.pathname === here && url.search.includes("done=shared"), "Mia, 11");
    result.shared = await notice(page, "views were sent");
    const share = page.getByRole("button", { name: "Share with social worker and chair" });
    result.shareDisabledAfter = await share.isDisabled();
    result.shareHintAfter = await page.locator("#share-hint").textContent();
    result.statusAfter = await page.locator(".views-meta .badge").textContent();
    checks.push(await check(browser, staff, dir, "advocate-shared"));

    // A new sign-in code: the slip shows the code and PIN once.
    result.codeHint = await page.locator("#code-hint").textContent();
    await press(staff, "Issue sign-in code", (url) => url.pathname === `${here}/slip`, "Sign-in slip for Mia");
    result.slipUrl = page.url();
    result.code = (await page.locator(".slip dd.code").nth(0).textContent()).trim();
    result.pin = (await page.locator(".slip dd.code").nth(1).textContent()).trim();
    result.slipText = (await page.locator(".slip").textContent()).replace(/\s+/g, " ").trim();
    checks.push(await check(browser, staff, dir, "advocate-slip"));
    await page.emulateMedia({ media: "print" });
    result.print = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector(".staff-top")).display,
      staffNotes: getComputedStyle(document.querySelector(".no-print")).display,
      slip: getComputedStyle(document.querySelector(".slip")).display,
    }));
    await page.screenshot({ path: `${dir}/advocate-slip-print-js-${javaScript ? "on" : "off"}.png`, fullPage: true });
    await page.emulateMedia({ media: "screen" });
    // Shown once: the same address again has no code.
    await page.reload({ waitUntil: "load" });
    await ready(staff, "Sign-in slip already shown");
    result.slipAgain = (await page.locator("main").textContent()).includes(result.code);
    checks.push(await check(browser, staff, dir, "advocate-slip-again"));

    // Jade's family group conference: nothing to send in advance, and the page says why.
    await open(staff, base, "/staff", "My caseload");
    await page.getByRole("link", { name: "Jade", exact: true }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/staff/cases/") && url.pathname !== here, { timeout: 15000 });
    await ready(staff, "Jade, 15");
    result.fgcShareDisabled = await page.getByRole("button", { name: "Share with social worker and chair" }).isDisabled();
    result.fgcHint = await page.locator("#share-hint").textContent();
    checks.push(await check(browser, staff, dir, "advocate-fgc"));

    // Not a case of this advocate: a kind refusal, not a crash.
    await page.goto(`${base}/staff/cases/${Buffer.from("AdvocacyCase:9999").toString("base64url")}`, { waitUntil: "load" });
    await ready(staff, "Case not available");
    result.notMine = (await page.locator("main p[role=alert]").textContent()).trim();
  } catch (error) {
    result.error = `${error.message} (after: ${steps.join(", ")}) at ${page.url()}`;
    await page.screenshot({ path: `${dir}/advocate-failure-js-${javaScript ? "on" : "off"}.png`, fullPage: true }).catch(() => {});
  }
  result.checks = checks;
  result.problems = staff.problems();
  await close(staff);
  emit(result);
}

const browser = await launch();
try {
  await journey(browser, baseOn, true, miaOn);
  await journey(browser, baseOff, false, miaOff);
} finally {
  await browser.close();
}
