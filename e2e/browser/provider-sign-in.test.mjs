// Production sign-in as staff meet it: the staff page sends them to the organisation's OIDC provider, they type
// their password into the provider's own form, and come back signed in. Headless Chromium via playwright-core.
// Needs report-service configured for a provider (StaffSignInIT starts one with Keycloak and runs this).
// Usage: node provider-sign-in.test.mjs reportUrl username password
import { launch } from './chromium.mjs';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const [base, username, password] = process.argv.slice(2);

test('staff sign in through the provider, commission a briefing and download it', { timeout: 180_000 }, async () => {
  assert.ok(base && username && password, 'usage: node provider-sign-in.test.mjs reportUrl username password');
  const browser = await launch();
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();

    await page.goto(base + '/');
    assert.match(page.url(), /\/login$/);
    await page.click('#provider-sign-in');
    // The provider's page, not ours: the password never passes through Pledgewatch.
    await page.waitForSelector('#kc-form-login');
    assert.ok(!page.url().startsWith(base), `at the provider: ${page.url()}`);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('#kc-login');

    await page.waitForSelector('#counts');
    assert.equal(new URL(page.url()).origin + new URL(page.url()).pathname, base + '/');
    assert.match(await page.textContent('header'), new RegExp('staff:' + username));
    const session = (await context.cookies(base)).find(c => c.name === 'pw_session');
    assert.ok(session && session.httpOnly, 'an HttpOnly session cookie');
    assert.equal(session.sameSite, 'Lax');

    await page.click('header nav a[href="/briefings"]');
    await page.waitForSelector('#briefings');
    await page.selectOption('#country', 'LTU');
    await page.click('#commission-button');
    const id = (await page.textContent('#message')).match(/Briefing (\d+)/)[1];
    const row = `#briefings tr:has(td:first-child:text-is("${id}"))`;
    await page.waitForSelector(`${row} a.download`, { timeout: 120_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${row} a.download`)]);
    const file = join(mkdtempSync(join(tmpdir(), 'pw-download-')), download.suggestedFilename());
    await download.saveAs(file);
    assert.match(download.suggestedFilename(), /^pledgewatch-ltu-briefing-.*\.pdf$/);
    assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-');

    // Signing out ends the provider's session too: the next sign-in asks for the password again.
    await page.click('header button');
    await page.waitForURL(/\/login/);
    await page.goto(base + '/oidc/login');
    await page.waitForSelector('#kc-form-login');
    console.log(`signed in as ${username} through ${new URL(page.url()).origin}, downloaded ${download.suggestedFilename()}`);
  } finally {
    await browser.close();
  }
});
