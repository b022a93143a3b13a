import { ResourceDrift, TerraformPlan } from '../../engine';
import { CANARY, scan } from './__testUtils__/scans';
import { touchedState, touchedStates } from './touchedState';
import { HotfixChange } from './types';

function planWith(
  actions: string[],
  before: unknown,
  after: unknown,
  drift?: { before: unknown; after: unknown },
): TerraformPlan {
  const entry = (change: {
    actions: string[];
    before: unknown;
    after: unknown;
  }) => ({
    address: 'aws_db_instance.main',
    type: 'aws_db_instance',
    name: 'main',
    mode: 'managed',
    change,
  });
  return {
    format_version: '1.2',
    resource_changes: [entry({ actions, before, after })],
    ...(drift
      ? { resource_drift: [entry({ actions: ['update'], ...drift })] }
      : {}),
  };
}

describe('touchedState (Terraform)', () => {
  const change: HotfixChange = {
    kind: 'aws_db_instance',
    name: 'aws_db_instance.main',
    paths: ['/instance_class'],
  };
  const small = { instance_class: 'db.t3.small', password: CANARY };
  const large = { instance_class: 'db.r6g.large', password: CANARY };

  it.each([
    {
      title: 'no-op: Git (config) has the hotfix',
      plan: planWith(['no-op'], large, large),
      expected: { found: true, inSync: true, sameDigests: true },
    },
    {
      title: 'read (data source) counts as nothing to do',
      plan: planWith(['read'], large, large),
      expected: { found: true, inSync: true, sameDigests: true },
    },
    {
      title: 'update: config would undo the hotfix',
      plan: planWith(['update'], large, small),
      expected: { found: true, inSync: false, sameDigests: false },
    },
    {
      // The console change is in Git now; only the state file lags behind.
      title: 'no-op with resource_drift on the path is in sync (back-ported)',
      plan: planWith(['no-op'], large, large, { before: small, after: large }),
      expected: { found: true, inSync: true, sameDigests: true },
    },
    {
      title: 'resource_drift elsewhere does not touch the path',
      plan: planWith(['no-op'], large, large, {
        before: { ...large, tags: { a: '1' } },
        after: { ...large, tags: { a: '2' } },
      }),
      expected: { found: true, inSync: true, sameDigests: true },
    },
    {
      title: 'create: the real resource is gone',
      plan: planWith(['create'], null, small),
      expected: { found: false, inSync: false, sameDigests: false },
    },
  ])('$title', ({ plan, expected }) => {
    const { touched } = scan([change], {
      track: 'imperative',
      desired: [],
      live: { terraformPlan: plan },
    });
    const [state] = touched;
    expect(state.found).toBe(expected.found);
    expect(state.inSync).toBe(expected.inSync);
    expect(state.liveDigest === state.desiredDigest).toBe(expected.sameDigests);
    expect(JSON.stringify(touched)).not.toContain(CANARY);
  });

  it('digests the refreshed state (before) as live and the config (after) as desired', () => {
    const hotfixed = touchedState(change, {
      result: { resources: [], pairs: [] },
      live: { terraformPlan: planWith(['update'], large, small) },
    });
    const backported = touchedState(change, {
      result: { resources: [], pairs: [] },
      live: { terraformPlan: planWith(['no-op'], large, large) },
    });
    expect(backported.liveDigest).toBe(hotfixed.liveDigest);
    expect(backported.desiredDigest).toBe(hotfixed.liveDigest);
  });

  it('is not found when the plan does not name the address', () => {
    const state = touchedState(
      { ...change, name: 'aws_db_instance.replica' },
      {
        result: { resources: [], pairs: [] },
        live: { terraformPlan: planWith(['no-op'], large, large) },
      },
    );
    expect(state).toMatchObject({ found: false, inSync: false });
  });

  it('uses the engine result for resource_drift (ignore rules applied there)', () => {
    const ignored: ResourceDrift[] = [
      {
        apiVersion: 'terraform',
        kind: 'aws_db_instance',
        name: 'aws_db_instance.main',
        status: 'drifted',
        differences: [],
        ignored: [{ path: '/instance_class', reason: 'ignore-rule' }],
      },
    ];
    const states = touchedStates([change], {
      result: { resources: ignored, pairs: [] },
      live: {
        terraformPlan: planWith(['no-op'], large, large, {
          before: small,
          after: large,
        }),
      },
    });
    expect(states[0].inSync).toBe(true);
  });
});
