// Issue 20's story, "heard and answered", on the demo data as new users would try it, one step per
// run (the test moves the meeting into the past between steps): the advocate writes down three
// things Mia said on a visit → Mia, on her phone, says "Yes, that is right" → the advocate shares them
// and saves the statement as a PDF → the social worker reads them → the chair reads them and sends
// Mia a message → (the meeting takes place) → the chair answers each of Mia's points → Mia sees each
// answer, answers the message, and sees who read her views before the meeting.
// Arguments: base URL, "on" | "off" (JavaScript), step, screenshot folder, step input as JSON.
// Prints one JSON line: what the step saw, and any problems.
import { launch } from "./chromium.mjs";
import { axe, axeAsServed, childPhone, layout, ready as childReady, signIn as childSignIn } from "./child-common.mjs";
import { STAFF, check, close, emit, open, press, ready, signIn, staffPage } from "./staff-common.mjs";

const [base, js, step, shots, input] = process.argv.slice(2);
const javaScript = js === "on";
const given = JSON.parse(input || "{}");
const tag = `JS ${js}`;
// Mia's words as her advocate heard them: an apostrophe and a dash, kept exactly.
const SAID = {
  worry: `I'm scared I won't see my brother — he's all I've got (${tag}).`,
  goingWell: `Mr and Mrs Patel's dog sleeps on my bed (${tag}).`,
  want: `I want to stay at my school with my friends (${tag}).`,
};
const MESSAGE = `Thank you, Mia. I will read your views out first on Tuesday (${tag}).`;
const ANSWERS = [
  ["AGREED", `You will see your brother every month (${tag}).`],
  ["NOT_THIS_TIME", `the dog has to stay downstairs at night (${tag}).`],
  ["TALK_ABOUT_LATER", `at your next review in June (${tag}).`],
];
const RECORD_FIELDS = {
  "What we are worried about now, including the impact on the child": "Mia misses her brother.",
  "Complicating factors": "Her brother lives in another county.",
  "What's going well": "Mia is settled with Mr and Mrs Patel.",
  "Signs of safety": "Mia talks to her foster carers when she is upset.",
  "What needs to happen: the plan": "Mia stays with Mr and Mrs Patel; monthly contact with her brother.",
  "Outcome in staff words": "Placement to continue. Sibling contact monthly.",
  "Outcome in the child's words": `You stay with Mr and Mrs Patel and see your brother every month (${tag}).`,
};
const flat = (s) => s.replace(/\s+/g, " ").trim();

/// A child page as the child has it now: axe as served and, with JavaScript, as hydrated; the
/// layout; a screenshot.
async function childCheck(browser, phone, name) {
  const served = await axeAsServed(browser, phone);
  const hydrated = phone.javaScript ? await axe(phone.page) : [];
  const shape = await layout(phone.page);
  const file = `${shots}/${name}-js-${js}.png`;
  await phone.page.screenshot({ path: file, fullPage: true });
  return { page: name, violations: [...served, ...hydrated], overflow: shape.overflow, smallTargets: shape.smallTargets };
}

async function asStaff(browser, result, who, heading, work) {
  const staff = await staffPage(browser, { javaScript });
  try {
    await signIn(staff, base, who, heading);
    await work(staff, staff.page);
  } finally {
    result.problems.push(...staff.problems());
    await close(staff);
  }
}

async function asMia(browser, result, work) {
  const phone = await childPhone(browser, { javaScript });
  try {
    await childSignIn(phone, base);
    await work(phone, phone.page);
  } finally {
    result.problems.push(...phone.problems());
    if (phone.twin) await phone.twin.context().close();
    await phone.page.context().close();
  }
}

const steps = {
  async words(browser, result) {
    await asStaff(browser, result, STAFF.advocate, "My caseload", async (adv, page) => {
      await page.getByRole("link", { name: "Mia", exact: true }).click();
      await page.waitForURL((url) => url.pathname.startsWith("/staff/cases/"));
      await ready(adv, "Mia");
      result.casePath = new URL(page.url()).pathname;
      await page.getByLabel("Things they worry about").fill(SAID.worry);
      await page.getByLabel("Things that are going well").fill(SAID.goingWell);
      await page.getByLabel("What they want to happen").fill(SAID.want);
      await page.getByRole("checkbox", { name: "Social worker" }).check();
      await page.getByRole("checkbox", { name: "Chair (ISRO)" }).check();
      await press(adv, "Record Mia's words", (url) => url.searchParams.get("done") === "views-recorded", "Mia");
      result.label = flat(await page.locator(".case-main").first().innerText());
      result.checks.push(await check(browser, adv, shots, "heard-words-recorded"));
      result.said = SAID;
    });
  },

  async confirm(browser, result) {
    await asMia(browser, result, async (phone, page) => {
      result.asked = flat(await page.locator("section[aria-labelledby=check-title]").innerText());
      result.checks.push(await childCheck(browser, phone, "heard-my-meeting-check"));
      await page.getByRole("button", { name: "Yes, that is right", exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get("confirmed") === "1", { timeout: 15000 });
      await childReady(phone, "Hello, Mia");
      result.notice = flat(await page.locator("p.notice[role=status]").first().innerText());
      result.stillAsked = await page.locator("section[aria-labelledby=check-title]").count();
    });
  },

  async share(browser, result) {
    await asStaff(browser, result, STAFF.advocate, "My caseload", async (adv, page) => {
      await open(adv, base, given.casePath, "Mia");
      result.label = flat(await page.locator(".case-main").first().innerText());
      await page.getByRole("button", { name: "Share with social worker and chair" }).click();
      await page.locator(".adv-notice.ok").first().waitFor({ timeout: 15000 });
      await page.getByRole("link", { name: "Open the statement to print or save as PDF" }).click();
      await page.waitForURL((url) => url.pathname.startsWith("/staff/statement/"), { timeout: 15000 });
      await ready(adv, "Mia's views: statement");
      result.checks.push(await check(browser, adv, shots, "heard-statement"));
      await page.emulateMedia({ media: "print" });
      result.pdf = `${given.pdfDir}/heard-statement-js-${js}.pdf`;
      await page.pdf({ path: result.pdf, format: "A4", printBackground: true });
    });
  },

  async read(browser, result) {
    await asStaff(browser, result, STAFF.socialWorker, "My children", async (sw, page) => {
      await open(sw, base, "/staff/shared-views", "Views shared with me");
      await page.getByRole("link", { name: /Mia/ }).first().click();
      await ready(sw, "Mia's views");
      result.views = flat(await page.locator("main").innerText());
    });
  },

  async message(browser, result) {
    await asStaff(browser, result, STAFF.isro, "My meetings", async (isro, page) => {
      await page.getByRole("link", { name: /CLA review/ }).first().click();
      await page.waitForURL((url) => url.pathname.startsWith("/staff/meetings/"));
      await ready(isro, "for Mia");
      result.views = flat(await page.locator("article.views-card").first().innerText());
      await page.getByLabel("To", { exact: true }).selectOption({ label: "Mia" });
      await page.getByLabel("Message", { exact: true }).fill(MESSAGE);
      await press(isro, "Send the message", (url) => url.searchParams.get("message") === "sent", "for Mia");
      result.notice = flat(await page.locator("#messages ~ p.notice").first().innerText());
      result.listed = flat(await page.locator("section.messages ul").innerText());
      result.checks.push(await check(browser, isro, shots, "heard-chair-message"));
      result.message = MESSAGE;
    });
  },

  async record(browser, result) {
    await asStaff(browser, result, STAFF.isro, "My meetings", async (isro, page) => {
      await page.getByRole("link", { name: /CLA review/ }).first().click();
      await page.waitForURL((url) => url.pathname.startsWith("/staff/meetings/"));
      await ready(isro, "for Mia");
      for (const [label, words] of Object.entries(RECORD_FIELDS)) await page.getByLabel(label, { exact: false }).fill(words);
      result.points = await page.locator("fieldset.point legend").allTextContents();
      for (const [i, [kind, words]] of ANSWERS.entries()) {
        await page.locator(`#answers-${i}-${kind.toLowerCase()}`).check();
        await page.locator(`#answers-${i}-words`).fill(words);
      }
      await press(isro, "Save the meeting record", (url) => url.searchParams.get("saved") === "record", "for Mia");
      result.checks.push(await check(browser, isro, shots, "heard-recorded"));
      result.answers = ANSWERS;
    });
  },

  async after(browser, result) {
    await asMia(browser, result, async (phone, page) => {
      result.messages = flat(await page.locator("section[aria-labelledby=messages-title]").innerText());
      result.checks.push(await childCheck(browser, phone, "heard-my-meeting-message"));
      await page.getByRole("button", { name: "Thank you", exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get("answered") === "1", { timeout: 15000 });
      await childReady(phone, "Hello, Mia");
      result.answered = flat(await page.locator("section[aria-labelledby=messages-title]").innerText());
      await page.getByRole("link", { name: "Who has read my views" }).first().click();
      await page.waitForURL((url) => url.pathname === "/me/who-read", { timeout: 15000 });
      await childReady(phone, "Who has read my views");
      result.readers = await page.locator("ul.readers li").allTextContents();
      result.checks.push(await childCheck(browser, phone, "heard-who-read"));
      await page.goto(`${base}/me/after`);
      await childReady(phone, "What happened at my meeting");
      result.after = flat(await page.locator("main").innerText());
      result.checks.push(await childCheck(browser, phone, "heard-after"));
    });
  },
};

const browser = await launch();
const result = { step, javaScript, checks: [], problems: [] };
try {
  await steps[step](browser, result);
} catch (e) {
  result.error = String(e.stack || e);
} finally {
  await browser.close();
}
emit(result);
