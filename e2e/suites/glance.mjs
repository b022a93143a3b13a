import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APP, BACKEND, guestToken, page } from '../portal.mjs';

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
