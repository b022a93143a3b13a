import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APP, BACKEND, guestToken, page } from '../portal.mjs';

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
