// The admin's Agencies, Notifications and data protection pages in Chromium at desktop size with
// JavaScript on (they are tested without it in the Rust suite): an agency added, a duty contact
// added, a child's record put under a legal hold. Every page: axe (as served and as hydrated),
// layout, a screenshot as <dir>/admin-<page>-js-on.png.
// Usage: node staff-admin-pages.mjs <base> <screenshot-dir>
import { launch } from "./chromium.mjs";
import { STAFF, check, close, emit, open, ready, signIn, staffPage } from "./staff-common.mjs";

const [base, shots] = process.argv.slice(2);

const browser = await launch();
const run = { run: "admin-pages", javaScript: true, problems: [] };
const admin = await staffPage(browser, { javaScript: true });
const { page } = admin;
try {
  await signIn(admin, base, STAFF.admin, "Staff users");
  await open(admin, base, "/staff/agencies", "Partner agencies");
  emit(await check(browser, admin, shots, "admin-agencies"));
  await page.getByLabel("Name", { exact: true }).fill("Oak Hill Academy");
  await page.getByLabel("Kind").selectOption("EDUCATION");
  await page.getByLabel("Contact e-mail (optional)").fill("safeguarding@oakhill.sch.uk");
  await page.getByRole("button", { name: "Add agency", exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get("done") === "saved", { timeout: 15000 });
  await ready(admin, "Partner agencies");
  run.saved = (await page.locator(".notice").first().textContent()).trim();
  emit(await check(browser, admin, shots, "admin-agencies-saved"));

  await open(admin, base, "/staff/notifications", "Notifications");
  emit(await check(browser, admin, shots, "admin-notifications"));
  await page.getByLabel("Team or role").fill("Duty team");
  await page.getByLabel("E-mail address").fill("duty@council.example");
  await page.getByRole("button", { name: "Add duty contact", exact: true }).click();
  await page.getByText("duty@council.example").first().waitFor({ timeout: 15000 });
  await ready(admin, "Notifications");
  run.dutyListed = true;
  emit(await check(browser, admin, shots, "admin-notifications-duty"));

  // Data protection: find a child, put their record under a legal hold, open the export page.
  await open(admin, base, "/staff/admin/children", "Children: holds and erasure");
  emit(await check(browser, admin, shots, "admin-children"));
  await page.getByLabel("Name or reference").fill("Mia");
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get("q") === "Mia", { timeout: 15000 });
  await ready(admin, "Children: holds and erasure");
  await page.getByRole("link", { name: "Mia", exact: true }).click();
  await page.waitForURL((url) => /^\/staff\/admin\/children\/[^/]+$/.test(url.pathname), { timeout: 15000 });
  await ready(admin, "Mia");
  emit(await check(browser, admin, shots, "admin-child-record"));
  await page.getByLabel("Why the record must be held").fill("Care proceedings: court order of 3 March");
  await page.getByRole("button", { name: "Place a legal hold", exact: true }).click();
  await page.getByRole("button", { name: "Lift the hold", exact: true }).waitFor({ timeout: 15000 });
  await ready(admin, "Mia");
  run.held = (await page.locator(".notice").first().textContent()).trim();
  emit(await check(browser, admin, shots, "admin-child-held"));
  await page.getByRole("link", { name: "Download everything held about this child" }).click();
  await ready(admin, "Export a child's record");
  emit(await check(browser, admin, shots, "admin-child-export"));
  await open(admin, base, "/staff/admin/retention", "How long records are kept");
  emit(await check(browser, admin, shots, "admin-retention"));
} catch (e) {
  run.error = `${e.message}`;
} finally {
  run.problems.push(...admin.problems());
  await close(admin);
  await browser.close();
  emit(run);
}
