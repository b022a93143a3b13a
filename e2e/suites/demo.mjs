import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APP, BACKEND, guestToken, page } from '../portal.mjs';

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
