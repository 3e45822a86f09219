// The ISRO and the partner agency, with JavaScript on and off (each run on its own app): the ISRO
// opens Mia's meeting, reads her views, records the meeting (first with a required box left empty),
// sends the outcome to the police; the agency acknowledges it; the ISRO sees the acknowledgement.
// Every page: axe (as served and as hydrated), no sideways scroll at 1280 and at tablet width, and a
// screenshot as <dir>/meetings-<page>-js-on|off.png.
// Arguments: base URL (JS on), base URL (JS off), screenshot folder. One JSON line per run.
import { launch } from "./chromium.mjs";
import { STAFF, TABLET, check, close, emit, layout, open, press, ready, signIn, staffPage } from "./staff-common.mjs";

const [onBase, offBase, shots] = process.argv.slice(2);

const LABELS = {
  worried: "What we are worried about now, including the impact on the child",
  complicating: "Complicating factors",
  goingWell: "What's going well",
  signs: "Signs of safety",
  plan: "What needs to happen: the plan",
  staffWords: "Outcome in staff words",
  childWords: "Outcome in the child's words",
};
const RECORD = "Save the meeting record";
// Mia's four points (a worry, a good thing, a wish, her free words) and the chair's answer to each.
function answers(tag) {
  return [
    ["AGREED", `You will see your brother every month (JS ${tag}).`],
    ["TALK_ABOUT_LATER", "at your next meeting."],
    ["NOT_THIS_TIME", "the court has to decide first."],
    ["ADVOCATE_WILL_EXPLAIN", ""],
  ];
}

/// Each point's answer as the form shows it: the choice ticked and the words.
async function answersShown(page) {
  return page.evaluate(() => [...document.querySelectorAll("fieldset.point")].map((set) => ({
    kind: set.querySelector("input[type=radio]:checked")?.value ?? null,
    words: set.querySelector("textarea").value,
  })));
}
const SEND = "Send the outcome";

function typed(tag) {
  return {
    worried: `Mia misses her brother and worries she will lose touch (JS ${tag}).`,
    complicating: "Her brother lives in another county.",
    goingWell: "Mia is settled with Mr and Mrs Patel.\nSchool says she is doing well.",
    signs: "Mia talks to her foster carers when she is upset.",
    plan: `1. Mia stays with Mr and Mrs Patel.\n2. Contact with her brother every month, from January (JS ${tag}).`,
    staffWords: "Placement to continue. Sibling contact monthly. Next CLA review in six months.",
    childWords: `You said you want to stay with Mr and Mrs Patel. The meeting agreed: you stay.\nYou said you miss your brother. You will see him every month (JS ${tag}).`,
  };
}

/// The record form as it is now: every box's value, the error summary and the child's-words box's error.
async function formState(page) {
  const values = {};
  for (const [key, label] of Object.entries(LABELS)) values[key] = await page.getByLabel(label, { exact: false }).inputValue();
  return values;
}

async function tabletLayout(staff, name) {
  await staff.page.setViewportSize(TABLET);
  const shape = await layout(staff.page);
  await staff.page.screenshot({ path: `${shots}/meetings-${name}-tablet-js-${staff.javaScript ? "on" : "off"}.png`, fullPage: true });
  await staff.page.setViewportSize({ width: 1280, height: 800 });
  return { page: `${name} (tablet)`, javaScript: staff.javaScript, violations: [], ...shape };
}

async function run(base, javaScript) {
  const tag = javaScript ? "on" : "off";
  const words = typed(tag);
  const result = { javaScript, typed: words, checks: [], steps: [] };
  const isro = await staffPage(browser, { javaScript });
  const agency = await staffPage(browser, { javaScript });
  const { page } = isro;
  try {
    // My meetings: Mia's review is in the past, with her views received and not yet opened.
    await signIn(isro, base, STAFF.isro, "My meetings");
    await page.getByRole("link", { name: /CLA review/ }).first().waitFor({ timeout: 15000 });
    result.checks.push(await check(browser, isro, shots, "meetings-home"));
    result.home = (await page.locator("main").innerText()).replace(/\s+/g, " ");
    result.steps.push("my meetings");

    await page.getByRole("link", { name: /CLA review/ }).first().click();
    await page.waitForURL((url) => url.pathname.startsWith("/staff/meetings/"));
    await ready(isro, "CLA review for Mia");
    const meetingPath = new URL(page.url()).pathname;
    result.meetingPath = meetingPath;
    result.checks.push(await check(browser, isro, shots, "meetings-meeting"));
    result.checks.push(await tabletLayout(isro, "meeting"));
    // Mia's views exactly as shown: list items and the free words, line breaks kept.
    result.views = await page.evaluate(() => {
      const card = document.querySelector("article.views-card");
      if (!card) return null;
      const out = { heading: card.querySelector("h3").textContent.trim() };
      for (const h of card.querySelectorAll("h4")) {
        const next = h.nextElementSibling;
        out[h.textContent.trim()] = next.tagName === "UL" ? [...next.querySelectorAll("li")].map((li) => li.textContent) : next.textContent;
      }
      return out;
    });
    result.auditNote = (await page.locator(".audit-note").textContent()).trim();
    result.steps.push("read views");

    // Record, first without the outcome in the child's words: refused, everything typed kept.
    for (const key of ["worried", "complicating", "goingWell", "signs", "plan", "staffWords"]) {
      await page.getByLabel(LABELS[key], { exact: false }).fill(words[key]);
    }
    result.answers = answers(tag);
    for (const [i, [kind, text]] of result.answers.entries()) {
      await page.locator(`#answers-${i}-${kind.toLowerCase()}`).check();
      if (text) await page.locator(`#answers-${i}-words`).fill(text);
    }
    await press(isro, RECORD, (url) => url.searchParams.has("errors"), "CLA review for Mia");
    await page.locator(".error-summary").waitFor({ timeout: 15000 });
    const childBox = page.getByLabel(LABELS.childWords, { exact: false });
    result.refused = {
      url: new URL(page.url()).search,
      summary: (await page.locator(".error-summary").innerText()).replace(/\s+/g, " ").trim(),
      links: await page.locator(".error-summary a").evaluateAll((as) => as.map((a) => a.getAttribute("href"))),
      fieldError: (await page.locator("#outcome_child_words-error").textContent()).trim(),
      invalid: await childBox.getAttribute("aria-invalid"),
      describedBy: await childBox.getAttribute("aria-describedby"),
      kept: await formState(page),
      keptAnswers: await answersShown(page),
    };
    result.checks.push(await check(browser, isro, shots, "meetings-record-error"));
    result.steps.push("refused");

    await childBox.fill(words.childWords);
    await press(isro, RECORD, (url) => url.searchParams.get("saved") === "record", "CLA review for Mia");
    result.saved = {
      notice: (await page.locator("p.notice").first().textContent()).trim(),
      shown: await formState(page),
      answers: await answersShown(page),
    };
    result.checks.push(await check(browser, isro, shots, "meetings-recorded"));
    result.steps.push("recorded");

    // Send the outcome: first with nothing ticked (refused), then to the police.
    await press(isro, SEND, (url) => url.searchParams.has("errors"), "CLA review for Mia");
    await page.locator(".distribute .error-summary").waitFor({ timeout: 15000 });
    result.sendRefused = (await page.locator(".distribute .error-summary").innerText()).replace(/\s+/g, " ").trim();
    result.checks.push(await check(browser, isro, shots, "meetings-send-error"));
    await page.getByRole("checkbox", { name: "Demo Constabulary" }).check();
    await press(isro, SEND, (url) => url.searchParams.has("sent"), "CLA review for Mia");
    result.sent = {
      notice: (await page.locator("p.notice").first().textContent()).trim(),
      rows: await page.locator("table.distribution tbody tr").evaluateAll((rows) => rows.map((r) => r.innerText.replace(/\s+/g, " ").trim())),
      stillOffered: await page.getByRole("checkbox").evaluateAll((boxes) => boxes.map((b) => b.labels[0]?.textContent.trim())),
    };
    result.checks.push(await check(browser, isro, shots, "meetings-sent"));
    result.steps.push("sent");

    // The agency (police) reads it and acknowledges.
    await signIn(agency, base, STAFF.agency, "Outcomes sent to me");
    // With JavaScript, signing in draws the page in the browser: the list arrives after the heading.
    await agency.page.getByText(/To acknowledge \(\d+\)/).first().waitFor({ timeout: 15000 });
    result.agencyBefore = (await agency.page.locator("main").innerText()).replace(/\s+/g, " ");
    result.checks.push(await check(browser, agency, shots, "meetings-agency"));
    result.checks.push(await tabletLayout(agency, "agency"));
    await press(agency, "Acknowledge", (url) => url.searchParams.has("acknowledged"), "Outcomes sent to me");
    await agency.page.locator("p.notice").waitFor({ timeout: 15000 });
    result.agencyAfter = (await agency.page.locator("main").innerText()).replace(/\s+/g, " ");
    result.acknowledgeButtons = await agency.page.getByRole("button", { name: "Acknowledge" }).count();
    result.checks.push(await check(browser, agency, shots, "meetings-agency-acknowledged"));
    // The meeting page is the chair's: the agency is told so.
    await open(agency, base, meetingPath, "This page is not for your role");
    result.steps.push("acknowledged");

    // The ISRO sees who acknowledged, and when, loading the page whole from its address.
    const chair = await staffPage(browser, { javaScript });
    await chair.page.context().addCookies(await page.context().cookies());
    await open(chair, base, meetingPath, "CLA review for Mia");
    result.acknowledged = await chair.page.locator("table.distribution tbody tr").evaluateAll((rows) => rows.map((r) => r.innerText.replace(/\s+/g, " ").trim()));
    result.checks.push(await check(browser, chair, shots, "meetings-acknowledged"));
    result.problems_chair = chair.problems();
    await close(chair);
    result.steps.push("seen");
  } catch (e) {
    result.error = String(e.stack || e);
    result.url = page.url();
    result.agencyUrl = agency.page.url();
    await page.screenshot({ path: `${shots}/meetings-failed-js-${tag}.png`, fullPage: true }).catch(() => {});
    await agency.page.screenshot({ path: `${shots}/meetings-failed-agency-js-${tag}.png`, fullPage: true }).catch(() => {});
  }
  result.problems = [
    ...isro.problems().map((p) => `ISRO: ${p}`),
    ...agency.problems().map((p) => `agency: ${p}`),
    ...(result.problems_chair ?? []).map((p) => `ISRO (last look): ${p}`),
  ];
  delete result.problems_chair;
  await close(isro);
  await close(agency);
  return result;
}

const browser = await launch();
try {
  for (const [base, javaScript] of [[onBase, true], [offBase, false]]) emit(await run(base, javaScript));
} finally {
  await browser.close();
}
