// Issue 20, item 6, in Chromium at 360×640 on the demo child: the child names things and every
// page uses the names (JavaScript off); the journey counts its steps truly; "who has read my views"
// from my meeting, each person once; "Leave now" and "I'm not safe right now" on the public pages;
// the next action on the first screen; axe on the new pages; and the visible text of every page a
// child or parent sees, for the staff-words check in Rust.
// Usage: node child-names.mjs <base-url> <base-url-meeting-held> <screenshot-dir>
import { launch } from "./chromium.mjs";
import { EXIT_URL, axe, axeAsServed, childPhone, emit, open, signIn } from "./child-common.mjs";

const [base, baseHeld, shots] = process.argv.slice(2);

/// Everything a reader sees: the page's text, its title, and the choices of every list.
async function words(page) {
  return page.evaluate(() => [
    document.title,
    document.body.innerText,
    ...[...document.querySelectorAll("option")].map((o) => o.textContent),
  ].join("\n"));
}

/// Visit a page, keep its words (and, when asked, axe's findings and a screenshot).
async function visit(phone, at, path, heading, { check = false } = {}) {
  await open(phone, at, path, heading);
  const { page } = phone;
  const suffix = phone.javaScript ? "" : "-nojs";
  const name = path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "landing";
  const result = { name: "page", path, javaScript: phone.javaScript, text: await words(page) };
  if (check) {
    result.violations = phone.javaScript ? await axe(page) : await axeAsServed(browser, phone);
    await page.screenshot({ path: `${shots}/names-${name}${suffix}.png`, fullPage: true });
  }
  result.leaveNow = await page.getByRole("button", { name: "Leave now" }).count();
  result.notSafe = await page.getByRole("link", { name: "I'm not safe right now" }).count();
  result.progress = (await page.locator("p.progress").allInnerTexts())[0] ?? null;
  result.headings = await page.locator("h1, h2").allInnerTexts();
  result.problems = phone.problems();
  emit(result);
  return result;
}

/// Where the main button of "my meeting" is on a 360×640 screen, with a screenshot of that screen.
async function firstScreen(phone, at, label) {
  await open(phone, at, "/me", "Hello, Mia");
  const { page } = phone;
  const suffix = phone.javaScript ? "" : "-nojs";
  await page.screenshot({ path: `${shots}/names-first-screen-${label}${suffix}.png` });
  const button = page.locator("main a.button.primary").first();
  const box = await button.boundingBox();
  emit({ name: "first-screen", label, javaScript: phone.javaScript, button: await button.innerText(),
    bottom: box ? box.y + box.height : null, viewport: page.viewportSize() });
}

async function group(name, phone, body) {
  try {
    await body();
  } catch (error) {
    await phone.page.screenshot({ path: `${shots}/failed-names-${name}.png`, fullPage: true }).catch(() => {});
    emit({ name, javaScript: phone.javaScript, error: String(error), url: phone.page.url(), problems: phone.problems() });
  } finally {
    await phone.twin?.context().close();
    await phone.page.context().close();
  }
}

const PUBLIC = [
  ["/", "Your meeting. Your say."],
  ["/ask-for-an-advocate", "Ask for an advocate"],
  ["/no-such-page", "We can't find that page"],
  ["/sign-in", "Sign in"],
  ["/not-safe", "Not safe right now?"],
];
const JOURNEY = [
  ["/me/views/worries", "Things I worry about"],
  ["/me/views/going-well", "Things that are going well"],
  ["/me/views/want-to-happen", "What I want to happen"],
  ["/me/views/feelings", "How I feel"],
  ["/me/views/anything-else", "Anything else"],
  ["/me/coming", "Coming to my meeting"],
  ["/me/who-sees", "Who can see my views"],
  ["/me/check", "Check and send"],
];
const NAMED = {
  meeting: "My big day",
  worries: "Stuff that bugs me",
  goingWell: "Good bits",
  wantToHappen: "My wishes",
};

const browser = await launch();
try {
  // JavaScript on first: the names are given (JavaScript off) after its visits to the usual words.
  for (const javaScript of [true, false]) {
    const phone = await childPhone(browser, { javaScript });
    await group("names", phone, async () => {
      for (const [path, heading] of PUBLIC) await visit(phone, base, path, heading, { check: path === "/" || path === "/no-such-page" });
      // "Leave now" from the landing page leaves at once.
      await open(phone, base, "/", "Your meeting. Your say.");
      await phone.page.getByRole("button", { name: "Leave now" }).click();
      await phone.page.waitForURL(EXIT_URL, { timeout: 10000 });
      emit({ name: "left", javaScript, url: phone.page.url() });

      await signIn(phone, base);
      await firstScreen(phone, base, "carry-on");
      await visit(phone, base, "/me", "Hello, Mia");
      // Every step before naming anything: the usual words and the true count.
      for (const [path, heading] of JOURNEY) await visit(phone, base, path, heading);
      await visit(phone, base, "/me/sent", "Sent!");
      await visit(phone, base, "/me/after", "What happened at my meeting");

      if (!javaScript) {
        await open(phone, base, "/me", "Hello, Mia");
        await phone.page.getByRole("link", { name: "Call things your own names" }).click();
        await phone.page.waitForURL((u) => u.pathname === "/me/names");
        await phone.page.waitForLoadState("networkidle");
        await visit(phone, base, "/me/names", "Call things your own names", { check: true });
        // Too long: the page says so and every box still holds what was typed.
        const { page } = phone;
        await page.getByLabel("What do you call your meeting?").fill(NAMED.meeting);
        // The box itself stops at 60 letters; an older browser may not, so the server checks too.
        const worries = page.getByLabel("What do you call “Things I worry about”?");
        await worries.evaluate((box) => box.removeAttribute("maxlength"));
        await worries.fill("x".repeat(61));
        await page.getByRole("button", { name: "Save my names" }).click();
        await page.waitForURL((u) => u.pathname === "/me/names" && u.search.includes("error"));
        emit({ name: "names-error", javaScript,
          alert: await page.getByRole("alert").innerText(),
          meeting: await page.getByLabel("What do you call your meeting?").inputValue(),
          worries: await page.getByLabel("What do you call “Things I worry about”?").inputValue() });
        await page.getByLabel("What do you call “Things I worry about”?").fill(NAMED.worries);
        await page.getByLabel("What do you call “Things that are going well”?").fill(NAMED.goingWell);
        await page.getByLabel("What do you call “What I want to happen”?").fill(NAMED.wantToHappen);
        await page.getByRole("button", { name: "Save my names" }).click();
        await page.waitForURL((u) => u.pathname === "/me/names" && u.search.includes("saved"));
        emit({ name: "names-saved", javaScript, status: await page.getByRole("status").innerText() });
        // Now every page uses the child's names.
        const named = await visit(phone, base, "/me", "Hello, Mia");
        emit({ name: "named", path: "/me", headings: named.headings });
        for (const [path, heading] of [
          ["/me/views/worries", NAMED.worries],
          ["/me/views/going-well", NAMED.goingWell],
          ["/me/views/want-to-happen", NAMED.wantToHappen],
          ["/me/check", "Check and send"],
          ["/me/sent", "Sent!"],
          ["/me/after", `What happened at “${NAMED.meeting}”`],
        ]) {
          const seen = await visit(phone, base, path, heading);
          emit({ name: "named", path, headings: seen.headings, text: seen.text });
        }
      }
    });

    const held = await childPhone(browser, { javaScript });
    await group("held", held, async () => {
      await signIn(held, baseHeld);
      await firstScreen(held, baseHeld, "see-what-happened");
      await held.page.getByRole("link", { name: "Who has read my views" }).click();
      await held.page.waitForURL((u) => u.pathname === "/me/who-read");
      await held.page.waitForLoadState("networkidle");
      const seen = await visit(held, baseHeld, "/me/who-read", "Who has read my views", { check: true });
      emit({ name: "who-read", javaScript, readers: await held.page.locator("ul.readers li").allInnerTexts(), headings: seen.headings });
      await visit(held, baseHeld, "/me/after", "What happened at my meeting");
      await visit(held, baseHeld, "/me", "Hello, Mia");
    });
  }
} finally {
  await browser.close();
}
