// Issue 13: canary secret values never appear on a rendered page. The
// canaries (e2e/canary/seed.mjs) go where real secrets go: checkout-web's
// desired state, live state an agent pushes, a Terraform plan's sensitive
// values; the demo's own secrets are needles too. Every page of the plugin
// is visited with everything opened; its text, its HTML and every response
// and WebSocket frame the browser received must hold none of them.
// Run last: it changes checkout-web and edge-cdn for the rest of the run.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APP, page, pushObservation } from '../portal.mjs';
import {
  checkoutWebObservation,
  edgeCdnObservation,
  NEEDLES,
  removeDesiredCanaries,
  writeDesiredCanaries,
} from '../canary/seed.mjs';
import {
  expandAll,
  findNeedles,
  renderedLeaks,
  watchPage,
} from '../canary/leakWatch.mjs';

const HOTFIX_TITLE = 'Rotate checkout-web canary credentials by hand';
const TRACKED = [
  'payments-api',
  'checkout-web',
  'ledger-worker',
  'payments-db',
  'events-kafka',
  'search-elasticsearch',
  'edge-cdn',
  'dns-zones',
  'payments-migrations',
];

describe('canary secret values never reach a rendered page', () => {
  const leaks = [];
  const pushAnswers = [];
  const pages = [];
  let watch;
  const check = async name => {
    pages.push(name);
    leaks.push(...(await renderedLeaks(page, name, NEEDLES)));
  };

  async function push(body) {
    const { status, text } = await pushObservation(body);
    pushAnswers.push({ place: `push ${body.entityRef}`, text });
    return status;
  }

  async function openGitopsTab(name) {
    await page.goto(`${APP}/catalog/default/component/${name}/gitops`);
    await page.getByTestId('pragmatic-gitops-drift-status').first().waitFor();
    await page.getByTestId('pragmatic-gitops-hotfixes').waitFor();
    await page.waitForLoadState('networkidle');
    await expandAll(page);
  }

  before(async () => {
    watch = watchPage(page);
    writeDesiredCanaries();
    const checkout = await push(checkoutWebObservation());
    assert.equal(checkout.drift.status, 'drifted');
    await push(edgeCdnObservation());
  });

  after(() => {
    watch?.stop();
    removeDesiredCanaries();
  });

  it('shows the seeded Secret, ConfigMap key and env literal as masked drift on the GitOps tab', async () => {
    await openGitopsTab('checkout-web');
    for (const resource of [
      'Secret/checkout/checkout-web-canary',
      'Secret/checkout/checkout-web-stripe',
      'ConfigMap/checkout/checkout-web-canary-env',
      'CronJob/checkout/checkout-web-canary-rotate',
      'Deployment/checkout/checkout-web',
    ]) {
      const row = page.locator(
        `[data-testid="pragmatic-gitops-resource"][data-resource="${resource}"]`,
      );
      // The canary really reached the page: as a masked difference.
      await row
        .locator('xpath=following-sibling::tr[1]')
        .getByTestId('pragmatic-gitops-masked-badge')
        .first()
        .waitFor();
    }
    await check('checkout-web GitOps tab');
  });

  it('records a hotfix over the masked fields and opens it in the hotfix list', async () => {
    await page.getByRole('button', { name: 'Record hotfix' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill(HOTFIX_TITLE);
    await dialog
      .getByRole('list', { name: 'What was changed' })
      .getByText('checkout-web-canary', { exact: false })
      .first()
      .waitFor();
    await check('record-hotfix dialog');
    await dialog.getByRole('button', { name: 'Record hotfix' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByTestId('pragmatic-gitops-hotfix')
      .filter({ hasText: HOTFIX_TITLE })
      .waitFor();
    await expandAll(page);
    await check('hotfix list, every hotfix open');
  });

  it('generates the back-port of that hotfix and refuses to write its secret values', async () => {
    const row = page
      .getByTestId('pragmatic-gitops-hotfix')
      .filter({ hasText: HOTFIX_TITLE });
    await row.getByRole('button', { name: 'Open back-port PR' }).click();
    const dialog = page.getByRole('dialog', { name: /^Back-port HF-\d+$/ });
    await dialog.getByTestId('pragmatic-gitops-backport-refused').waitFor();
    // The image is written; the secret values are refused, not written.
    await dialog.getByTestId('pragmatic-gitops-unified-diff').waitFor();
    assert.match(
      await dialog.getByTestId('pragmatic-gitops-unified-diff').innerText(),
      /3\.8\.1-canary/,
    );
    await check('back-port dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows the sensitive Terraform values of the pushed plan masked', async () => {
    await openGitopsTab('edge-cdn');
    await page
      .getByTestId('pragmatic-gitops-attribute-change')
      .filter({ hasText: 'X-Origin-Auth' })
      .first()
      .waitFor();
    await check('edge-cdn Terraform view');
  });

  it('holds no canary on the GitOps tab and overview of every tracked entity, the fleet page and the catalog table', async () => {
    for (const name of TRACKED) {
      await openGitopsTab(name);
      await check(`${name} GitOps tab`);
      // In-app, as a user goes: no reload of the whole app.
      await page.getByRole('tab', { name: 'Overview' }).click();
      await page.getByTestId('pragmatic-gitops-track-card').waitFor();
      await page.waitForLoadState('networkidle');
      await check(`${name} overview`);
    }
    // The demo's payments-api hotfix: a back-port with a diff.
    await page.goto(`${APP}/catalog/default/component/payments-api/gitops`);
    await page
      .getByTestId('pragmatic-gitops-hotfix')
      .getByRole('button', { name: 'Open back-port PR' })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: /^Back-port HF-\d+$/ });
    await dialog.getByTestId('pragmatic-gitops-unified-diff').waitFor();
    await check('payments-api back-port dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.goto(`${APP}/pragmatic-gitops`);
    const fleet = page.getByTestId('pragmatic-gitops-fleet');
    await fleet
      .getByText('Checkout web')
      .filter({ visible: true })
      .first()
      .waitFor();
    await expandAll(page);
    await check('fleet page');

    await page.goto(`${APP}/catalog?filters[kind]=component&filters[user]=all`);
    await page.getByRole('row').filter({ hasText: 'Checkout web' }).waitFor();
    await check('catalog table');
  });

  it('holds no canary in search results', async () => {
    // The demo indexes every minute: wait for the first index.
    const deadline = Date.now() + 3 * 60_000;
    const result = page
      .getByTestId('pragmatic-gitops-search-result')
      .filter({ hasText: 'checkout-web' });
    for (;;) {
      await page.goto(`${APP}/search?query=checkout`);
      // The result type list starts on the catalog whatever the URL says.
      await page.getByText('GitOps status', { exact: true }).first().click();
      try {
        await result.first().waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
    await check('search results');
  });

  it('found none of them anywhere (prints figures)', async () => {
    const received = await watch.received();
    for (const { place, text } of [...received, ...pushAnswers]) {
      leaks.push(...findNeedles(place, text, NEEDLES));
    }
    console.log(
      `canaries: ${NEEDLES.length} needles searched in ${pages.length} rendered pages (text and HTML) and ${received.length} responses and frames: ${leaks.length} found`,
    );
    assert.deepEqual(leaks, []);
  });
});
