import { computeDrift } from './computeDrift';
import { MASKED_VALUE } from './types';
import { CANARY } from './__fixtures__/kubernetes';
import { sensitivePlan } from './__fixtures__/terraform';
import { driftInput } from './__fixtures__/harness';

const LATEST_RESTORABLE = {
  kind: 'aws_db_instance',
  pointer: '/latest_restorable_time',
};

describe('Terraform plan changes, attribute by attribute', () => {
  const result = computeDrift(
    driftInput({
      track: 'imperative',
      live: { terraformPlan: sensitivePlan() },
      ignoreRules: [LATEST_RESTORABLE],
    }),
  );

  it('lists each changed attribute current → planned, sensitive ones masked', () => {
    expect(result.pending?.terraform?.[0]).toEqual({
      address: 'aws_db_instance.main',
      type: 'aws_db_instance',
      actions: ['update'],
      changes: [
        {
          path: '/instance_class',
          desired: 'db.r6g.large',
          live: 'db.r6g.xlarge',
        },
        {
          path: '/password',
          desired: MASKED_VALUE,
          live: MASKED_VALUE,
          masked: true,
        },
        {
          path: '/parameters/0/value',
          desired: MASKED_VALUE,
          live: MASKED_VALUE,
          masked: true,
        },
      ],
    });
  });

  it('marks values computed during the apply, and masks a sensitive created value', () => {
    expect(result.pending?.terraform?.[1].changes).toEqual([
      { path: '/secret_id', live: 'payments/api' },
      { path: '/secret_string', live: MASKED_VALUE, masked: true },
      { path: '/id', knownAfterApply: true },
      { path: '/version_id', knownAfterApply: true },
    ]);
  });

  it('masks every attribute of a resource whose whole state is sensitive', () => {
    expect(result.pending?.terraform?.[2].changes).toEqual([
      { path: '/algorithm', desired: MASKED_VALUE, masked: true },
      { path: '/private_key_pem', desired: MASKED_VALUE, masked: true },
    ]);
  });

  it('never carries a sensitive value anywhere in the result', () => {
    expect(JSON.stringify(result)).not.toContain(CANARY.terraform);
  });

  it('a refresh that only moved an ignored computed attribute is in sync, its difference listed as ignored', () => {
    expect(result.resources).toEqual([
      {
        apiVersion: 'terraform',
        kind: 'aws_db_instance',
        name: 'aws_db_instance.main',
        status: 'in-sync',
        sides: 'applied-real',
        differences: [],
        ignored: [
          {
            path: '/latest_restorable_time',
            reason: 'ignore-rule',
            rule: 'aws_db_instance:/latest_restorable_time',
          },
        ],
      },
    ]);
  });

  it('the same refresh without the rule is real drift', () => {
    const plan = sensitivePlan();
    plan.resource_changes = [];
    const drift = computeDrift(
      driftInput({ track: 'imperative', live: { terraformPlan: plan } }),
    );
    expect(drift.status).toBe('pending');
    expect(drift.resources[0].status).toBe('drifted');

    const ignored = computeDrift(
      driftInput({
        track: 'imperative',
        live: { terraformPlan: plan },
        ignoreRules: [LATEST_RESTORABLE],
      }),
    );
    expect(ignored.status).toBe('in-sync');
  });
});
