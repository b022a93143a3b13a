import { computeDrift } from './computeDrift';
import { DriftInput, KubeObject, MASKED_VALUE } from './types';
import {
  deploymentDesired,
  deploymentLive,
  hpaDesired,
  hpaLive,
  secretDesired,
  secretLive,
} from './__fixtures__/kubernetes';
import {
  LAST_APPLIED,
  liveWithLastApplied,
  liveWithManagedFields,
  previouslyApplied,
} from './__fixtures__/threeWay';
import { driftInput, edit, summarize } from './__fixtures__/harness';

const CONTAINER = '/spec/template/spec/containers/0';
const LA = '(last-applied-configuration)';
const MF = '(managed-fields)';

type Case = {
  name: string;
  input: () => DriftInput;
  differences: string[];
  ignored?: string[];
};

const withoutArgs = (o: any) => delete o.spec.template.spec.containers[0].args;

const cases: Case[] = [
  {
    name: 'last-applied: label, env entry and args removed from Git but still live are drift',
    input: () =>
      driftInput({
        desired: [deploymentDesired()],
        live: { objects: [liveWithLastApplied()] },
      }),
    differences: [
      `Deployment/payments-api /metadata/labels/team ${LA}`,
      `Deployment/payments-api ${CONTAINER}/env/- ${LA}`,
      `Deployment/payments-api ${CONTAINER}/args ${LA}`,
    ],
  },
  {
    name: 'last-applied: the same counts in the operator track',
    input: () =>
      driftInput({
        track: 'operator',
        desired: [deploymentDesired()],
        live: { objects: [liveWithLastApplied()] },
      }),
    differences: [
      `Deployment/payments-api /metadata/labels/team ${LA}`,
      `Deployment/payments-api ${CONTAINER}/env/- ${LA}`,
      `Deployment/payments-api ${CONTAINER}/args ${LA}`,
    ],
  },
  {
    name: 'last-applied: a removed field that is gone live too is not drift',
    input: () =>
      driftInput({
        desired: [deploymentDesired()],
        live: {
          objects: [
            edit(liveWithLastApplied(), o => {
              delete o.metadata.labels.team;
              withoutArgs(o);
              o.spec.template.spec.containers[0].env.pop();
            }),
          ],
        },
      }),
    differences: [],
  },
  {
    name: 'last-applied: a whole block removed from Git is one difference',
    input: () =>
      driftInput({
        desired: [
          edit(
            deploymentDesired(),
            o => delete o.spec.template.spec.containers[0].resources,
          ),
        ],
        live: {
          objects: [
            liveWithLastApplied(
              edit(
                deploymentDesired(),
                o =>
                  (o.spec.template.spec.containers[0].resources.limits.cpu = 1),
              ),
            ),
          ],
        },
      }),
    // The live env entry that neither Git nor last-applied holds was added
    // by someone else: not drift under the three-way rule.
    differences: [`Deployment/payments-api ${CONTAINER}/resources ${LA}`],
  },
  {
    name: 'last-applied: replicas removed from Git for an HPA are emergent, not drift',
    input: () =>
      driftInput({
        desired: [
          edit(deploymentDesired(), o => delete o.spec.replicas),
          hpaDesired(),
        ],
        live: {
          objects: [
            edit(
              liveWithLastApplied(edit(previouslyApplied(), withoutArgs)),
              o => {
                o.spec.replicas = 9;
                withoutArgs(o);
              },
            ),
            hpaLive(),
          ],
        },
      }),
    differences: [
      `Deployment/payments-api /metadata/labels/team ${LA}`,
      `Deployment/payments-api ${CONTAINER}/env/- ${LA}`,
    ],
    ignored: [
      'Deployment/payments-api /spec/replicas hpa-managed-replicas HorizontalPodAutoscaler/payments-api',
    ],
  },
  {
    name: 'managedFields: fields argocd-controller applied and Git removed are drift; other managers never count',
    input: () =>
      driftInput({
        track: 'operator',
        desired: [deploymentDesired()],
        live: { objects: [liveWithManagedFields()] },
      }),
    differences: [
      `Deployment/payments-api /metadata/labels/team ${MF}`,
      `Deployment/payments-api ${CONTAINER}/ports/- ${MF}`,
      `Deployment/payments-api ${CONTAINER}/env/- ${MF}`,
    ],
  },
  {
    name: 'managedFields: in the declarative track extra entries count, tagged when Git applied them',
    input: () =>
      driftInput({
        desired: [deploymentDesired()],
        live: { objects: [liveWithManagedFields()] },
      }),
    differences: [
      `Deployment/payments-api /metadata/labels/team ${MF}`,
      `Deployment/payments-api ${CONTAINER}/ports/- ${MF}`,
      `Deployment/payments-api ${CONTAINER}/env/- ${MF}`,
      `Deployment/payments-api ${CONTAINER}/env/-`,
    ],
  },
  {
    name: 'managedFields: only the configured GitOps managers count',
    input: () =>
      driftInput({
        track: 'operator',
        desired: [deploymentDesired()],
        live: { objects: [liveWithManagedFields()] },
        gitopsFieldManagers: ['kustomize-controller'],
      }),
    differences: [],
  },
  {
    name: 'with managedFields, the field managers decide and last-applied is not read',
    input: () =>
      driftInput({
        track: 'operator',
        desired: [deploymentDesired()],
        live: {
          objects: [
            edit(liveWithManagedFields(), o => {
              o.metadata.annotations[LAST_APPLIED] = JSON.stringify(
                deploymentDesired(),
              );
            }),
          ],
        },
      }),
    differences: [
      `Deployment/payments-api /metadata/labels/team ${MF}`,
      `Deployment/payments-api ${CONTAINER}/ports/- ${MF}`,
      `Deployment/payments-api ${CONTAINER}/env/- ${MF}`,
    ],
  },
  {
    name: 'with managedFields, an invalid last-applied annotation changes nothing',
    input: () =>
      driftInput({
        track: 'operator',
        desired: [deploymentDesired()],
        live: {
          objects: [
            edit(
              liveWithManagedFields(),
              o => (o.metadata.annotations[LAST_APPLIED] = '{not json'),
            ),
          ],
        },
      }),
    differences: [
      `Deployment/payments-api /metadata/labels/team ${MF}`,
      `Deployment/payments-api ${CONTAINER}/ports/- ${MF}`,
      `Deployment/payments-api ${CONTAINER}/env/- ${MF}`,
    ],
  },
  {
    name: 'last-applied of another object (other name) is not trusted: no removed fields, the extra env entry counts as without a record',
    input: () =>
      driftInput({
        desired: [deploymentDesired()],
        live: {
          objects: [
            liveWithLastApplied(
              edit(previouslyApplied(), o => (o.metadata.name = 'other-app')),
            ),
          ],
        },
      }),
    differences: [`Deployment/payments-api ${CONTAINER}/env/-`],
  },
  {
    name: 'last-applied of another kind is not trusted',
    input: () =>
      driftInput({
        desired: [deploymentDesired()],
        live: {
          objects: [
            liveWithLastApplied(
              edit(previouslyApplied(), o => (o.kind = 'StatefulSet')),
            ),
          ],
        },
      }),
    differences: [`Deployment/payments-api ${CONTAINER}/env/-`],
  },
  {
    name: 'unparseable last-applied without managedFields: no record, the extra env entry counts',
    input: () =>
      driftInput({
        desired: [deploymentDesired()],
        live: {
          objects: [
            edit(
              liveWithLastApplied(),
              o => (o.metadata.annotations[LAST_APPLIED] = '{not json'),
            ),
          ],
        },
      }),
    differences: [`Deployment/payments-api ${CONTAINER}/env/-`],
  },
  {
    name: 'last-applied: a sidecar container and an env entry a webhook injected (in neither Git nor last-applied) are not drift',
    input: () =>
      driftInput({
        desired: [deploymentDesired()],
        live: {
          objects: [
            edit(liveWithLastApplied(deploymentDesired()), o => {
              const spec = o.spec.template.spec;
              spec.containers[0].env = spec.containers[0].env.filter(
                (e: any) => e.name !== 'FEATURE_NEW_CHECKOUT',
              );
              delete spec.containers[0].args;
              spec.containers[0].env.push({ name: 'ISTIO_META', value: '1' });
              spec.containers.push({
                name: 'istio-proxy',
                image: 'istio/proxyv2',
              });
            }),
          ],
        },
      }),
    differences: [],
  },
  {
    name: 'no record at all: the injected sidecar container is drift (declarative)',
    input: () =>
      driftInput({
        desired: [deploymentDesired()],
        live: {
          objects: [
            edit(deploymentLive(), o => {
              delete o.metadata.managedFields;
              o.spec.template.spec.containers.push({
                name: 'istio-proxy',
                image: 'istio/proxyv2',
              });
            }),
          ],
        },
      }),
    differences: ['Deployment/payments-api /spec/template/spec/containers/-'],
  },
  {
    name: 'managedFields without the sidecar: the field managers decide as before, the sidecar is drift (declarative)',
    input: () =>
      driftInput({
        desired: [deploymentDesired()],
        live: {
          objects: [
            edit(deploymentLive(), o =>
              o.spec.template.spec.containers.push({
                name: 'istio-proxy',
                image: 'istio/proxyv2',
              }),
            ),
          ],
        },
      }),
    differences: ['Deployment/payments-api /spec/template/spec/containers/-'],
  },
];

describe('three-way rule (fields removed from Git)', () => {
  it.each(cases)('$name', ({ input, differences, ignored }) => {
    const summary = summarize(computeDrift(input()));
    expect(summary.differences).toEqual(differences);
    expect(summary.ignored).toEqual(ignored ?? []);
    expect(summary.status).toBe(differences.length > 0 ? 'drifted' : 'in-sync');
  });

  it('reports the live value of a removed field and never the tracking annotation', () => {
    const [resource] = computeDrift(
      driftInput({
        track: 'operator',
        desired: [deploymentDesired()],
        live: { objects: [liveWithLastApplied()] },
      }),
    ).resources;
    expect(resource.differences).toEqual([
      {
        path: '/metadata/labels/team',
        live: 'payments',
        removedFromGit: 'last-applied-configuration',
      },
      {
        path: `${CONTAINER}/env/-`,
        live: { name: 'FEATURE_NEW_CHECKOUT', value: 'on' },
        removedFromGit: 'last-applied-configuration',
      },
      {
        path: `${CONTAINER}/args`,
        live: ['--verbose'],
        removedFromGit: 'last-applied-configuration',
      },
    ]);
  });

  it('masks every removed-from-Git difference of a Secret', () => {
    const applied = edit(
      secretDesired(),
      o => (o.data['old-api-key'] = 'c2VjcmV0'),
    );
    const live: KubeObject = edit(secretLive(), o => {
      o.data['old-api-key'] = 'c2VjcmV0';
      o.metadata.annotations = { [LAST_APPLIED]: JSON.stringify(applied) };
    });
    const [resource] = computeDrift(
      driftInput({ desired: [secretDesired()], live: { objects: [live] } }),
    ).resources;
    expect(resource.differences).toEqual([
      {
        path: '/data/old-api-key',
        live: MASKED_VALUE,
        masked: true,
        removedFromGit: 'last-applied-configuration',
      },
    ]);
  });
});
