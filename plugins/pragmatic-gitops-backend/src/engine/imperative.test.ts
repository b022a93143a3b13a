import { computeDrift } from './computeDrift';
import { DriftInput, DriftResult, MASKED_VALUE } from './types';
import { CANARY } from './__fixtures__/kubernetes';
import {
  createDeletePlan,
  noOpPlan,
  resourceDriftPlan,
  updatePlan,
} from './__fixtures__/terraform';
import { driftInput } from './__fixtures__/harness';

type Case = {
  name: string;
  input: Partial<DriftInput>;
  status: DriftResult['status'];
  pending: DriftResult['pending'];
  resources?: string[];
};

const cases: Case[] = [
  {
    name: 'Terraform plan with only no-op and read is in sync',
    input: { live: { terraformPlan: noOpPlan() } },
    status: 'in-sync',
    pending: { terraform: [] },
  },
  {
    name: 'Terraform update is pending',
    input: { live: { terraformPlan: updatePlan() } },
    status: 'pending',
    pending: {
      terraform: [
        {
          address: 'aws_route53_record.www',
          type: 'aws_route53_record',
          actions: ['update'],
          changes: [{ path: '/ttl', desired: 300, live: 60 }],
        },
      ],
    },
  },
  {
    name: 'Terraform create, delete and replace are pending, in plan order',
    input: { live: { terraformPlan: createDeletePlan() } },
    status: 'pending',
    pending: {
      terraform: [
        {
          address: 'cloudflare_dns_record.static',
          type: 'cloudflare_dns_record',
          actions: ['create'],
          changes: [],
        },
        {
          address: 'cloudflare_dns_record.legacy',
          type: 'cloudflare_dns_record',
          actions: ['delete'],
          changes: [],
        },
        {
          address: 'aws_db_instance.main',
          type: 'aws_db_instance',
          actions: ['delete', 'create'],
          changes: [],
        },
      ],
    },
  },
  {
    name: 'resource_drift makes the entity pending and each entry a drifted resource',
    input: { live: { terraformPlan: resourceDriftPlan() } },
    status: 'pending',
    pending: { terraform: [] },
    resources: ['aws_db_instance/aws_db_instance.main drifted'],
  },
  {
    name: 'migrations not applied, in natural order (V2 before V10)',
    input: {
      availableMigrations: [
        'V10__add_index.sql',
        'V1__init.sql',
        'V2__add_refunds.sql',
        'V9__backfill.sql',
      ],
      live: { migrations: { applied: ['V1__init.sql'] } },
    },
    status: 'pending',
    pending: {
      migrations: {
        notApplied: [
          'V2__add_refunds.sql',
          'V9__backfill.sql',
          'V10__add_index.sql',
        ],
      },
    },
  },
  {
    name: 'available = Git ∪ live, deduplicated; applied versions match script names',
    input: {
      availableMigrations: ['V1__init.sql', 'V2__add_refunds.sql'],
      live: {
        migrations: {
          available: ['V2__add_refunds.sql', 'V3__index_refunds.sql'],
          applied: ['1', '2'],
        },
      },
    },
    status: 'pending',
    pending: { migrations: { notApplied: ['V3__index_refunds.sql'] } },
  },
  {
    name: 'all migrations applied is in sync',
    input: {
      availableMigrations: ['V1', 'V2', 'V10'],
      live: {
        migrations: { applied: ['V10', 'V2', 'V1'] },
        terraformPlan: noOpPlan(),
      },
    },
    status: 'in-sync',
    pending: { terraform: [], migrations: { notApplied: [] } },
  },
  {
    name: 'nothing observed is in sync with nothing pending',
    input: { live: {} },
    status: 'in-sync',
    pending: {},
  },
];

describe('computeDrift (imperative track)', () => {
  it.each(cases)('$name', ({ input, status, pending, resources }) => {
    const result = computeDrift(driftInput({ track: 'imperative', ...input }));
    expect(result.status).toBe(status);
    expect(result.pending).toEqual(pending);
    expect(
      result.resources.map(r => `${r.kind}/${r.name} ${r.status}`),
    ).toEqual(resources ?? []);
  });

  it('reports resource_drift differences as JSON pointers with sensitive values masked', () => {
    const result = computeDrift(
      driftInput({
        track: 'imperative',
        live: { terraformPlan: resourceDriftPlan() },
      }),
    );
    expect(result.resources).toEqual([
      {
        apiVersion: 'terraform',
        kind: 'aws_db_instance',
        name: 'aws_db_instance.main',
        status: 'drifted',
        sides: 'applied-real',
        ignored: [],
        differences: [
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
          { path: '/tags/hotfix-by', live: 'oncall' },
          {
            path: '/connection/secret',
            desired: MASKED_VALUE,
            live: MASKED_VALUE,
            masked: true,
          },
        ],
      },
    ]);
    expect(JSON.stringify(result)).not.toContain(CANARY.terraform);
  });

  it('applies ignore rules scoped to a Terraform type and address', () => {
    const result = computeDrift(
      driftInput({
        track: 'imperative',
        live: { terraformPlan: resourceDriftPlan() },
        ignoreRules: [{ kind: 'aws_db_instance', pointer: '/tags' }],
      }),
    );
    expect(result.resources[0].differences.map(d => d.path)).toEqual([
      '/instance_class',
      '/password',
      '/connection/secret',
    ]);
    expect(result.resources[0].ignored).toEqual([
      {
        path: '/tags/hotfix-by',
        reason: 'ignore-rule',
        rule: 'aws_db_instance:/tags',
      },
    ]);
  });

  it('accepts Flyway-info-like migration objects from a lenient provider', () => {
    const result = computeDrift(
      driftInput({
        track: 'imperative',
        live: {
          migrations: {
            available: [
              { version: '1', script: 'V1__init.sql' },
              { version: '2', script: 'V2__add_refunds.sql' },
            ],
            applied: [
              { version: '1', script: 'V1__init.sql', success: true },
              { version: '2', success: false },
            ],
          } as any,
        },
      }),
    );
    expect(result.pending?.migrations).toEqual({
      notApplied: ['V2__add_refunds.sql'],
    });
  });
});
