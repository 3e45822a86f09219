// One child's story across every role, as new users would try it on the demo data, one step per run
// (the test moves time on between steps): the social worker refers Sam → the coordinator accepts and
// allocates → the advocate issues a sign-in code → Sam sends his views → the advocate shares them →
// the chair records the meeting and sends the outcome → the agency acknowledges → Sam sees the outcome
// and who read his views.
// Arguments: base URL, "on" | "off" (JavaScript), step, screenshot folder, step input as JSON.
// Prints one JSON line: what the step saw, and any problems.
import { launch } from "./chromium.mjs";
import { childPhone, ready as childReady } from "./child-common.mjs";
import { STAFF, check, close, emit, open, press, ready, signIn, staffPage } from "./staff-common.mjs";

const [base, js, step, shots, input] = process.argv.slice(2);
const javaScript = js === "on";
const given = JSON.parse(input || "{}");
const tag = `JS ${js}`;
const WORRY = `I worry when Mum and Dad shout (${tag}).`;
const WANT = `I want to stay with Mum and Gran (${tag}).`;
const OUTCOME_FOR_SAM = `You said you want to stay with Mum and Gran. The meeting agreed: you stay (${tag}).`;

const steps = {
  async refer(browser, result) {
    const sw = await staffPage(browser, { javaScript });
    try {
      await signIn(sw, base, STAFF.socialWorker, "My children and their meetings");
      const page = sw.page;
      await page.getByRole("link", { name: "Request an advocate" }).first().click();
      await page.waitForURL((url) => url.pathname === "/staff/referrals/new");
      await ready(sw, "Request an advocate");
      const option = await page.getByLabel("Child and meeting").locator("option", { hasText: "Sam" }).first();
      await page.getByLabel("Child and meeting").selectOption(await option.getAttribute("value"));
      await page.getByLabel("Why the child needs an advocate").fill("Sam is 9 and finds the review conference frightening.");
      await page.getByLabel("How to contact the child").fill("Through Gran, after school.");
      await page.getByLabel("Communication needs").fill("None");
      await page.getByLabel("Who the child lives with").fill("Mum and Gran");
      await page.getByLabel("Risks for a visit").fill("None known");
      await page.getByRole("radio", { name: "Given: the parents or carers agree" }).check();
      await press(sw, "Check the referral", (url) => url.pathname === "/staff/referrals/new", "Request an advocate");
      result.score = (await page.locator(".assessment .score").first().textContent()).trim();
      result.checks.push(await check(browser, sw, shots, "story-refer"));
      await press(sw, "Send the referral", (url) => /^\/staff\/referrals\/[^/]+$/.test(url.pathname), "Referral sent");
      result.state = (await page.locator(".referral-state").textContent()).trim();
    } finally {
      result.problems.push(...sw.problems());
      await close(sw);
    }
  },

  async allocate(browser, result) {
    const co = await staffPage(browser, { javaScript });
    try {
      await signIn(co, base, STAFF.coordinator, "Referral inbox");
      const page = co.page;
      await page.getByRole("link", { name: "Sam (9)" }).first().click();
      await page.waitForURL((url) => url.pathname.startsWith("/staff/referrals/"));
      await ready(co, "Referral for Sam (9)");
      await press(co, "Accept referral", (url) => url.searchParams.get("done") === "accepted", "Referral for Sam (9)");
      result.suggested = (await page.locator("fieldset input[type=radio]:checked").evaluate((r) => r.labels[0].textContent)).trim();
      await press(co, "Allocate advocate", (url) => url.searchParams.get("done") === "allocated", "Referral for Sam (9)");
      result.state = (await page.locator(".referral-state").textContent()).trim();
      result.checks.push(await check(browser, co, shots, "story-allocated"));
    } finally {
      result.problems.push(...co.problems());
      await close(co);
    }
  },

  async code(browser, result) {
    const adv = await staffPage(browser, { javaScript });
    try {
      await signIn(adv, base, STAFF.advocate, "My caseload");
      const page = adv.page;
      await page.getByRole("link", { name: "Sam", exact: true }).click();
      await page.waitForURL((url) => url.pathname.startsWith("/staff/cases/"));
      await ready(adv, "Sam");
      const here = new URL(page.url()).pathname;
      await press(adv, "Issue sign-in code", (url) => url.pathname === `${here}/slip`, "Sign-in slip for Sam");
      result.code = (await page.locator(".slip dd.code").nth(0).textContent()).trim();
      result.pin = (await page.locator(".slip dd.code").nth(1).textContent()).trim();
      result.casePath = here;
      result.checks.push(await check(browser, adv, shots, "story-slip"));
    } finally {
      result.problems.push(...adv.problems());
      await close(adv);
    }
  },

  async child(browser, result) {
    const phone = await childPhone(browser, { javaScript });
    const { page } = phone;
    try {
      await page.goto(`${base}/sign-in`);
      await childReady(phone, "Sign in");
      await page.getByLabel("Your code").fill(given.code);
      await page.getByLabel("Your PIN").fill(given.pin);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname === "/me");
      await childReady(phone, "Hello, Sam");
      await page.locator('main a[href="/me/views/worries"]').first().click();
      await page.waitForURL((url) => url.pathname === "/me/views/worries");
      await childReady(phone, "Things I worry about");
      await page.getByLabel("Thing 1", { exact: true }).fill(WORRY);
      const next = async (path, heading) => {
        await page.getByRole("button", { name: "Save and go on", exact: true }).click();
        await page.waitForURL((url) => url.pathname === path, { timeout: 15000 });
        await childReady(phone, heading);
      };
      await next("/me/views/going-well", "Things that are going well");
      await next("/me/views/want-to-happen", "What I want to happen");
      await page.getByLabel("Thing 1", { exact: true }).fill(WANT);
      await next("/me/views/feelings", "How I feel");
      await next("/me/views/anything-else", "Anything else");
      await next("/me/coming", "Coming to my meeting");
      const choose = async (role, name) => {
        const box = page.getByRole(role, { name, exact: true });
        await page.locator(`label[for="${await box.getAttribute("id")}"]`).click();
      };
      await choose("radio", "My advocate speaks for me");
      await next("/me/who-sees", "Who can see my views");
      await choose("checkbox", "My social worker");
      await choose("checkbox", "The person who runs the meeting");
      await next("/me/check", "Check and send");
      await page.getByRole("button", { name: "Send to my advocate", exact: true }).click();
      await page.waitForURL((url) => url.pathname === "/me/sent", { timeout: 15000 });
      await childReady(phone, "Sent!");
      result.receipt = (await page.locator("main").innerText()).replace(/\s+/g, " ");
      result.typed = { worry: WORRY, want: WANT };
    } finally {
      result.problems.push(...phone.problems());
      await page.context().close();
    }
  },

  async share(browser, result) {
    const adv = await staffPage(browser, { javaScript });
    try {
      await signIn(adv, base, STAFF.advocate, "My caseload");
      await open(adv, base, given.casePath, "Sam");
      const page = adv.page;
      result.views = (await page.locator(".case-main .views-block").first().innerText()).replace(/\s+/g, " ");
      await page.getByRole("button", { name: "Share with social worker and chair" }).click();
      await page.locator(".adv-notice.ok").first().waitFor({ timeout: 15000 });
      result.notice = (await page.locator(".adv-notice.ok").first().textContent()).trim();
      result.checks.push(await check(browser, adv, shots, "story-shared"));
    } finally {
      result.problems.push(...adv.problems());
      await close(adv);
    }
  },

  async record(browser, result) {
    const isro = await staffPage(browser, { javaScript });
    try {
      await signIn(isro, base, STAFF.isro, "My meetings");
      const page = isro.page;
      await page.getByRole("link", { name: /Review CP conference/ }).first().click();
      await page.waitForURL((url) => url.pathname.startsWith("/staff/meetings/"));
      await ready(isro, "for Sam");
      result.views = (await page.locator("article.views-card").first().innerText()).replace(/\s+/g, " ");
      const fill = (label, words) => page.getByLabel(label, { exact: false }).fill(words);
      await fill("What we are worried about now, including the impact on the child", "Arguments at home that Sam hears.");
      await fill("Complicating factors", "Dad has moved out but visits.");
      await fill("What's going well", "Gran is a steady presence.");
      await fill("Signs of safety", "Sam tells Gran when he is scared.");
      await fill("What needs to happen: the plan", "Sam stays with Mum and Gran; family support twice a week.");
      await fill("Outcome in staff words", "CP plan continues; review in three months.");
      await fill("Outcome in the child's words", OUTCOME_FOR_SAM);
      // Every point Sam made gets an answer (issue 20): here, the advocate will explain.
      for (const choice of await page.locator("input[type=radio][value=ADVOCATE_WILL_EXPLAIN]").all()) await choice.check();
      result.pointsAnswered = await page.locator("input[type=radio][value=ADVOCATE_WILL_EXPLAIN]").count();
      await press(isro, "Save the meeting record", (url) => url.searchParams.get("saved") === "record", "for Sam");
      await page.getByRole("checkbox", { name: "Demo Constabulary" }).check();
      await press(isro, "Send the outcome", (url) => url.searchParams.has("sent"), "for Sam");
      result.checks.push(await check(browser, isro, shots, "story-recorded"));
    } finally {
      result.problems.push(...isro.problems());
      await close(isro);
    }
  },

  async acknowledge(browser, result) {
    const agency = await staffPage(browser, { javaScript });
    try {
      await signIn(agency, base, STAFF.agency, "Outcomes sent to me");
      const page = agency.page;
      // With JavaScript, signing in draws the page in the browser: the list arrives after the heading.
      await page.getByText(/To acknowledge \(\d+\)/).first().waitFor({ timeout: 15000 });
      result.before = await page.getByRole("button", { name: "Acknowledge" }).count();
      await press(agency, "Acknowledge", (url) => url.searchParams.has("acknowledged"), "Outcomes sent to me");
      result.after = await page.getByRole("button", { name: "Acknowledge" }).count();
      result.checks.push(await check(browser, agency, shots, "story-acknowledged"));
    } finally {
      result.problems.push(...agency.problems());
      await close(agency);
    }
  },

  async after(browser, result) {
    const phone = await childPhone(browser, { javaScript });
    const { page } = phone;
    try {
      await page.goto(`${base}/sign-in`);
      await childReady(phone, "Sign in");
      await page.getByLabel("Your code").fill(given.code);
      await page.getByLabel("Your PIN").fill(given.pin);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname === "/me");
      await childReady(phone, "Hello, Sam");
      await page.waitForLoadState("networkidle");
      await page.goto(`${base}/me/after`);
      await childReady(phone, "What happened at my meeting");
      result.after = (await page.locator("main").innerText()).replace(/\s+/g, " ");
      result.outcome = OUTCOME_FOR_SAM;
      await page.screenshot({ path: `${shots}/story-child-after-js-${js}.png`, fullPage: true });
    } finally {
      result.problems.push(...phone.problems());
      await page.context().close();
    }
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
