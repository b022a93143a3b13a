// End-to-end test: starts the portal the README's way (`yarn start`), signs in
// as guest in Debian's Chromium and checks what a user sees on entity pages.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const APP = 'http://localhost:3000';
const BACKEND = 'http://localhost:7007';
const STARTUP_TIMEOUT_MS = 6 * 60_000;
// The portal's own output goes to a file, shown when something fails.
const PORTAL_LOG = 'e2e/portal.log';
// A static token for this run only, so the tests can push observations the
// way an agent does (service credentials).
const AGENT_TOKEN = randomBytes(24).toString('hex');

let portal;
let browser;
let page;

async function waitFor(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`${url} did not answer within ${STARTUP_TIMEOUT_MS / 1000}s`);
}

async function guestToken() {
  const res = await fetch(`${BACKEND}/api/auth/guest/refresh?env=development`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  return (await res.json()).backstageIdentity.token;
}

async function signInAsGuest() {
  await page.goto(APP);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByText('Pragmatic GitOps demo Catalog').waitFor();
}

before(async () => {
  const log = openSync(PORTAL_LOG, 'w');
  portal = spawn('yarn', ['start'], {
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      BROWSER: 'none',
      APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
        {
          type: 'static',
          options: { token: AGENT_TOKEN, subject: 'e2e-agent' },
        },
      ]),
    },
  });
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  try {
    await waitFor(`${BACKEND}/api/pragmatic-gitops/health`, deadline);
    await waitFor(APP, deadline);
  } catch (error) {
    console.error(
      readFileSync(PORTAL_LOG, 'utf8').split('\n').slice(-60).join('\n'),
    );
    throw error;
  }
  mkdirSync('docs/screenshots', { recursive: true });

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
  page.setDefaultTimeout(60_000);
  await signInAsGuest();
});

after(async () => {
  await browser?.close();
  if (portal?.pid) {
    try {
      process.kill(-portal.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});

describe('demo portal', () => {
  it('shows the deployment track on a tracked entity page', async () => {
    await page.goto(`${APP}/catalog/default/component/payments-api`);
    const card = page.getByTestId('pragmatic-gitops-track-card');
    await card.waitFor();
    await card.getByText('Declarative', { exact: false }).first().waitFor();
    assert.match(await card.innerText(), /Git is the source of truth/);
  });

  it('shows an operator-managed entity as track B', async () => {
    await page.goto(`${APP}/catalog/default/component/payments-db`);
    const card = page.getByTestId('pragmatic-gitops-track-card');
    await card
      .getByText('Operator-managed', { exact: false })
      .first()
      .waitFor();
  });

  it('shows computed drift on the GitOps tab, down to the field, explained by its hotfix', async () => {
    await page.goto(`${APP}/catalog/default/component/payments-api/gitops`);
    const content = page.getByTestId('pragmatic-gitops-drift-content');
    await content.waitFor();
    // The demo's open hotfix covers both differences, so the drift is explained.
    await page
      .getByTestId('pragmatic-gitops-drift-status')
      .getByText('Explained')
      .first()
      .waitFor();
    const resources = page.getByTestId('pragmatic-gitops-resources');
    await resources
      .getByText('/spec/template/spec/containers/0/image')
      .first()
      .waitFor();
    const text = await resources.innerText();
    assert.match(text, /1\.14\.3-hotfix\.1/);
    assert.match(text, /HF-\d+/);
    await page.screenshot({
      path: 'docs/screenshots/entity-gitops.png',
      fullPage: true,
    });
  });

  it('shows pending Terraform changes for an imperative entity', async () => {
    await page.goto(`${APP}/catalog/default/component/edge-cdn/gitops`);
    await page
      .getByTestId('pragmatic-gitops-drift-status')
      .getByText('Pending')
      .first()
      .waitFor();
    await page.getByText('cloudflare_ruleset.cache').first().waitFor();
  });

  it('lists the fleet with counts by status on the overview page', async () => {
    await page.goto(`${APP}/pragmatic-gitops`);
    const fleet = page.getByTestId('pragmatic-gitops-fleet');
    await fleet.waitFor();
    // Entity links show titles once the catalog answers.
    await fleet
      .getByText('Payments API')
      .filter({ visible: true })
      .first()
      .waitFor();
    await fleet
      .getByText('Events Kafka')
      .filter({ visible: true })
      .first()
      .waitFor();
    await fleet.getByText('Overdue back-ports').first().waitFor();
    await page.screenshot({
      path: 'docs/screenshots/fleet.png',
      fullPage: true,
    });
  });

  it('raises an alarm for a hotfix the controller reverted before any back-port', async () => {
    await page.goto(`${APP}/catalog/default/component/payments-db/gitops`);
    const alarm = page.getByTestId('pragmatic-gitops-hotfix-reverted-alarm');
    await alarm.waitFor();
    assert.match(await alarm.innerText(), /HF-\d+/);
  });

  it('shows drift explained by an overdue hotfix', async () => {
    await page.goto(`${APP}/catalog/default/component/events-kafka/gitops`);
    await page
      .getByTestId('pragmatic-gitops-drift-status')
      .getByText('Explained')
      .first()
      .waitFor();
    await page.getByTestId('pragmatic-gitops-hotfix-overdue-warning').waitFor();
    await page
      .getByTestId('pragmatic-gitops-hotfixes')
      .getByText('retention', { exact: false })
      .first()
      .waitFor();
  });

  it('records a hotfix from the GitOps tab as the signed-in user', async () => {
    await page.goto(`${APP}/catalog/default/component/checkout-web/gitops`);
    await page.getByRole('button', { name: 'Record hotfix' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('Title')
      .fill('Raise checkout-web memory limit during Black Friday');
    await dialog
      .getByLabel('Incident link')
      .fill('https://status.example.com/incidents/INC-3001');
    const manual = dialog.getByTestId('pragmatic-gitops-hotfix-manual-change');
    await manual.getByLabel('Kind', { exact: true }).fill('Deployment');
    await manual.getByLabel('Namespace', { exact: true }).fill('payments');
    await manual.getByLabel('Name', { exact: true }).fill('checkout-web');
    await manual.getByRole('button', { name: 'Add resource' }).click();
    await dialog.getByRole('button', { name: 'Record hotfix' }).click();
    await dialog.waitFor({ state: 'detached' });

    const hotfixes = page.getByTestId('pragmatic-gitops-hotfixes');
    await hotfixes
      .getByText('Raise checkout-web memory limit', { exact: false })
      .first()
      .waitFor();
    // Identity comes from the guest's credentials, never from the page.
    const res = await page.request.get(
      `${BACKEND}/api/pragmatic-gitops/hotfixes?entityRef=component:default/checkout-web`,
      {
        headers: { Authorization: `Bearer ${await guestToken()}` },
      },
    );
    const { items } = await res.json();
    assert.equal(items[0].appliedBy, 'user:default/guest');
    assert.equal(items[0].status, 'pending-backport');
    await page.screenshot({ path: 'docs/screenshots/hotfixes.png' });
  });

  it('shows the annotation error of the entity with an invalid track', async () => {
    await page.goto(`${APP}/catalog/default/component/legacy-reports`);
    const card = page.getByTestId('pragmatic-gitops-track-card');
    await card
      .getByText('Invalid annotation pragmatic-gitops.io/track', {
        exact: false,
      })
      .first()
      .waitFor();
    await page.screenshot({
      path: 'e2e/screenshots/legacy-reports.png',
      fullPage: true,
    });
  });
});

// Issue 9: the demo shows the product's alarm beside the explained drift,
// and every status change is dated by when it happened.
describe('demo fleet statuses and dates', () => {
  const HOUR = 3600_000;

  async function api(path) {
    const res = await fetch(`${BACKEND}/api/pragmatic-gitops${path}`, {
      headers: { Authorization: `Bearer ${await guestToken()}` },
    });
    assert.equal(res.status, 200, `${path} answered ${res.status}`);
    return res.json();
  }

  it('shows drifted, explained, pending, in-sync and unknown entities on the fleet page', async () => {
    await page.goto(`${APP}/pragmatic-gitops`);
    await page.getByTestId('pragmatic-gitops-fleet').waitFor();
    for (const status of [
      'drifted',
      'explained',
      'pending',
      'in-sync',
      'unknown',
    ]) {
      const tile = page.getByTestId(`pragmatic-gitops-tile-status-${status}`);
      await tile.waitFor();
      const count = Number((await tile.innerText()).match(/\d+/)?.[0]);
      assert.ok(count >= 1, `the ${status} tile counts ${count}`);
    }
  });

  it('shows the unrecorded hand change as drifted, its field on the GitOps tab', async () => {
    await page.goto(`${APP}/catalog/default/component/ledger-worker/gitops`);
    await page
      .getByTestId('pragmatic-gitops-drift-status')
      .getByText('Drifted')
      .first()
      .waitFor();
    const resources = page.getByTestId('pragmatic-gitops-resources');
    await resources.getByText('/data/LOG_LEVEL').first().waitFor();
    const text = await resources.innerText();
    assert.match(text, /debug/);
    assert.doesNotMatch(text, /HF-\d+/);
  });

  it('dates the replayed history by its steps, not by the start of the backend', async () => {
    const { items } = await api(
      '/hotfixes?entityRef=component:default/payments-db',
    );
    const reverted = items.find(h => h.status === 'reverted');
    assert.ok(reverted, 'the payments-db hotfix is reverted');
    const { events } = await api(`/hotfixes/${reverted.id}`);
    const at = Date.parse(events.find(e => e.type === 'reverted').at);
    const ago = (Date.now() - at) / HOUR;
    assert.ok(ago > 40 && ago < 50, `reverted ${ago.toFixed(1)} hours ago`);

    const { transitions } = await api(
      '/entities/component/default/payments-api/history',
    );
    const explained = transitions.find(t => t.to === 'explained');
    const explainedAgo = (Date.now() - Date.parse(explained.at)) / HOUR;
    assert.ok(
      explainedAgo > 15 && explainedAgo < 25,
      `payments-api explained ${explainedAgo.toFixed(1)} hours ago`,
    );
  });
});

describe('catalog table and live updates', () => {
  /** Pushes an observation as an agent does; returns the recomputed status. */
  async function pushObservation(body) {
    const res = await fetch(`${BACKEND}/api/pragmatic-gitops/observations`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${AGENT_TOKEN}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ ...body, observedAt: new Date().toISOString() }),
    });
    assert.equal(res.status, 202, await res.clone().text());
    return res.json();
  }

  it('shows track and drift status columns in the catalog and filters by them', async () => {
    await page.goto(`${APP}/catalog?filters[kind]=component&filters[user]=all`);
    const table = page.getByRole('table');
    const row = name => table.getByRole('row').filter({ hasText: name });
    await row('Edge CDN').getByText('Pending').waitFor();
    await row('Edge CDN').getByText('Imperative').waitFor();
    await row('Payments database').getByText('Operator-managed').waitFor();

    await page
      .getByTestId('pragmatic-gitops-picker-status')
      .selectOption('pending');
    await row('Checkout web').waitFor({ state: 'detached' });
    await row('Edge CDN').waitFor();
    assert.match(page.url(), /status%3Apending|status:pending/);

    await page.getByTestId('pragmatic-gitops-picker-status').selectOption('');
    await page
      .getByTestId('pragmatic-gitops-picker-track')
      .selectOption('operator');
    await row('Payments database').waitFor();
    await row('Edge CDN').waitFor({ state: 'detached' });
    await page.screenshot({
      path: 'docs/screenshots/catalog-gitops-columns.png',
      fullPage: true,
    });
  });

  it('updates an open GitOps tab without a reload when an observation is pushed', async () => {
    // payments-db is in sync in the demo; scaling its Cluster by hand is drift.
    const observed = JSON.parse(
      readFileSync('examples/observations/payments-db.json', 'utf8'),
    );
    const scaled = structuredClone(observed);
    scaled.objects.find(o => o.kind === 'Cluster').spec.instances = 5;

    await page.goto(`${APP}/catalog/default/component/payments-db/gitops`);
    const status = page.getByTestId('pragmatic-gitops-drift-status');
    await status.getByText('In sync').first().waitFor();
    // Survives only as long as the page is not reloaded.
    await page.evaluate(() => {
      window.__e2eNotReloaded = true;
    });

    const pushed = await pushObservation(scaled);
    assert.equal(pushed.drift.status, 'drifted');
    const changedAt = Date.now();
    await status.getByText('Drifted').first().waitFor({ timeout: 10_000 });
    const seenAfterMs = Date.now() - changedAt;
    // Rows open on first render only; the one that drifted since is opened.
    const resources = page.getByTestId('pragmatic-gitops-resources');
    await resources
      .getByRole('button', { name: /^Expand .*Cluster/ })
      .first()
      .click();
    await resources.getByText('/spec/instances').first().waitFor();
    assert.equal(await page.evaluate(() => window.__e2eNotReloaded), true);
    console.log(`GitOps tab showed the pushed drift after ${seenAfterMs} ms`);

    // Put the demo back as it was, and see that too.
    await pushObservation(observed);
    await status.getByText('In sync').first().waitFor({ timeout: 10_000 });
    assert.equal(await page.evaluate(() => window.__e2eNotReloaded), true);
  });
});

// The pages tell the truth at a glance (issue 14): true durations, critical
// findings first, the revert alarm on the overview tab, the record-hotfix
// form, the fleet page's sorting, search and owner picker.
describe('at a glance', () => {
  it('dates the status by when it changed, not by when the backend started', async () => {
    await page.goto(`${APP}/catalog/default/component/events-kafka/gitops`);
    const since = page
      .getByTestId('pragmatic-gitops-drift-status')
      .getByTestId('pragmatic-gitops-drift-since');
    await since.waitFor();
    const text = await since.innerText();
    // The overdue hotfix was recorded days ago in the demo's history.
    assert.doesNotMatch(text, /minute|second/, text);
    assert.match(text, /day|tracking began/, text);
  });

  it('heads the status card with a critical finding and no green "exists"', async () => {
    await page.goto(`${APP}/catalog/default/component/checkout-web/gitops`);
    const banner = page
      .getByTestId('pragmatic-gitops-drift-status')
      .getByTestId('pragmatic-gitops-findings-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /Critical finding/);
    const plaintext = page.locator(
      '[data-testid="pragmatic-gitops-secret-resolution"][data-status="plaintext-in-git"]',
    );
    await plaintext.first().waitFor();
    assert.match(await plaintext.first().innerText(), /plaintext in Git/);
  });

  it('raises the revert alarm on the overview tab with a next step', async () => {
    await page.goto(`${APP}/catalog/default/component/payments-db`);
    const alarm = page
      .getByTestId('pragmatic-gitops-drift-card')
      .getByTestId('pragmatic-gitops-hotfix-reverted-alarm');
    await alarm.waitFor();
    const text = await alarm.innerText();
    assert.match(text, /HF-\d+ was reverted/);
    assert.match(text, /Next step/);
  });

  it('records a hotfix from a filled manual row without "Add resource"', async () => {
    await page.goto(`${APP}/catalog/default/component/checkout-web/gitops`);
    await page.getByRole('button', { name: 'Record hotfix' }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByLabel('Title')
      .fill('Pin checkout-web image during INC-3002');
    const manual = dialog.getByTestId('pragmatic-gitops-hotfix-manual-change');
    await manual.getByLabel('Kind', { exact: true }).fill('ConfigMap');
    await manual.getByLabel('Namespace', { exact: true }).fill('payments');
    await manual.getByLabel('Name', { exact: true }).fill('checkout-web-flags');
    await manual.getByLabel(/^Fields/).fill('/data/FAST_CHECKOUT');
    await dialog.getByRole('button', { name: 'Record hotfix' }).click();
    await dialog.waitFor({ state: 'detached' });
    const res = await page.request.get(
      `${BACKEND}/api/pragmatic-gitops/hotfixes?entityRef=component:default/checkout-web`,
      { headers: { Authorization: `Bearer ${await guestToken()}` } },
    );
    const { items } = await res.json();
    const recorded = items.find(h => h.title.startsWith('Pin checkout-web'));
    assert.ok(recorded, 'the hotfix was recorded');
    assert.deepEqual(recorded.changes, [
      {
        kind: 'ConfigMap',
        namespace: 'payments',
        name: 'checkout-web-flags',
        paths: ['/data/FAST_CHECKOUT'],
      },
    ]);
  });

  it('sorts, searches and filters the fleet by an owner picked from the catalog', async () => {
    await page.goto(`${APP}/pragmatic-gitops`);
    const fleet = page.getByTestId('pragmatic-gitops-fleet');
    await fleet
      .getByText(/Entities \(\d+\)/)
      .first()
      .waitFor();
    // Most severe first by default: a drifted entity heads the table.
    const firstStatus = fleet
      .locator('tbody [data-testid="pragmatic-gitops-drift-status-chip"]')
      .first();
    await firstStatus.waitFor();
    assert.equal(await firstStatus.getAttribute('data-status'), 'drifted');

    await page
      .getByRole('columnheader', { name: 'Entity' })
      .getByRole('button')
      .first()
      .click();
    await page.waitForURL(/sort=name/);

    await page.getByTestId('pragmatic-gitops-search').fill('kafka');
    await page.waitForURL(/q=kafka/);
    await fleet.getByText('Entities (1)').waitFor();
    await page.getByTestId('pragmatic-gitops-search').fill('');
    await page.waitForURL(url => !url.search.includes('q='));

    await page.getByTestId('pragmatic-gitops-owner-filter').fill('team-pay');
    await page
      .getByRole('option', { name: /team-payments/ })
      .first()
      .click();
    await page.waitForURL(/owner=team-payments/);
    await fleet
      .getByText(/Entities \(\d+\)/)
      .first()
      .waitFor();
    await page.screenshot({
      path: 'docs/screenshots/fleet.png',
      fullPage: true,
    });
  });
});
