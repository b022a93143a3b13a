// Back-port from a hotfix: the demo's pending payments-api hotfix (image and
// feature flag changed by hand) gives the patch writing its live image into
// the dir: source's deployment.yaml.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APP, page } from '../portal.mjs';

const HOTFIX_TITLE = 'Ship refunds double-charge fix and enable fast refunds';
const LIVE_IMAGE = 'registry.example.com/payments/payments-api:1.14.3-hotfix.1';

describe('back-port from a hotfix', () => {
  it('generates the back-port diff of a pending demo hotfix', async () => {
    await page.goto(`${APP}/catalog/default/component/payments-api/gitops`);
    const row = page
      .getByTestId('pragmatic-gitops-hotfix')
      .filter({ hasText: HOTFIX_TITLE });
    await row.getByRole('button', { name: 'Open back-port PR' }).click();

    const dialog = page.getByRole('dialog', { name: /^Back-port HF-\d+$/ });
    const diff = dialog.getByTestId('pragmatic-gitops-unified-diff');
    await diff.waitFor();
    const text = await diff.innerText();
    // The hotfix's field, with its live value, as an added line.
    const image = new RegExp(
      `^\\+\\s+image: ${LIVE_IMAGE.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`,
      'm',
    );
    assert.match(text, image);
    assert.match(text, /^\+\+\+ .*deployment\.yaml/m);
    await dialog
      .getByTestId('pragmatic-gitops-backport-files')
      .getByText('deployment.yaml', { exact: false })
      .first()
      .waitFor();
    await dialog.getByRole('button', { name: 'Copy the diff' }).waitFor();
    await page.screenshot({ path: 'docs/screenshots/backport-diff.png' });

    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});
