// The admin imports from files, with JavaScript on and off (each run on its own app), at desktop
// size: the bad files first (the check lists each bad row in a table and writes nothing), a file
// with many bad rows (every one listed), then the put-right files checked, and that check imported
// without choosing the files again (new staff's links shown once). Every step: axe, no sideways
// scroll, and a screenshot as <dir>/import-<step>-js-on|off.png.
// Arguments: base URL (JS on), base URL (JS off), screenshot folder, folder with the CSV files
// (staff.csv, children-bad.csv, meetings-bad.csv, children-many-bad.csv, children.csv,
// meetings.csv). One JSON line per run.
import { launch } from "./chromium.mjs";
import { STAFF, check, close, emit, ready, signIn, staffPage } from "./staff-common.mjs";

const [onBase, offBase, shots, files] = process.argv.slice(2);

async function rows(page, selector) {
  return page.evaluate((selector) =>
    [...document.querySelectorAll(`${selector} tbody tr`)].map((tr) =>
      [...tr.children].map((cell) => cell.textContent.replace(/\s+/g, " ").trim())), selector);
}

/// Press the button and wait for the page it leads to (`?check=…` or `?at=…`) and its heading.
async function press(staff, button, param) {
  const { page } = staff;
  const before = page.url();
  await page.getByRole("button", { name: button, exact: true }).click();
  await page.waitForURL((url) => url.href !== before && url.searchParams.has(param), { timeout: 60000 });
  await ready(staff, "Import from files");
  await page.locator("#report-title").waitFor({ timeout: 15000 });
  return (await page.locator("#report-title").innerText()).trim();
}

/// Choose the files and check them.
async function upload(staff, staffFile, children, meetings) {
  const { page } = staff;
  if (staffFile) await page.getByLabel("Staff file (CSV)").setInputFiles(`${files}/${staffFile}`);
  await page.getByLabel("Children file (CSV)").setInputFiles(`${files}/${children}`);
  if (meetings) await page.getByLabel("Meetings file (CSV)").setInputFiles(`${files}/${meetings}`);
  return press(staff, "Check the files", "check");
}

async function run(base, javaScript) {
  const tag = javaScript ? "on" : "off";
  const result = { javaScript, checks: [], steps: [] };
  const admin = await staffPage(browser, { javaScript });
  const { page } = admin;
  try {
    await signIn(admin, base, STAFF.admin, "Staff users");
    await page.getByRole("link", { name: "Import from files" }).click();
    await page.waitForURL((url) => url.pathname === "/staff/import", { timeout: 15000 });
    await ready(admin, "Import from files");
    result.checks.push(await check(browser, admin, shots, "import-empty"));
    result.steps.push("page");

    result.badHeading = await upload(admin, "staff.csv", "children-bad.csv", "meetings-bad.csv");
    result.problems = await rows(page, "[data-testid=import-problems]");
    result.importOffered = await page.getByRole("button", { name: "Import these files" }).count();
    result.checks.push(await check(browser, admin, shots, "import-problems"));
    result.steps.push("bad files checked");

    result.manyHeading = await upload(admin, "staff.csv", "children-many-bad.csv", null);
    result.manyProblems = (await rows(page, "[data-testid=import-problems]")).length;
    result.steps.push("many bad rows checked");

    result.readyHeading = await upload(admin, "staff.csv", "children.csv", "meetings.csv");
    result.wouldDo = await rows(page, "section[aria-labelledby=report-title]");
    result.checks.push(await check(browser, admin, shots, "import-ready"));
    result.steps.push("good files checked");

    result.doneHeading = await press(admin, "Import these files", "at");
    result.did = await rows(page, "section[aria-labelledby=report-title]");
    result.links = await page.locator("[data-testid=new-staff-links] li").allInnerTexts();
    result.checks.push(await check(browser, admin, shots, "import-done"));
    // Shown once: the same page again no longer shows the links.
    await page.reload({ waitUntil: "load" });
    await ready(admin, "Import from files");
    result.linksAgain = await page.locator("[data-testid=new-staff-links] li").count();
    result.steps.push("imported");
  } catch (error) {
    result.error = String(error.stack || error);
    result.url = page.url();
    await page.screenshot({ path: `${shots}/import-failed-js-${tag}.png`, fullPage: true }).catch(() => {});
  }
  result.pageProblems = admin.problems();
  await close(admin);
  return result;
}

const browser = await launch();
try {
  for (const [base, javaScript] of [[onBase, true], [offBase, false]]) emit(await run(base, javaScript));
} finally {
  await browser.close();
}
