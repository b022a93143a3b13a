import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BACKEND, guestToken } from '../portal.mjs';

// Issue 12 against the demo backend: the actions an AI assistant calls (the
// actions registry and its MCP tools) and Backstage search.
describe('actions, MCP tools and search on the demo backend', () => {
  const ACTIONS = `${BACKEND}/api/pragmatic-gitops/.backstage/actions/v1/actions`;
  const NAMES = [
    'get-entity-gitops-status',
    'list-drifted-entities',
    'list-overdue-backports',
    'record-hotfix',
  ];

  async function call(url, init = {}) {
    return fetch(url, {
      ...init,
      headers: {
        Authorization: `Bearer ${await guestToken()}`,
        'Content-Type': 'application/json',
        ...init.headers,
      },
    });
  }

  function invoke(name, input) {
    return call(`${ACTIONS}/pragmatic-gitops:${name}/invoke`, {
      method: 'POST',
      body: JSON.stringify(input),
    });
  }

  it('lists the four actions and answers get-entity-gitops-status for a demo entity', async () => {
    const listed = await (await call(ACTIONS)).json();
    const names = listed.actions.map(a => a.name);
    for (const name of NAMES) assert.ok(names.includes(name), name);

    const res = await invoke('get-entity-gitops-status', {
      entityRef: 'component:default/ledger-worker',
    });
    assert.equal(res.status, 200, await res.clone().text());
    const { output } = await res.json();
    assert.equal(output.drift.status, 'drifted');
  });

  it('answers a malformed entityRef with a 400 naming it', async () => {
    const res = await invoke('get-entity-gitops-status', {
      entityRef: 'not a ref!',
    });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /entityRef/);
  });

  it('offers the actions as MCP tools', async () => {
    const res = await call(`${BACKEND}/api/mcp-actions/v1`, {
      method: 'POST',
      headers: { Accept: 'application/json, text/event-stream' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/list',
        params: {},
      }),
    });
    assert.equal(res.status, 200);
    const text = await res.text();
    const data = text.split('\n').find(line => line.startsWith('data:'));
    const message = JSON.parse(data ? data.slice('data:'.length) : text);
    const tools = message.result.tools.map(t => t.name);
    for (const name of NAMES) {
      assert.ok(
        tools.some(tool => tool.includes(name)),
        `${name} in ${tools.join(', ')}`,
      );
    }
  });

  it('finds the drifted payments entity when searching "drifted payments"', async () => {
    // The demo indexes drift status 20 s after start, then every minute;
    // until the first index exists Backstage's search answers 500
    // (MissingIndexError), so wait for that first indexing.
    const deadline = Date.now() + 3 * 60_000;
    let top;
    let last = '';
    while (!top && Date.now() < deadline) {
      const res = await call(
        `${BACKEND}/api/search/query?term=${encodeURIComponent(
          'drifted payments',
        )}&types%5B0%5D=pragmatic-gitops`,
      );
      last = `${res.status} ${await res.clone().text()}`;
      if (res.status === 200) top = (await res.json()).results[0]?.document;
      if (!top) await new Promise(resolve => setTimeout(resolve, 5000));
    }
    assert.ok(top, `no search result within 3 minutes; last answer: ${last}`);
    assert.equal(top.driftStatus, 'drifted');
    assert.match(top.text, /payments/);
    assert.match(top.location, /\/gitops$/);
  });
});
