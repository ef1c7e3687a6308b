// test_page.mjs — the web page in a real headless Chromium (Debian's
// chromium, driven by playwright-core): a person using only the keyboard
// types a job title, picks the occupation, keeps the pre-filled task mix,
// answers a question and reaches a verdict; clicks a "what if"; downloads
// the profile and loads it again; the same on a phone-sized screen.  axe-core
// checks every screen for serious or critical accessibility violations, and
// nothing may be refused by the Content-Security-Policy or fail in the
// console.  Screenshots go to OUTDIR.
//
// usage: node test_page.mjs AICERT OUTDIR     (tests/browser/run.sh checks what it needs)
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const [aicert, outdir] = process.argv.slice(2);
mkdirSync(outdir, { recursive: true });
const failures = [];
function check(ok, what) {
  console.log((ok ? "ok   " : "FAIL ") + what);
  if (!ok) failures.push(what);
}

// ------------------------------------------------------------ the server

function startServer() {
  return new Promise((resolve, reject) => {
    const proc = spawn(aicert, ["serve", "--listen", "127.0.0.1:0", "--threads", "2"], { stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    const timer = setTimeout(() => reject(new Error("the server did not start: " + log)), 15000);
    proc.stderr.on("data", (d) => {
      log += d;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: "http://127.0.0.1:" + m[1], log: () => log });
      }
    });
    proc.on("exit", (code) => reject(new Error("the server stopped (" + code + "): " + log)));
  });
}

// ------------------------------------------------------------ helpers

// Presses Tab until the element matching selector has the focus: the proof
// that the keyboard alone reaches it.
async function tabTo(page, selector, most = 80) {
  for (let i = 0; i < most; i++) {
    const there = await page.evaluate((s) => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return !!el && el.matches(s);
    }, selector);
    if (there) return true;
    await page.keyboard.press("Tab");
  }
  throw new Error("Tab never reached " + selector);
}

async function axe(page, where) {
  await page.evaluate(axeSource + "\n;0");
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  for (const v of bad) console.log("     " + v.id + " (" + v.impact + "): " + v.help + " — " + v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", "));
  check(bad.length === 0, "axe-core: no serious or critical violations on " + where);
}

async function noOverflow(page, where) {
  const w = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  check(w[0] <= w[1], `nothing wider than the screen on ${where} (${w[0]} <= ${w[1]})`);
}

async function reportText(page) {
  return page.evaluate(() => {
    const r = document.getElementById("report").shadowRoot;
    return r ? r.textContent : "";
  });
}

async function waitForReport(page, before) {
  await page.waitForFunction((old) => {
    const r = document.getElementById("report").shadowRoot;
    return r && r.querySelector(".lead") && !document.getElementById("step-result").hidden && r.textContent !== old;
  }, before, { timeout: 20000 });
}

// ------------------------------------------------------------ the run

const server = await startServer();
const profileDir = mkdtempSync(join(tmpdir(), "aicert-chromium."));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: process.env.AICERT_CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1280, height: 900 },
  acceptDownloads: true,
});
const trouble = [];
try {
  const page = context.pages()[0] || (await context.newPage());
  page.on("console", (m) => { if (m.type() === "error") trouble.push("console: " + m.text()); });
  page.on("pageerror", (e) => trouble.push("page error: " + e.message));
  page.on("requestfailed", (r) => trouble.push("request failed: " + r.url()));
  page.on("request", (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith("blob:")) trouble.push("request elsewhere: " + r.url()); });

  const res = await page.goto(server.url + "/");
  const csp = res.headers()["content-security-policy"] || "";
  check(/script-src 'self'/.test(csp) && !/unsafe-inline/.test(csp), "the page comes with a strict Content-Security-Policy");
  await page.waitForFunction(() => document.body.classList.contains("ready"));
  await axe(page, "the first screen");
  await page.screenshot({ path: join(outdir, "1-title-desktop.png"), fullPage: true });

  // A title, by keyboard; the occupation list; Continue.
  await tabTo(page, "#title");
  await page.keyboard.type("registered nurse");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#occupation-form:not([hidden]) input[name=occupation]");
  const occupations = await page.$$eval("input[name=occupation]", (xs) => xs.length);
  check(occupations >= 2, `occupations offered for the title (${occupations - 1} and "none of these")`);
  const picked = await page.$eval("input[name=occupation]:checked + label", (l) => l.textContent);
  check(/nurs/i.test(picked), `the first offered is a nursing occupation ("${picked}")`);
  await axe(page, "the occupation list");
  await tabTo(page, "#occupation-next");
  await page.keyboard.press("Enter");

  // The pre-filled task mix.
  await page.waitForSelector("#step-tasks:not([hidden]) #task-rows li");
  const rows = await page.$$eval("#task-rows li", (xs) => xs.length);
  check(rows >= 2, `the task mix is pre-filled from the occupation (${rows} tasks)`);
  const total = await page.textContent("#total");
  check(/100%/.test(total), `the pre-filled shares add up to 100 ("${total.trim()}")`);
  await axe(page, "the task mix");
  await page.screenshot({ path: join(outdir, "2-tasks-desktop.png"), fullPage: true });
  // Adjust the first share by keyboard: the total says so.
  await tabTo(page, "#task-share-0");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("50");
  check(!/^The shares add up to 100%/.test(await page.textContent("#total")), "changing a share updates the total");
  await tabTo(page, "#tasks-form button[type=submit]");
  await page.keyboard.press("Enter");

  // The first group of questions: answer one with the keyboard, then ask
  // for the assessment.
  await page.waitForSelector("#step-questions:not([hidden]) fieldset");
  const heading = await page.textContent("#h-questions");
  check(heading.trim().length > 0, `the questions come in groups ("${heading.trim()}")`);
  await axe(page, "a group of questions");
  await page.screenshot({ path: join(outdir, "3-questions-desktop.png"), fullPage: true });
  // A group of choices is one stop for Tab; the arrows choose in it.
  await tabTo(page, "input[name=q-kind]:checked");
  await page.keyboard.press("ArrowDown");
  check(await page.isChecked("#q-kind-0"), "a choice is answered with the arrow keys");
  await tabTo(page, "#assess-now");
  await page.keyboard.press("Enter");
  await waitForReport(page, "");

  // The verdict comes first.
  const first = await page.evaluate(() => {
    const r = document.getElementById("report").shadowRoot;
    const body = r.querySelector(".body");
    return [body.firstElementChild.tagName, body.children[1].className, body.children[1].textContent];
  });
  check(first[0] === "H1" && first[1] === "lead" && /^Verdict:/.test(first[2]), `the verdict comes first ("${first[2].slice(0, 60)}…")`);
  const text = await reportText(page);
  for (const part of ["Why this verdict", "The four conditions", "Five questions before enrolling", "What to do instead", "What would change the verdict"])
    check(text.includes(part), "the report has " + part);
  const charts = await page.evaluate(() => document.getElementById("report").shadowRoot.querySelectorAll("svg[role=img]").length);
  check(charts === 2, `two charts: the task mix by exposure, and you among occupations (${charts})`);
  const styled = await page.evaluate(() => {
    const r = document.getElementById("report").shadowRoot;
    return getComputedStyle(r.querySelector("h1 + .lead")).borderLeftStyle;
  });
  check(styled === "solid", "the report's own style applies under the CSP");
  await axe(page, "the assessment");
  await page.screenshot({ path: join(outdir, "4-assessment-desktop.png"), fullPage: true });
  await page.screenshot({ path: join(outdir, "4a-verdict-desktop.png") });
  await page.locator("#report section", { has: page.locator("li[data-ref]") }).screenshot({ path: join(outdir, "4b-what-would-change-desktop.png") });

  // A "what if", by keyboard.
  const whatifs = await page.evaluate(() => document.getElementById("report").shadowRoot.querySelectorAll("button.whatif").length);
  check(whatifs > 0, `the report's "what if"s can be clicked (${whatifs})`);
  const before = await reportText(page);
  const target = await page.evaluate(() => {
    const b = document.getElementById("report").shadowRoot.querySelector("li[data-ref] button.whatif");
    return [b.closest("li").dataset.ref, b.textContent];
  });
  await tabTo(page, "button.whatif");
  await page.keyboard.press("Enter");
  await waitForReport(page, before);
  check(await page.isVisible("#whatif-note"), `re-assessed with "${target[1]}" (${target[0]}), and it says so`);
  await page.screenshot({ path: join(outdir, "5-what-if-desktop.png"), fullPage: true });

  // Download the profile.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-profile")]);
  const saved = join(profileDir, "profile.json");
  await download.saveAs(saved);
  const profile = JSON.parse(readFileSync(saved, "utf8"));
  check(profile.role && profile.role.title === "registered nurse" && Array.isArray(profile.role.tasks),
    "the downloaded profile holds the title and the tasks");
  check(profile.role.kind === "ic", "the downloaded profile holds the answer given");

  // Load it again from the first screen and assess: the same verdict.
  const verdictBefore = await page.evaluate(() => document.getElementById("report").shadowRoot.querySelector(".lead").textContent);
  await page.click("#restart");
  await page.setInputFiles("#load", saved);
  await page.waitForSelector("#step-tasks:not([hidden]) #task-rows li");
  check(await page.$$eval("#task-rows li", (xs) => xs.length) === profile.role.tasks.length, "loading the profile brings its tasks back");
  await page.click("#tasks-form button[type=submit]");
  await page.click("#assess-now");
  await waitForReport(page, "");
  const verdictAfter = await page.evaluate(() => document.getElementById("report").shadowRoot.querySelector(".lead").textContent);
  check(verdictAfter === verdictBefore, "the loaded profile gives the same verdict");

  // A phone-sized screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await noOverflow(page, "the assessment on a phone");
  await axe(page, "the assessment on a phone");
  await page.screenshot({ path: join(outdir, "6-assessment-phone.png"), fullPage: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(outdir, "6a-verdict-phone.png") });
  await page.locator("#report figure").first().screenshot({ path: join(outdir, "6b-chart-phone.png") });
  await page.click("#edit");
  await page.waitForSelector("#step-tasks:not([hidden])");
  await noOverflow(page, "the task mix on a phone");
  await axe(page, "the task mix on a phone");
  await page.screenshot({ path: join(outdir, "7-tasks-phone.png"), fullPage: true });

  for (const t of trouble) console.log("     " + t);
  check(trouble.length === 0, "nothing refused by the CSP, no error in the console, nothing fetched from elsewhere");
} catch (e) {
  check(false, "the run: " + (e && e.stack ? e.stack : e));
  for (const t of trouble) console.log("     " + t);
} finally {
  await context.close();
  server.proc.kill("SIGTERM");
  rmSync(profileDir, { recursive: true, force: true });
}
console.log(`screenshots in ${outdir}`);
console.log(failures.length ? `${failures.length} failed` : "all passed");
writeFileSync(join(outdir, "result.txt"), failures.length ? failures.join("\n") + "\n" : "all passed\n");
process.exit(failures.length ? 1 : 0);
