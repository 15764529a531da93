// The web console as people meet it, in Debian's headless Chromium driven by playwright-core (no browser download):
// staff read the overview, a nation's page and the plans, and commission and download a briefing; a delegation checks
// its plan before it submits it. Needs the suite running (./pledgewatch up); loads its own plan (Portugal's, which the
// illustrative demo set does not touch). Screenshots of every page go to PW_SCREENSHOT_DIR (default
// e2e/browser/screenshots), kept as CI artefacts.
// Usage: node staff-page.test.mjs [reportUrl] [passwordFile]   (the delegations' password file sits beside it)
import { launch } from './chromium.mjs';
import { readFileSync, mkdtempSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const base = process.argv[2] || process.env.PW_REPORT_URL || 'http://localhost:8083';
const passwordFile = process.argv[3] || process.env.PW_DEV_PASSWORD_FILE || 'data/keys/dev-login.password';
const password = readFileSync(passwordFile, 'utf8').trim();
const delegationPassword = readFileSync(join(dirname(passwordFile), 'dev-delegation.password'), 'utf8').trim();
// ingest's API, for what a delegation can check there itself (its revisions); the launcher's ports are report's - 2.
const ingest = process.env.PW_INGEST_URL || (() => { const u = new URL(base); u.port = String(Number(u.port || 80) - 2); return u.origin; })();
const shots = process.env.PW_SCREENSHOT_DIR || join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
mkdirSync(shots, { recursive: true });

async function shoot(page, name) {
  await page.screenshot({ path: join(shots, name + '.png'), fullPage: true });
}

async function signInAsStaff(page) {
  await page.goto(base + '/login');
  await page.fill('#password', password);
  await page.click('#login-button');
  await page.waitForURL(base + '/');
}

test('staff log in, commission a briefing and download it', { timeout: 180_000 }, async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();

    // Anonymous visitors are sent to the login page; a wrong password is refused.
    await page.goto(base + '/');
    assert.match(page.url(), /\/login/);
    await page.fill('#password', 'wrong-' + password);
    await page.click('#login-button');
    assert.match(await page.textContent('body'), /not right/);

    await page.fill('#password', password);
    await page.click('#login-button');
    await page.waitForSelector('#counts');
    assert.match(await page.textContent('header'), /staff/);
    await page.click('header nav a[href="/briefings"]');
    await page.waitForSelector('#briefings');

    // Commission an Alliance briefing; the page refreshes itself (no JavaScript) until it is ready.
    await page.selectOption('#country', '');
    await page.click('#commission-button');
    const message = await page.textContent('#message');
    const id = message.match(/Briefing (\d+)/)[1];
    const row = `#briefings tr:has(td:first-child:text-is("${id}"))`;
    await page.waitForSelector(`${row} a.download`, { timeout: 120_000 });
    assert.match(await page.textContent(row), /READY/);

    const dir = mkdtempSync(join(tmpdir(), 'pw-download-'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${row} a.download`)]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    assert.match(download.suggestedFilename(), /^pledgewatch-alliance-briefing-.*\.pdf$/);
    const bytes = readFileSync(file);
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    assert.ok(statSync(file).size > 20_000, 'a briefing of the seeded data is more than a stub');
    // The same briefing's tables: a workbook (an xlsx is a zip: "PK") and the Alliance table as CSV.
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click(`${row} a.download-xlsx`)]);
    assert.match(xlsx.suggestedFilename(), /^pledgewatch-alliance-briefing-.*\.xlsx$/);
    const xlsxFile = join(dir, xlsx.suggestedFilename());
    await xlsx.saveAs(xlsxFile);
    assert.equal(readFileSync(xlsxFile).subarray(0, 2).toString(), 'PK');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click(`${row} a.download-csv`)]);
    assert.match(csv.suggestedFilename(), /^pledgewatch-alliance-briefing-.*\.alliance\.csv$/);
    const csvFile = join(dir, csv.suggestedFilename());
    await csv.saveAs(csvFile);
    assert.match(readFileSync(csvFile, 'utf8'), /^nation,iso3,kind,status,revision,core_pct/);
    await shoot(page, 'briefings');
    console.log(`downloaded ${download.suggestedFilename()} (${bytes.length} bytes); screenshots in ${shots}`);

    // The download link is not open to anyone without the session.
    const anonymous = await (await browser.newContext()).request.get(base + `/api/v1/briefings/${id}/pdf`);
    assert.equal(anonymous.status(), 401);

    // Logging out ends the session.
    await page.goto(base + '/briefings');
    await page.click('header button');
    assert.match(page.url(), /\/login/);
    await page.goto(base + '/');
    assert.match(page.url(), /\/login/);
  } finally {
    await browser.close();
  }
});

test('staff read the overview with its counts and chart, a nation page and the plans', { timeout: 120_000 }, async () => {
  const browser = await launch();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
    await signInAsStaff(page);
    const counts = await page.textContent('#counts');
    assert.match(counts, /At or above 2 % \(core\)\s*\d+/);
    assert.match(counts, /Median core\s*\d+\.\d\d %/);
    // The chart is drawn (a canvas from uPlot, shipped with the service) beside the table it is drawn from.
    await page.waitForSelector('#core-chart canvas');
    const rows = await page.locator('#core-table tbody tr').count();
    assert.ok(rows >= 30, `a row per assessed Ally: ${rows}`);
    await shoot(page, 'overview');

    // Keyboard: the year form is reachable and submits with Enter.
    await page.selectOption('#year', '2020');
    await page.focus('#overview-show');
    await page.keyboard.press('Enter');
    await page.waitForURL(/year=2020/);
    assert.match(await page.textContent('h1'), /2020/);

    await page.goto(base + '/nations/POL');
    await page.waitForSelector('#series-chart canvas');
    assert.match(await page.textContent('h1'), /Poland/);
    assert.match(await page.textContent('#series-table'), /2014/);
    assert.match(await page.textContent('#plan-heading'), /plan/);
    await shoot(page, 'nation-POL');

    await page.goto(base + '/plans');
    assert.ok(await page.locator('#plans tbody tr').count() >= 30);
    await shoot(page, 'plans');
  } finally {
    await browser.close();
  }
});

/** Portugal's plan 2026–2035: GDP EUR 300 bn, core 4 % and 1.5 % related every year, or 3 % core in dipYear. */
function plan(dipYear) {
  const lines = ['country,year,status,currency,gdp,defence_total,defence_equipment,defence_personnel,defence_infrastructure,'
    + 'defence_other,related_critical_infrastructure'];
  for (let year = 2026; year <= 2035; year++) {
    lines.push(year === dipYear
      ? `PRT,${year},PLAN,EUR,300000000000,9000000000,2250000000,3375000000,1125000000,2250000000,4500000000`
      : `PRT,${year},PLAN,EUR,300000000000,12000000000,3000000000,4500000000,1500000000,3000000000,4500000000`);
  }
  return Buffer.from(lines.join('\n') + '\n');
}

test('a delegation checks a plan with a dip, fixes it, submits it and sees it credible', { timeout: 180_000 }, async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(base + '/login');
    await shoot(page, 'sign-in');
    await page.selectOption('#delegation-country', 'PRT');
    await page.fill('#delegation-password', delegationPassword);
    await page.click('#delegation-login-button');
    await page.waitForURL(base + '/nations/PRT');
    assert.match(await page.textContent('header'), /delegation/);
    const token = (await context.cookies(base)).find(c => c.name === 'pw_session').value;
    const revisions = async () => {
      const r = await context.request.get(`${ingest}/api/v1/submissions/PRT/2029/revisions`, { headers: { Authorization: 'Bearer ' + token } });
      return r.status() === 404 ? 0 : (await r.json()).length;
    };
    const before = await revisions();

    // Another nation's page, and the staff pages, are a 403 page.
    for (const other of ['/nations/ESP', '/plans', '/briefings']) {
      const refused = await page.goto(base + other);
      assert.equal(refused.status(), 403, other);
      assert.match(await page.textContent('h1'), /Not permitted/);
    }
    await shoot(page, 'forbidden');

    await page.goto(base + '/nations/PRT');
    await page.setInputFiles('#plan-file', { name: 'plan-with-dip.csv', mimeType: 'text/csv', buffer: plan(2029) });
    await page.click('#check-button');
    await page.waitForSelector('#check-verdict');
    assert.match(await page.textContent('#check-verdict'), /Not credible/);
    assert.match(await page.textContent('#check-shortfall'), /First shortfall, 2029/);
    await shoot(page, 'plan-check-dip');
    assert.equal(await revisions(), before, 'a check stores nothing');

    await page.setInputFiles('#plan-file', { name: 'plan.csv', mimeType: 'text/csv', buffer: plan(0) });
    await page.click('#check-button');
    await page.waitForSelector('#check-verdict');
    assert.match(await page.textContent('#check-verdict'), /^Credible/);
    assert.equal(await revisions(), before, 'still nothing stored');
    await shoot(page, 'plan-check-fixed');

    await page.click('#submit-button');
    await page.waitForURL(/\/nations\/PRT\?submitted=10/);
    assert.equal(await revisions(), before + 1, 'the submitted plan is stored');
    const deadline = Date.now() + 60_000;
    while (!/^Credible/.test(await page.textContent('#plan-verdict'))) {
      assert.ok(Date.now() < deadline, 'the nation page shows the credible verdict within a minute');
      await page.waitForTimeout(500);
      await page.goto(base + '/nations/PRT');
    }
    await shoot(page, 'nation-PRT-credible');
  } finally {
    await browser.close();
  }
});
