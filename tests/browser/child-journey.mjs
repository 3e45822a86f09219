// The demo child's whole journey, as a new user would try it: sign in → my meeting → each step →
// coming → who sees → check → send → receipt. Once with JavaScript on, once off (each on its own app).
// Prints one JSON line per run: what was typed, what "Check and send" showed, and any problems.
// Usage: node child-journey.mjs <base-url-js-on> <base-url-js-off> <screenshot-dir>
import { launch } from "./chromium.mjs";
import { childPhone, emit, press, ready, signIn } from "./child-common.mjs";

const [baseOn, baseOff, shots] = process.argv.slice(2);

/// Click the picture-label of a radio or checkbox, as a thumb does (the input itself is tucked away).
async function choose(page, role, label) {
  const input = page.getByRole(role, { name: label, exact: true });
  await page.locator(`label[for="${await input.getAttribute("id")}"]`).click();
  if (!(await input.isChecked())) throw new Error(`"${label}" did not become chosen`);
}

/// The "Check and send" page, section by section, as shown.
async function shownOnCheck(page) {
  return page.evaluate(() => {
    const sections = {};
    for (const card of document.querySelectorAll("section.check")) {
      const title = card.querySelector("h2").textContent.trim();
      const items = [...card.querySelectorAll("li")].map((li) => li.textContent);
      sections[title] = items.length ? items : card.querySelector("p").textContent;
    }
    return sections;
  });
}

async function journey(browser, base, javaScript) {
  const tag = javaScript ? "on" : "off";
  const suffix = javaScript ? "" : "-nojs";
  const typed = {
    worries: [`Moving school again (JS ${tag})`, `Not seeing Nan (JS ${tag})`],
    goingWell: [`Football on Saturdays (JS ${tag})`],
    wantToHappen: [`Stay with the Patels (JS ${tag})`],
    feeling: "Happy",
    anythingElse: `Please listen to me.\nI mean it. (JS ${tag})`,
    coming: "My advocate speaks for me",
    whoSees: ["My social worker", "The person who runs the meeting"],
  };
  const phone = await childPhone(browser, { javaScript });
  const { page } = phone;
  const steps = [];
  const shot = (name) => page.screenshot({ path: `${shots}/journey-${name}${suffix}.png`, fullPage: true });
  try {
    await signIn(phone, base);
    steps.push("signed in");
    await page.getByRole("link", { name: "Carry on with my views" }).click();
    await page.waitForURL((url) => url.pathname === "/me/views/worries");
    await ready(phone, "Things I worry about");

    // The worry already in the draft is there; add two more, one with "Add another".
    const before = await page.getByLabel("Thing 1", { exact: true }).inputValue();
    await page.getByLabel("Thing 2", { exact: true }).fill(typed.worries[0]);
    await page.getByRole("button", { name: "Add another" }).click();
    await page.getByLabel("Thing 3", { exact: true }).waitFor();
    await ready(phone, "Things I worry about");
    const keptAfterAdd = await page.getByLabel("Thing 2", { exact: true }).inputValue();
    await page.getByLabel("Thing 3", { exact: true }).fill(typed.worries[1]);
    await shot("worries");
    await press(phone, "Save and go on", "/me/views/going-well", "Things that are going well");
    steps.push("worries");

    await page.getByLabel("Thing 2", { exact: true }).fill(typed.goingWell[0]);
    await press(phone, "Save and go on", "/me/views/want-to-happen", "What I want to happen");
    steps.push("going well");

    await page.getByLabel("Thing 1", { exact: true }).fill(typed.wantToHappen[0]);
    await press(phone, "Save and go on", "/me/views/feelings", "How I feel");
    steps.push("want to happen");

    await choose(page, "radio", typed.feeling);
    await press(phone, "Save and go on", "/me/views/anything-else", "Anything else");
    steps.push("feelings");

    await page.getByLabel("Anything else", { exact: true }).fill(typed.anythingElse);
    await press(phone, "Save and go on", "/me/coming", "Coming to my meeting");
    steps.push("anything else");

    await choose(page, "radio", typed.coming);
    await press(phone, "Save and go on", "/me/who-sees", "Who can see my views");
    steps.push("coming");

    for (const who of typed.whoSees) await choose(page, "checkbox", who);
    await press(phone, "Save and go on", "/me/check", "Check and send");
    steps.push("who sees");
    const shown = await shownOnCheck(page);
    await shot("check");

    await press(phone, "Send to my advocate", "/me/sent", "Sent!");
    steps.push("sent");
    const receipt = (await page.locator("main").innerText()).replace(/\s+/g, " ");
    await shot("sent");
    emit({ javaScript, steps, before, keptAfterAdd, typed, shown, receipt, problems: phone.problems() });
  } catch (error) {
    await shot("failed").catch(() => {});
    emit({ javaScript, steps, error: String(error), url: page.url(), problems: phone.problems() });
  } finally {
    await page.context().close();
  }
}

const browser = await launch();
try {
  await journey(browser, baseOn, true);
  await journey(browser, baseOff, false);
} finally {
  await browser.close();
}
