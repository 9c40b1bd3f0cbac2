// Drives an API panel in a real browser (Debian's chromium through playwright-core): signs in
// with a user's password, reads what the panel shows and, for the GCE panel, downloads a key
// file. Prints one JSON line {"fields": {...}, "calls": [...], "download": <parsed key file>}.
//
// Arguments: BASE_URL PANEL(ec2|gce) USERNAME PASSWORD
// Environment: SKYPORT_CHROMIUM (default /usr/bin/chromium)
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const [base, panel, username, password] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.SKYPORT_CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${base}/ui/${panel}/`);
  await page.fill("input[name=username]", username);
  await page.fill("input[name=password]", password);
  await page.click("#login button[type=submit]");
  await page.waitForSelector("#panel:not([hidden])", { timeout: 20000 });
  const fields = {};
  for (const el of await page.$$("#panel dd[id], #panel pre[id]")) {
    fields[await el.getAttribute("id")] = (await el.textContent()).trim();
  }
  const calls = await page.$$eval("#calls tr", (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
  let download = null;
  if (panel === "gce") {
    const [file] = await Promise.all([page.waitForEvent("download"), page.click("#create-key")]);
    download = JSON.parse(readFileSync(await file.path(), "utf8"));
    await page.waitForFunction(() => document.getElementById("key-status").textContent.includes("downloaded"));
  }
  process.stdout.write(JSON.stringify({ fields, calls, download, errors }) + "\n");
} finally {
  await browser.close();
}
