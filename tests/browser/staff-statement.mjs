// The statement of a child's views (issue 20), as the advocate and the social worker use it: the
// advocate records on Mia's case that she handed the printed statement to Mia's family, opens the
// statement and saves it as a PDF (Chromium's print to PDF, A4, print styles: what "Save as PDF"
// in the print window makes); the social worker opens the same statement from the views shared
// with them. Once with JavaScript off, once on. Every page is checked (axe, layout, screenshot).
// Prints one JSON line per run.
// Usage: node staff-statement.mjs <base> <screenshot-dir> <case-path> <views-id> <pdf-dir>
import { launch } from "./chromium.mjs";
import { STAFF, check, close, emit, open, press, ready, signIn, staffPage } from "./staff-common.mjs";

const [base, shots, casePath, viewsId, pdfDir] = process.argv.slice(2);

async function run(browser, javaScript) {
  const checks = [];
  const result = { javaScript, checks };
  const advocate = await staffPage(browser, { javaScript });
  try {
    await signIn(advocate, base, STAFF.advocate, "My caseload");
    await open(advocate, base, casePath, "Mia");
    if (!javaScript) {
      // Only the people Mia agreed to and who get no share are offered: her family.
      result.offered = await advocate.page.locator("#statement-title ~ form fieldset label").allTextContents();
      await press(advocate, "Record that I handed it over", (url) => url.searchParams.get("done") === "handed", "Mia");
    }
    result.went = (await advocate.page.locator("#statement-title ~ ul.went").textContent()).trim();
    checks.push(await check(browser, advocate, shots, "advocate-case-statement"));
    await advocate.page.getByRole("link", { name: "Open the statement to print or save as PDF" }).click();
    await advocate.page.waitForURL((url) => url.pathname === `/staff/statement/${viewsId}`, { timeout: 15000 });
    await ready(advocate, "Mia's views: statement");
    checks.push(await check(browser, advocate, shots, "advocate-statement"));
    result.printButton = await advocate.page.getByRole("button", { name: "Print or save as PDF" }).count();
    const pdf = `${pdfDir}/statement-js-${javaScript ? "on" : "off"}.pdf`;
    await advocate.page.emulateMedia({ media: "print" });
    await advocate.page.pdf({ path: pdf, format: "A4", printBackground: true });
    result.pdf = pdf;
  } finally {
    result.problems = advocate.problems();
    await close(advocate);
  }
  const socialWorker = await staffPage(browser, { javaScript });
  try {
    await signIn(socialWorker, base, STAFF.socialWorker, "My children");
    await open(socialWorker, base, "/staff/shared-views", "Views shared with me");
    await socialWorker.page.getByRole("link", { name: /Mia/ }).first().click();
    await ready(socialWorker, "Mia's views");
    await socialWorker.page.getByRole("link", { name: "Statement to print or save as PDF" }).click();
    await socialWorker.page.waitForURL((url) => url.pathname === `/staff/statement/${viewsId}`, { timeout: 15000 });
    await ready(socialWorker, "Mia's views: statement");
    result.socialWorkerSees = (await socialWorker.page.locator("article.statement").textContent()).replace(/\s+/g, " ");
    checks.push(await check(browser, socialWorker, shots, "social-worker-statement"));
  } finally {
    result.problems.push(...socialWorker.problems());
    await close(socialWorker);
  }
  return result;
}

const browser = await launch();
try {
  for (const javaScript of [false, true]) {
    try {
      emit(await run(browser, javaScript));
    } catch (e) {
      emit({ javaScript, error: String(e.stack || e) });
    }
  }
} finally {
  await browser.close();
}
