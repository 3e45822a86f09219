// The coordinator's oversight page, with JavaScript on and off: the five measures as charts with their
// figures beside them, a period that is not a real period refused kindly, axe and screenshots.
// Arguments: base URL (JS on), base URL (JS off), screenshot folder. One JSON line per run.
import { launch } from "./chromium.mjs";
import { STAFF, check, close, emit, open, signIn, staffPage } from "./staff-common.mjs";

const [onBase, offBase, shots] = process.argv.slice(2);
const browser = await launch();
try {
  for (const [base, javaScript] of [[onBase, true], [offBase, false]]) {
    const staff = await staffPage(browser, { javaScript });
    const result = { javaScript, checks: [] };
    try {
      await signIn(staff, base, STAFF.coordinator, "");
      await staff.page.getByRole("link", { name: "Oversight" }).click();
      await staff.page.waitForURL((url) => url.pathname === "/staff/oversight");
      await staff.page.locator("h1", { hasText: "Oversight" }).waitFor();
      // Let the client-side navigation finish its requests before leaving the page.
      await staff.page.waitForLoadState("networkidle");
      // Chosen with the form, as a coordinator would.
      await staff.page.getByLabel("From", { exact: true }).fill("2025-03-01");
      await staff.page.getByLabel("To", { exact: true }).fill("2025-04-30");
      await staff.page.getByRole("button", { name: "Show" }).click();
      await staff.page.waitForURL((url) => url.searchParams.get("from") === "2025-03-01");
      await staff.page.locator("section.measure").first().waitFor({ timeout: 15000 });
      await staff.page.locator("td", { hasText: "60.0%" }).first().waitFor({ timeout: 15000 });
      result.checks.push(await check(browser, staff, shots, "oversight"));
      result.charts = await staff.page.locator("svg.chart[role=img]").count();
      // Each measure's table: { title: { month: figure } }.
      result.figures = await staff.page.evaluate(() => Object.fromEntries(
        [...document.querySelectorAll("section.measure")].map((s) => [
          s.querySelector("h2").textContent.trim(),
          Object.fromEntries([...s.querySelectorAll("tbody tr")].map((tr) =>
            [tr.querySelector("th").textContent.trim(), tr.querySelector("td").textContent.trim()])),
        ])));
      result.chartLabels = await staff.page.evaluate(() =>
        [...document.querySelectorAll("svg.chart")].map((svg) =>
          document.getElementById(svg.getAttribute("aria-labelledby").split(" ")[1])?.textContent ?? ""));

      // One kind of meeting, chosen with the form.
      await staff.page.getByLabel("Meetings").selectOption({ label: "CiN meeting" });
      await staff.page.getByRole("button", { name: "Show" }).click();
      await staff.page.waitForURL((url) => url.searchParams.get("kind") === "CHILD_IN_NEED_MEETING");
      await staff.page.locator("section.measure").first().waitFor();
      result.cinReferralsComplete = await staff.page.evaluate(() => {
        const s = [...document.querySelectorAll("section.measure")].find((s) => s.querySelector("h2").textContent.includes("Referrals complete"));
        return s ? [...s.querySelectorAll("tbody td")].map((td) => td.textContent.trim()) : null;
      });

      // A period that ends before it starts.
      await staff.page.getByLabel("From", { exact: true }).fill("2025-05-01");
      await staff.page.getByLabel("To", { exact: true }).fill("2025-03-01");
      await staff.page.getByRole("button", { name: "Show" }).click();
      await staff.page.waitForURL((url) => url.searchParams.get("from") === "2025-05-01");
      const summary = staff.page.locator(".error-summary");
      await summary.waitFor({ timeout: 15000 });
      result.problem = (await summary.textContent()).trim();
      result.keptFrom = await staff.page.getByLabel("From", { exact: true }).inputValue();
      result.checks.push(await check(browser, staff, shots, "oversight-bad-period"));

      // Loaded whole from its address (with JavaScript: and taken over by the bundle).
      await open(staff, base, "/staff/oversight?from=2025-03-01&to=2025-04-30", "Oversight");
      result.reloadedCharts = await staff.page.locator("svg.chart[role=img]").count();

      // Another role is told the page is not theirs.
      const other = await staffPage(browser, { javaScript });
      await signIn(other, base, STAFF.advocate, "My caseload");
      await open(other, base, "/staff/oversight", "This page is not for your role");
      result.otherRole = (await other.page.locator("h1").textContent()).trim();
      result.otherProblems = other.problems();
      await close(other);
    } catch (e) {
      result.error = String(e.stack || e);
    }
    result.problems = staff.problems();
    await close(staff);
    emit(result);
  }
} finally {
  await browser.close();
}
