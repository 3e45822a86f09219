// The social worker's records by hand (issue 19, item 2) in Chromium at desktop size with
// JavaScript on: adds Zara, sets up her CiN meeting with the police invited (a day gone by first:
// refused beside the date, what was typed kept), moves it with a reason, and opens the cancel
// step. Every page: axe (as served and as hydrated), layout, a screenshot as
// <dir>/records-<page>-js-on.png. One JSON line per page checked and one for the run.
// Usage: node staff-records.mjs <base> <screenshot-dir>
import { launch } from "./chromium.mjs";
import { STAFF, carrying, check, close, emit, ready, signIn, staffPage } from "./staff-common.mjs";

const [base, shots] = process.argv.slice(2);
const PLACE = "Family centre, Taunton";
const REASON = "The chair is on leave that week.";
const TYPED = ["Zara", PLACE, REASON];
const HOME = "My children and their meetings";

/// A day `days` from today as a date box holds it.
const day = (days) => new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
const text = async (locator) => (await locator.first().textContent()).trim();

async function press(staff, name, until, heading) {
  await staff.page.getByRole("button", { name, exact: true }).click();
  await staff.page.waitForURL(until, { timeout: 15000 });
  await ready(staff, heading);
}

const browser = await launch();
const run = { run: "records", javaScript: true, problems: [], addressesCarryingText: [] };
const sw = await staffPage(browser, { javaScript: true });
const { page } = sw;
try {
  await signIn(sw, base, STAFF.socialWorker, HOME);
  emit(await check(browser, sw, shots, "records-my-children"));

  await page.getByRole("link", { name: "Add a child", exact: true }).click();
  await ready(sw, "Add a child");
  emit(await check(browser, sw, shots, "records-add-child"));
  await page.getByLabel("Name the child wants to be called").fill("Zara");
  await page.getByLabel("Date of birth").fill("2014-06-01");
  await page.getByLabel("No", { exact: true }).check();
  await page.getByLabel("An interpreter is needed to work with the child").check();
  await press(sw, "Add child", (url) => url.searchParams.get("done") === "child-added", HOME);
  run.childAdded = await text(page.locator(".notice"));

  await page.getByRole("link", { name: "Add a meeting for Zara" }).click();
  await ready(sw, "New meeting for Zara");
  emit(await check(browser, sw, shots, "records-new-meeting"));
  await page.getByLabel("Kind of meeting").selectOption("CHILD_IN_NEED_MEETING");
  await page.getByLabel("Date", { exact: true }).fill(day(-1));
  await page.getByLabel("Start time (UK time)").fill("10:00");
  await page.getByLabel("Place (optional)").fill(PLACE);
  await page.getByLabel("Chair (ISRO: CP chair or IRO)").selectOption({ label: "Helen Carter" });
  await page.getByLabel("Demo Constabulary").check();
  await press(sw, "Add meeting", (url) => url.searchParams.get("check") === "1", "New meeting for Zara");
  run.dateError = await text(page.locator("#date-error"));
  run.placeKept = await page.getByLabel("Place (optional)").inputValue();
  run.policeKept = await page.getByLabel("Demo Constabulary").isChecked();
  emit(await check(browser, sw, shots, "records-new-meeting-problem"));
  await page.getByLabel("Date", { exact: true }).fill(day(20));
  await press(sw, "Add meeting", (url) => url.searchParams.get("done") === "meeting-added", HOME);
  run.meetingAdded = await text(page.locator(".notice"));

  await page.getByRole("link", { name: /^Move or cancel Zara/ }).click();
  await ready(sw, "Move or cancel the CiN meeting");
  emit(await check(browser, sw, shots, "records-move"));
  await page.getByLabel("New date").fill(day(27));
  await page.getByLabel("New start time (UK time)").fill("12:00");
  await page.getByLabel("Why it moved").fill(REASON);
  await press(sw, "Move meeting", (url) => url.searchParams.get("done") === "meeting-moved", HOME);
  run.moved = await text(page.locator(".notice"));
  emit(await check(browser, sw, shots, "records-moved"));

  await page.getByRole("link", { name: /^Move or cancel Zara/ }).click();
  await ready(sw, "Move or cancel the CiN meeting");
  await page.getByRole("link", { name: "Cancel this meeting…" }).click();
  await ready(sw, "Cancel the CiN meeting?");
  emit(await check(browser, sw, shots, "records-cancel-confirm"));
} catch (e) {
  run.error = `${e.message}`;
} finally {
  run.problems.push(...sw.problems());
  run.addressesCarryingText.push(...carrying(sw.addresses(), TYPED));
  await close(sw);
  await browser.close();
  emit(run);
}
