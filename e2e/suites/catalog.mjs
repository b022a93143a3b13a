import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APP, page, pushObservation } from '../portal.mjs';

describe('catalog table and live updates', () => {
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

    const { status: pushed } = await pushObservation(scaled);
    assert.equal(pushed.drift.status, 'drifted');
    const changedAt = Date.now();
    await status.getByText('Drifted').first().waitFor({ timeout: 10_000 });
    const seenAfterMs = Date.now() - changedAt;
    // The row that drifted opens by itself and shows what differs.
    const resources = page.getByTestId('pragmatic-gitops-resources');
    await resources.getByText('/spec/instances').first().waitFor();
    await resources
      .getByRole('button', { name: /^Collapse .*Cluster/ })
      .first()
      .waitFor();
    assert.equal(await page.evaluate(() => window.__e2eNotReloaded), true);
    console.log(`GitOps tab showed the pushed drift after ${seenAfterMs} ms`);

    // Put the demo back as it was, and see that too.
    await pushObservation(observed);
    await status.getByText('In sync').first().waitFor({ timeout: 10_000 });
    assert.equal(await page.evaluate(() => window.__e2eNotReloaded), true);
  });
});
