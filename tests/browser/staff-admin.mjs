// The admin, with JavaScript on and off (each run on its own app): invites a member of staff (a
// mistake first, then right; the link to choose a password is shown once, whole, and the new
// member of staff sets a password with it and signs in), then deactivates them after confirming
// (the password stops working); makes an API key with one scope
// (a mistake first; the secret works with /graphql for that scope only), revokes it (refused from
// then on); filters the audit log and reads those actions back. Every page: axe (as served and as
// hydrated), no sideways scroll, and a screenshot as <dir>/admin-<page>-js-on|off.png.
// Arguments: base URL (JS on), base URL (JS off), screenshot folder. One JSON line per run.
import { launch } from "./chromium.mjs";
import { STAFF, TABLET, check, close, emit, layout, ready, signIn, staffPage } from "./staff-common.mjs";

const [onBase, offBase, shots] = process.argv.slice(2);

/// One GraphQL request from outside the browser, as an integrator or a new member of staff would make it.
async function api(base, query, variables = {}, headers = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const SIGN_IN = "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { role } }";
const code = (answer) => answer.errors?.[0]?.extensions?.code ?? null;

/// Press a submit button and wait until the server's answer (`shown`) is on the page. Without
/// JavaScript the browser goes to the address that names the answer; with it the page answers in place.
async function submit(staff, name, done, heading, shown) {
  await staff.page.getByRole("button", { name, exact: true }).click();
  if (!staff.javaScript) await staff.page.waitForURL((url) => url.searchParams.get("done") === done, { timeout: 15000 });
  await ready(staff, heading);
  await staff.page.locator(shown).first().waitFor({ timeout: 15000 });
}

/// Wait until the table row that starts with `first` has `text` in it.
async function rowSays(page, first, text) {
  await page.waitForFunction(([first, text]) =>
    [...document.querySelectorAll("main table tbody tr")].some((tr) =>
      tr.children[0]?.textContent.trim() === first && tr.textContent.includes(text)), [first, text], { timeout: 15000 });
}

async function rows(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("main table tbody tr")].map((tr) =>
      [...tr.children].map((cell) => cell.textContent.replace(/\s+/g, " ").trim())));
}

async function tabletLayout(staff, name) {
  await staff.page.setViewportSize(TABLET);
  const shape = await layout(staff.page);
  await staff.page.screenshot({ path: `${shots}/admin-${name}-tablet-js-${staff.javaScript ? "on" : "off"}.png`, fullPage: true });
  await staff.page.setViewportSize({ width: 1280, height: 800 });
  return { page: `${name} (tablet)`, javaScript: staff.javaScript, violations: [], ...shape };
}

async function run(base, javaScript) {
  const tag = javaScript ? "on" : "off";
  const person = { name: `Sam Jones (JS ${tag})`, email: `sam.${tag}@demo.myvoice` };
  const keyName = `Case system (JS ${tag})`;
  const result = { javaScript, person, keyName, checks: [], steps: [], urls: [] };
  const admin = await staffPage(browser, { javaScript });
  const { page } = admin;
  page.on("framenavigated", (frame) => { if (frame === page.mainFrame()) result.urls.push(frame.url()); });
  try {
    // Staff users: the admin's first page.
    await signIn(admin, base, STAFF.admin, "Staff users");
    result.checks.push(await check(browser, admin, shots, "admin-staff"));
    result.checks.push(await tabletLayout(admin, "staff"));
    result.staffBefore = await rows(page);
    result.steps.push("staff users");

    // A mistake first: someone already has this address. What was typed stays.
    await page.getByLabel("Full name").fill(person.name);
    await page.getByLabel("E-mail address").fill("Advocate@demo.myvoice");
    await page.getByLabel("Role").selectOption({ label: "Social worker" });
    await submit(admin, "Invite", "check", "Staff users", ".error-summary");
    result.inviteError = (await page.locator(".error-summary").innerText()).replace(/\s+/g, " ");
    result.keptName = await page.getByLabel("Full name").inputValue();
    result.keptRole = await page.getByLabel("Role").inputValue();
    result.checks.push(await check(browser, admin, shots, "admin-invite-error"));
    result.steps.push("invite refused");

    await page.getByLabel("E-mail address").fill(person.email);
    await submit(admin, "Invite", "invited", "Staff users", "[data-testid=password-link]");
    const link = (await page.getByTestId("password-link").innerText()).trim();
    result.linkShown = link.startsWith(`${base}/set-password?token=`);
    const token = new URL(link).searchParams.get("token");
    result.linkInUrl = result.urls.some((u) => u.includes(token));
    result.invitedCard = (await page.locator(".once").innerText()).replace(/\s+/g, " ");
    result.checks.push(await check(browser, admin, shots, "admin-invited"));
    // The new member of staff opens the link (elsewhere) and chooses their password.
    const password = `my own password, JS ${tag}`;
    result.passwordSet = await api(base,
      "mutation($t: String!, $p: String!) { setPasswordWithLink(token: $t, password: $p) }", { t: token, p: password });
    result.newSignIn = await api(base, SIGN_IN, { e: person.email, p: password });
    // Shown once: the same page again no longer shows it.
    await page.reload({ waitUntil: "load" });
    await ready(admin, "Staff users");
    result.shownAgain = (await page.content()).includes(token);
    result.staffAfterInvite = await rows(page);
    result.steps.push("invited");

    // Deactivate, after a confirmation step.
    await page.getByRole("link", { name: `Deactivate ${person.name}` }).click();
    await page.waitForURL((url) => url.searchParams.has("confirm"), { timeout: 15000 });
    await ready(admin, "Staff users");
    await page.getByRole("heading", { name: `Deactivate ${person.name}?` }).waitFor({ timeout: 15000 });
    result.checks.push(await check(browser, admin, shots, "admin-confirm"));
    await submit(admin, "Yes, deactivate", "deactivated", "Staff users", ".notice");
    await rowSays(page, person.name, "Deactivated");
    result.confirmGone = (await page.locator(".confirm").count()) === 0;
    result.deactivatedNotice = (await page.locator(".notice").innerText()).trim();
    result.staffAfterDeactivate = await rows(page);
    result.checks.push(await check(browser, admin, shots, "admin-deactivated"));
    result.signInAfterDeactivate = code(await api(base, SIGN_IN, { e: person.email, p: password }));
    result.steps.push("deactivated");

    // API keys: a mistake first (no scope), then a key that may only read meetings.
    await page.getByRole("link", { name: "API keys" }).click();
    await page.waitForURL((url) => url.pathname === "/staff/api-keys", { timeout: 15000 });
    await ready(admin, "API keys");
    result.checks.push(await check(browser, admin, shots, "admin-keys"));
    await page.getByLabel("Name", { exact: true }).fill(keyName);
    await submit(admin, "Make key", "check", "API keys", ".error-summary");
    result.keyError = (await page.locator(".error-summary").innerText()).replace(/\s+/g, " ");
    result.keptKeyName = await page.getByLabel("Name", { exact: true }).inputValue();
    result.checks.push(await check(browser, admin, shots, "admin-key-error"));
    await page.getByLabel(/^Read meetings/).check();
    await submit(admin, "Make key", "created", "API keys", "[data-testid=api-key-secret]");
    await rowSays(page, keyName, "Working");
    const secret = (await page.getByTestId("api-key-secret").innerText()).trim();
    result.secretShown = secret.startsWith("mvk_");
    result.secretInUrl = result.urls.some((u) => u.includes(secret));
    result.checks.push(await check(browser, admin, shots, "admin-key-created"));
    result.checks.push(await tabletLayout(admin, "key-created"));
    const asKey = { "x-api-key": secret };
    result.keyMe = (await api(base, "{ me { kind name scopes } }", {}, asKey)).data?.me ?? null;
    result.keyMeetings = await api(base, "{ meetings(first: 5) { totalCount } }", {}, asKey);
    result.keyOutOfScope = code(await api(base, "{ referralInbox(first: 5) { totalCount } }", {}, asKey));
    result.keysListed = await rows(page);
    result.steps.push("key made");

    await submit(admin, `Revoke ${keyName}`, "revoked", "API keys", ".notice");
    await rowSays(page, keyName, "Revoked");
    result.revokedNotice = (await page.locator(".notice").innerText()).trim();
    result.keysAfterRevoke = await rows(page);
    result.checks.push(await check(browser, admin, shots, "admin-key-revoked"));
    result.keyAfterRevoke = code(await api(base, "{ meetings(first: 5) { totalCount } }", {}, asKey));
    result.steps.push("key revoked");

    // The audit log: everything, then only invitations, then what staff did to API keys.
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.waitForURL((url) => url.pathname === "/staff/audit", { timeout: 15000 });
    await ready(admin, "Audit log");
    result.checks.push(await check(browser, admin, shots, "admin-audit"));
    result.auditAll = await rows(page);
    await page.getByLabel("What happened").selectOption({ label: "Staff invited" });
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("action") === "staff.invited", { timeout: 15000 });
    await ready(admin, "Audit log");
    result.auditInvited = await rows(page);
    result.checks.push(await check(browser, admin, shots, "admin-audit-invited"));
    await page.getByLabel("What happened").selectOption({ label: "Anything" });
    await page.getByLabel("Who").selectOption({ label: "Staff" });
    await page.getByLabel("About").selectOption({ label: "API key" });
    // Today as a UK date (YYYY-MM-DD), as the date boxes take it.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
    await page.getByLabel("From").fill(today);
    await page.getByLabel("To").fill(today);
    await page.getByRole("button", { name: "Show", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("subject") === "api_key", { timeout: 15000 });
    await ready(admin, "Audit log");
    result.auditKeys = await rows(page);
    result.auditKeysUrl = page.url();
    result.checks.push(await check(browser, admin, shots, "admin-audit-keys"));
    result.steps.push("audit");

    // Partner agency staff belong to an agency: without one the form says so and keeps what was
    // typed; with the police chosen, the link is shown and the officer is the police's.
    await page.getByRole("link", { name: "Staff users" }).click();
    await page.waitForURL((url) => url.pathname === "/staff", { timeout: 15000 });
    await ready(admin, "Staff users");
    const officer = { name: `PC Lewis (JS ${tag})`, email: `pc.${tag}@demo.myvoice` };
    await page.getByLabel("Full name").fill(officer.name);
    await page.getByLabel("E-mail address").fill(officer.email);
    await page.getByLabel("Role").selectOption({ label: "Partner agency" });
    await submit(admin, "Invite", "check", "Staff users", ".error-summary");
    result.agencyError = (await page.locator(".error-summary").innerText()).replace(/\s+/g, " ");
    result.agencyKept = await page.getByLabel("E-mail address").inputValue();
    result.checks.push(await check(browser, admin, shots, "admin-invite-agency-error"));
    await page.getByLabel("Agency", { exact: true }).selectOption({ label: "Demo Constabulary" });
    await submit(admin, "Invite", "invited", "Staff users", "[data-testid=password-link]");
    const officerToken = new URL((await page.getByTestId("password-link").innerText()).trim()).searchParams.get("token");
    const officerPassword = `the officer's own, JS ${tag}`;
    await api(base, "mutation($t: String!, $p: String!) { setPasswordWithLink(token: $t, password: $p) }",
      { t: officerToken, p: officerPassword });
    const officerSession = await api(base,
      "mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }",
      { e: officer.email, p: officerPassword });
    result.officerOutcomes = await api(base, "{ outcomesForMe { totalCount } }", {},
      { authorization: `Bearer ${officerSession.data?.signIn?.accessToken}` });
    result.steps.push("agency staff invited");
  } catch (error) {
    result.error = String(error.stack || error);
    result.url = page.url();
    await page.screenshot({ path: `${shots}/admin-failed-js-${tag}.png`, fullPage: true }).catch(() => {});
  }
  result.problems = admin.problems();
  await close(admin);
  return result;
}

const browser = await launch();
try {
  for (const [base, javaScript] of [[onBase, true], [offBase, false]]) emit(await run(base, javaScript));
} finally {
  await browser.close();
}
