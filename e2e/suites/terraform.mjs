import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APP, page } from '../portal.mjs';

describe('Terraform entity (imperative track)', () => {
  it('labels refresh drift last applied / real infrastructure and shows the plan attribute by attribute', async () => {
    await page.goto(`${APP}/catalog/default/component/edge-cdn/gitops`);

    // resource_drift: the WAF rule changed in the Cloudflare console.
    const waf = page.locator(
      '[data-testid="pragmatic-gitops-resource"][data-resource="cloudflare_ruleset/cloudflare_ruleset.waf_custom"]',
    );
    await waf.waitFor();
    const details = page.getByTestId('pragmatic-gitops-resource-details');
    const difference = details
      .getByTestId('pragmatic-gitops-difference')
      .filter({ hasText: '/rules/0/action' });
    await difference.getByText('Last applied').waitFor();
    await difference.getByText('Real infrastructure').waitFor();
    assert.equal(await difference.getByText('Git', { exact: true }).count(), 0);
    // Cloudflare's own version and timestamp are ignored by default.
    await details
      .getByTestId('pragmatic-gitops-ignored-difference')
      .filter({ hasText: '/last_updated' })
      .waitFor();

    // The plan: each attribute current → planned, its source and the next step.
    const pending = page.getByTestId('pragmatic-gitops-pending');
    await pending.getByText('Current → planned').first().waitFor();
    const ttl = pending
      .getByTestId('pragmatic-gitops-attribute-change')
      .filter({ hasText: 'rules[0].action_parameters.edge_ttl.default' });
    assert.match(await ttl.innerText(), /3600\s*→\s*14400/);
    await pending
      .getByTestId('pragmatic-gitops-attribute-change')
      .filter({ hasText: 'known after apply' })
      .first()
      .waitFor();
    assert.equal(
      await pending
        .getByRole('link', { name: 'pipeline run' })
        .getAttribute('href'),
      'https://github.example.com/platform/edge-cdn/actions/runs/4211',
    );
    await pending.getByText(/run the apply pipeline/).waitFor();
    await page.screenshot({
      path: 'docs/screenshots/terraform-entity.png',
      fullPage: true,
    });
  });
});
