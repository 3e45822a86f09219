// The admin's Agencies and Notifications pages in Chromium at desktop size with JavaScript on (they
// are tested without it in the Rust suite): an agency added, a duty contact added. Every page: axe
// (as served and as hydrated), layout, a screenshot as <dir>/admin-<page>-js-on.png.
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
} catch (e) {
  run.error = `${e.message}`;
} finally {
  run.problems.push(...admin.problems());
  await close(admin);
  await browser.close();
  emit(run);
}
