// Drives the web UI shell at /client in a real browser (Debian's chromium through playwright-core):
// an administrator signs in, deploys an instance with the wizard and watches it reach Running,
// stops it, visits every page, opens each plugin panel, switches the EC2 endpoint off and on in
// the settings (an EC2 call with the AWS SDK fails, then works), looks at phone width; then a
// normal user signs in. Every native API request the pages make is recorded (command, page,
// pagesize) so the test can check the UI only ever asks for pages. Screenshots: SHOT_DIR/ui-*.png.
// Prints one JSON line with what it saw.
//
// Arguments: BASE_URL ADMIN_USER ADMIN_PASSWORD USER USER_PASSWORD VM_NAME SHOT_DIR
// Environment: SKYPORT_CHROMIUM (default /usr/bin/chromium); AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY
// (keys for the EC2 calls)
import { join } from "node:path";
import { DescribeRegionsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { chromium } from "playwright-core";

const [base, adminUser, adminPassword, user, userPassword, vmName, shots] = process.argv.slice(2);
const out = { errors: [], requests: [], pages: {}, panels: {}, ec2: {}, user: {} };
const step = (s) => process.stderr.write(`web-ui: ${s}\n`);

const ec2 = new EC2Client({ endpoint: `${base}/ec2`, region: "skyport-1", maxAttempts: 1,
  credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY } });
async function ec2Call() {
  try {
    const r = await ec2.send(new DescribeRegionsCommand({}));
    return { ok: true, regions: r.Regions.length };
  } catch (e) {
    return { ok: false, error: e.name || String(e) };
  }
}

const browser = await chromium.launch({
  executablePath: process.env.SKYPORT_CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run"],
});

function watch(page, who) {
  page.on("pageerror", (e) => out.errors.push(`${who} pageerror: ${e}`));
  page.on("console", (m) => {
    if (m.type() === "error") out.errors.push(`${who} console: ${m.text()}`);
  });
  page.on("request", (r) => {
    if (!r.url().includes("/client/api")) return;
    const p = new URLSearchParams(r.postData() || new URL(r.url()).search);
    // panels (frames at /ui/<id>/) are the plugins' own pages; the shell is the page at /client/
    let from = "shell";
    try {
      from = r.frame().url().includes("/ui/") ? "panel" : "shell";
    } catch {
      // a request of a frame already gone: a panel's
      from = "panel";
    }
    out.requests.push({ who, from, command: p.get("command"), page: p.get("page"), pagesize: p.get("pagesize") });
  });
}

async function shot(page, name) {
  await page.screenshot({ path: join(shots, `ui-${name}.png`), fullPage: true });
}

async function show(page, name, ready = name) {
  await page.evaluate(() => delete document.body.dataset.ready);
  await page.goto(`${base}/client/#/${name}`);
  await page.waitForSelector(`body[data-ready="${ready}"]`, { timeout: 20000 });
}

async function signIn(page, username, password) {
  await page.goto(`${base}/client/`);
  await page.waitForSelector("#login-form");
  await page.fill("#login-username", username);
  await page.fill("#login-password", password);
  await page.click("#login-form button[type=submit]");
  await page.waitForSelector('body[data-ready="dashboard"]', { timeout: 20000 });
}

const stateOf = (page, name) => page.locator(`[data-vm="${name}"]`).textContent({ timeout: 1000 }).catch(() => null);
async function waitState(page, name, want, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if ((await stateOf(page, name)) === want) return true;
    await page.waitForTimeout(250);
  }
  return false;
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  watch(page, "admin");

  step("login page");
  await page.goto(`${base}/client/`);
  await page.waitForSelector("#login-form:not([hidden])");
  await shot(page, "login");
  await signIn(page, adminUser, adminPassword);
  out.dashboardRunning = await page.textContent('dd[data-state="Running"]');
  out.dashboardStopped = await page.textContent('dd[data-state="Stopped"]');
  await shot(page, "dashboard");
  out.nav = await page.$$eval("#nav-list a", (as) => as.map((a) => a.dataset.page));

  step("deploy with the wizard");
  await show(page, "instances");
  await page.fill("#vm-search", vmName);
  await page.click("form[role=search] button[type=submit]");
  await page.waitForSelector("#vm-results table");
  await page.click("#open-wizard");
  await page.waitForSelector("#deploy-wizard select[name=templateid] option", { state: "attached" });
  await page.fill("#deploy-wizard input[name=name]", vmName);
  await page.fill("#deploy-wizard textarea[name=userdata]", "#cloud-config\nhostname: " + vmName);
  await shot(page, "deploy-wizard");
  await page.click("#deploy-wizard button[type=submit]");
  out.reachedRunning = await waitState(page, vmName, "Running", 60);
  await shot(page, "instances");
  step("stop");
  page.once("dialog", (d) => d.accept());
  await page.click(`button[aria-label="Stop ${vmName}"]`);
  out.reachedStopped = await waitState(page, vmName, "Stopped", 60);

  step("every page");
  for (const name of ["templates", "offerings", "securitygroups", "keypairs", "volumes", "accounts", "settings"]) {
    await show(page, name);
    out.pages[name] = await page.textContent("#page-title");
    await shot(page, name);
  }

  step("plugin panels");
  for (const id of out.nav.filter((p) => p.startsWith("panel-")).map((p) => p.slice(6))) {
    await show(page, `panel/${id}`, "panel");
    const frame = page.frameLocator(`#panel-${id}`);
    await frame.locator("#panel:not([hidden])").waitFor({ timeout: 20000 });
    await page.waitForTimeout(500);
    out.panels[id] = { title: await page.textContent("#page-title"),
      loginHidden: await frame.locator("#login").isHidden() };
    await shot(page, `panel-${id}`);
  }

  step("EC2 switch");
  await show(page, "settings");
  const ec2Box = "#setting-ec2-api-enabled";
  out.ec2.initiallyChecked = await page.isChecked(ec2Box);
  out.ec2.before = await ec2Call();
  await page.uncheck(ec2Box);
  await page.waitForFunction((s) => document.querySelector(s).parentElement.textContent.includes("disabled"), ec2Box);
  out.ec2.whenDisabled = await ec2Call();
  await shot(page, "settings-ec2-off");
  await page.check(ec2Box);
  await page.waitForFunction((s) => document.querySelector(s).parentElement.textContent.includes("enabled"), ec2Box);
  out.ec2.whenEnabled = await ec2Call();

  step("phone width");
  await page.setViewportSize({ width: 390, height: 844 });
  out.phoneOverflow = {};
  for (const name of ["dashboard", "instances", "templates", "offerings", "securitygroups", "keypairs", "volumes",
    "accounts", "settings"]) {
    await show(page, name);
    out.phoneOverflow[name] = await page.evaluate(() => document.documentElement.scrollWidth
      - document.documentElement.clientWidth);
    if (name === "dashboard" || name === "instances") await shot(page, `${name}-phone`);
  }
  await page.click("#menu-toggle");
  await page.waitForSelector("#nav-list a", { state: "visible" });
  await shot(page, "menu-phone");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.click("#logout");
  await page.waitForSelector("#login-form:not([hidden])");

  step("normal user");
  const userContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const userPage = await userContext.newPage();
  watch(userPage, "user");
  await signIn(userPage, user, userPassword);
  out.user.nav = await userPage.$$eval("#nav-list a", (as) => as.map((a) => a.dataset.page));
  await userPage.evaluate(() => delete document.body.dataset.ready);
  await userPage.goto(`${base}/client/#/accounts`);
  await userPage.waitForFunction(() => location.hash === "#/dashboard");
  await userPage.waitForSelector('body[data-ready="dashboard"]');
  out.user.accountsRedirected = true;
  await show(userPage, "instances");
  out.user.vms = await userPage.$$eval("[data-vm]", (els) => els.map((e) => e.dataset.vm));
  out.user.pager = await userPage.textContent(".pager span");
  await shot(userPage, "user-instances");
  process.stdout.write(JSON.stringify(out) + "\n");
} catch (e) {
  process.stderr.write(`web-ui: failed: ${e.stack || e}\n${JSON.stringify(out)}\n`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
