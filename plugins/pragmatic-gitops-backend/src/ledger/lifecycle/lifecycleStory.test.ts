/**
 * Whole stories over several scans, with the real drift engine: the scanner
 * calls touchedStates + evaluateLifecycle and the ledger appends the events.
 * The first step is the computation right after recording.
 */
import { KubeObject, LiveState, TerraformPlan } from '../../engine';
import { Track } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { CANARY, deployment, scan } from './__testUtils__/scans';
import { evaluateLifecycle } from './evaluateLifecycle';
import { HotfixChange, LifecycleHotfix } from './types';

const NOW = new Date('2025-03-04T05:06:07.000Z');

type Step = {
  desired: KubeObject[];
  live: LiveState;
  track?: Track;
  commit?: { sha: string; url: string; subject: string };
};

/** Runs the scans in order, appending events and closing as the ledger would. */
function story(changes: HotfixChange[], steps: Step[]) {
  const hotfix: LifecycleHotfix = {
    id: 'HF-12',
    status: 'pending-backport',
    changes,
    events: [{ type: 'recorded', at: '2025-03-01T00:00:00.000Z' }],
  };
  const timeline: string[][] = [];
  steps.forEach((step, i) => {
    const { touched } = scan(changes, step);
    const events = evaluateLifecycle(hotfix, touched, {
      observedAt: new Date(NOW.getTime() + i * 60_000),
      revision: `rev-${i}`,
      backportCommit: step.commit,
    });
    hotfix.events.push(...events);
    const final = events.find(
      e => e.type === 'backported' || e.type === 'reverted',
    );
    if (final) {
      hotfix.status = final.type;
    }
    timeline.push(events.map(e => e.type).filter(t => t !== 'baseline'));
  });
  return { hotfix, timeline };
}

describe('the lifecycle over three scans: Kubernetes', () => {
  const changes: HotfixChange[] = [
    {
      kind: 'Deployment',
      name: 'payments',
      paths: ['/spec/replicas', '/spec/template/spec/containers/0/env/0/value'],
    },
  ];
  const git = { replicas: 2, token: `${CANARY}-old` };
  const hotfixed = { replicas: 6, token: `${CANARY}-new` };
  const step = (desired: typeof git, live: typeof git): Step => ({
    desired: [deployment(desired)],
    live: { objects: [deployment({ ...live, live: true })] },
  });

  it('recorded → drift seen → back-port lands → backported', () => {
    const { hotfix, timeline } = story(changes, [
      step(git, hotfixed),
      step(git, hotfixed),
      step(hotfixed, hotfixed),
    ]);
    expect(timeline).toEqual([['drift-observed'], [], ['backported']]);
    expect(hotfix.status).toBe('backported');
    expect(hotfix.events.map(e => e.type)).toEqual([
      'recorded',
      'baseline',
      'drift-observed',
      'backported',
    ]);
    expect(hotfix.events[3].detail).toEqual({
      via: 'git-match',
      revision: 'rev-2',
    });
    expect(JSON.stringify(hotfix)).not.toContain(CANARY);
  });

  it('recorded → drift seen → controller reverts → reverted', () => {
    const { hotfix, timeline } = story(changes, [
      step(git, hotfixed),
      step(git, git),
      step(git, git),
    ]);
    expect(timeline).toEqual([['drift-observed'], ['reverted'], []]);
    expect(hotfix.status).toBe('reverted');
    expect(JSON.stringify(hotfix)).not.toContain(CANARY);
  });

  it('back-ported with another value than the hotfix: backported', () => {
    const tuned = { replicas: 5, token: `${CANARY}-new` };
    const { timeline } = story(changes, [
      step(git, hotfixed),
      step(tuned, tuned),
    ]);
    expect(timeline).toEqual([['drift-observed'], ['backported']]);
  });

  it('a Backport-Of commit closes it before Git matches live', () => {
    const { hotfix, timeline } = story(changes, [
      step(git, hotfixed),
      {
        ...step(git, hotfixed),
        commit: { sha: 'c0ffee', url: 'https://x/c0ffee', subject: 'Fix' },
      },
      step(hotfixed, hotfixed),
    ]);
    expect(timeline).toEqual([['drift-observed'], ['backported'], []]);
    expect(hotfix.events[3].detail).toMatchObject({ via: 'commit-trailer' });
  });
});

describe('the lifecycle over three scans: Terraform', () => {
  const changes: HotfixChange[] = [
    {
      kind: 'aws_db_instance',
      name: 'aws_db_instance.main',
      paths: ['/instance_class'],
    },
  ];
  const small = { instance_class: 'db.t3.small', password: CANARY };
  const large = { instance_class: 'db.r6g.large', password: CANARY };
  const plan = (actions: string[], before: unknown, after: unknown) => ({
    track: 'imperative' as const,
    desired: [],
    live: {
      terraformPlan: {
        resource_changes: [
          {
            address: 'aws_db_instance.main',
            type: 'aws_db_instance',
            change: { actions, before, after },
          },
        ],
      } as TerraformPlan,
    },
  });

  it('resized by hand → plan would undo it → config updated → backported', () => {
    const { timeline } = story(changes, [
      plan(['update'], large, small),
      plan(['update'], large, small),
      plan(['no-op'], large, large),
    ]);
    expect(timeline).toEqual([['drift-observed'], [], ['backported']]);
  });

  it('resized by hand → someone applied the old config → reverted', () => {
    const { hotfix, timeline } = story(changes, [
      plan(['update'], large, small),
      plan(['no-op'], small, small),
    ]);
    expect(timeline).toEqual([['drift-observed'], ['reverted']]);
    expect(JSON.stringify(hotfix)).not.toContain(CANARY);
  });
});
