// Drives the container hosts panel in a real browser (Debian's chromium through playwright-core)
// at phone width: signs in, waits for the host's row and the container's row, opens the
// container's log and waits for the expected text, then saves a screenshot. Prints one JSON
// line {"host": [cells], "container": [cells], "log": text, "errors": [...]}.
//
// Arguments: BASE_URL USERNAME PASSWORD HOST_ID VM_ID LOG_MARKER SCREENSHOT_PATH
// Environment: SKYPORT_CHROMIUM (default /usr/bin/chromium)
import { chromium } from "playwright-core";

const [base, username, password, hostId, vmId, marker, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.SKYPORT_CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("response", (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
  await page.goto(`${base}/ui/containers/`);
  await page.getByLabel("User").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForSelector("#panel:not([hidden])", { timeout: 20000 });
  const cells = (sel) => page.$eval(sel, (tr) => [...tr.children].map((c) => c.textContent.trim()));
  await page.waitForSelector(`#hosts tr[data-host="${hostId}"]`, { timeout: 20000 });
  const host = await cells(`#hosts tr[data-host="${hostId}"]`);
  const row = `tr[data-vm="${vmId}"]`;
  await page.waitForSelector(row, { timeout: 20000 });
  const container = await cells(row);
  // a container may still be booting: show its log again, as a user would, until the text is there
  const deadline = Date.now() + 30000;
  for (;;) {
    await page.click(`${row} button.show-log`);
    const shown = await page.waitForFunction((m) => document.getElementById("log").textContent.includes(m), marker,
      { timeout: 2000 }).then(() => true, () => false);
    if (shown) break;
    if (Date.now() > deadline) throw new Error(`the log never showed ${marker}: ${await page.textContent("#log")}`);
  }
  const log = await page.textContent("#log");
  // the page fits the phone's width: only the table boxes scroll sideways
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.screenshot({ path: screenshot, fullPage: true });
  process.stdout.write(JSON.stringify({ host, container, log, overflow, errors }) + "\n");
} finally {
  await browser.close();
}
