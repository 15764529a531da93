// The staff page as a person meets it, in Debian's headless Chromium driven by playwright-core (no browser
// download). Needs the suite running (./pledgewatch up). Usage: node staff-page.test.mjs [reportUrl] [passwordFile]
import { launch } from './chromium.mjs';
import { readFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const base = process.argv[2] || process.env.PW_REPORT_URL || 'http://localhost:8083';
const passwordFile = process.argv[3] || process.env.PW_DEV_PASSWORD_FILE || 'data/keys/dev-login.password';
const password = readFileSync(passwordFile, 'utf8').trim();

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
    await page.waitForSelector('#briefings');
    assert.match(await page.textContent('header'), /staff/);

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
    await page.screenshot({ path: join(dir, 'staff-page.png'), fullPage: true });
    console.log(`downloaded ${download.suggestedFilename()} (${bytes.length} bytes); screenshot ${join(dir, 'staff-page.png')}`);

    // The download link is not open to anyone without the session.
    const anonymous = await (await browser.newContext()).request.get(base + `/api/v1/briefings/${id}/pdf`);
    assert.equal(anonymous.status(), 401);

    // Logging out ends the session.
    await page.goto(base + '/');
    await page.click('header button');
    assert.match(page.url(), /\/login/);
    await page.goto(base + '/');
    assert.match(page.url(), /\/login/);
  } finally {
    await browser.close();
  }
});
