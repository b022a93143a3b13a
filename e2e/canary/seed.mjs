// Canary secret values for the browser check of e2e/suites/canary.mjs, fed
// to the demo backend the way real secrets reach it: a Secret, a
// secret-named ConfigMap key and a CronJob env literal in the desired state
// (a file written into checkout-web's source for the length of the suite),
// the live Secrets, env literals and last-applied copies an agent pushes, and
// the sensitive values of a pushed Terraform plan. Every run has its own.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const RUN = randomBytes(4).toString('hex');
const canary = place => `canary-e2e-${place}-${RUN}`;
export const b64 = value => Buffer.from(value, 'utf8').toString('base64');

/** One canary per place a secret value can be. */
export const CANARY = {
  desiredData: canary('desired-data'),
  desiredStringData: canary('desired-string-data'),
  desiredConfigMap: canary('desired-configmap'),
  desiredEnv: canary('desired-env'),
  liveData: canary('live-data'),
  liveStringData: canary('live-string-data'),
  liveConfigMap: canary('live-configmap'),
  liveEnv: canary('live-env'),
  liveWebhook: canary('live-webhook'),
  lastApplied: canary('last-applied'),
  tfBefore: canary('tf-sensitive-before'),
  tfAfter: canary('tf-sensitive-after'),
  tfDrift: canary('tf-sensitive-drift'),
  tfNamedBefore: canary('tf-named-before'),
  tfNamedAfter: canary('tf-named-after'),
};

/** The demo's own secret values (examples/), plain and base64. */
function demoSecrets() {
  const values = new Set([
    'demo-not-a-real-password',
    'demo-not-a-real-session-secret',
  ]);
  const collect = doc => {
    if (doc?.kind !== 'Secret') return;
    for (const v of Object.values(doc.data ?? {})) {
      const plain = Buffer.from(String(v), 'base64').toString('utf8');
      // Public certificates are not secrets (Strimzi lists its CA in status).
      if (
        plain.includes('demo-not-a-real') &&
        !plain.startsWith('-----BEGIN')
      ) {
        values.add(String(v));
        values.add(plain);
      }
    }
    for (const v of Object.values(doc.stringData ?? {})) values.add(String(v));
  };
  const walk = dir =>
    readdirSync(dir, { withFileTypes: true }).flatMap(e =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
    );
  for (const file of walk('examples')) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.json')) {
      for (const o of JSON.parse(text).objects ?? []) collect(o);
    } else if (/\.ya?ml$/.test(file) && !file.includes('.sops.')) {
      for (const doc of parseAllDocuments(text)) collect(doc.toJS());
    }
  }
  return [...values];
}

/** Every string that must never reach the page: canaries in both forms, the demo's secrets. */
export const NEEDLES = [
  ...Object.values(CANARY),
  ...Object.values(CANARY).map(b64),
  ...demoSecrets(),
];

const NAMESPACE = 'checkout';
const DESIRED_FILE =
  'examples/gitops-repo/apps/checkout-web/e2e-canary.tmp.yaml';

const cronJob = password => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'checkout-web-canary-rotate', namespace: NAMESPACE },
  spec: {
    schedule: '0 3 * * *',
    jobTemplate: {
      spec: {
        template: {
          spec: {
            restartPolicy: 'Never',
            containers: [
              {
                name: 'rotate',
                image: 'registry.example.com/tools/rotate:1.0.0',
                env: [{ name: 'DB_PASSWORD', value: password }],
              },
            ],
          },
        },
      },
    },
  },
});

/** Writes the desired-state canaries into checkout-web's source. */
export function writeDesiredCanaries() {
  const docs = [
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'checkout-web-canary' },
      type: 'Opaque',
      data: { token: b64(CANARY.desiredData) },
      stringData: { 'api-key': CANARY.desiredStringData },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'checkout-web-canary-env' },
      data: { PAYMENT_API_TOKEN: CANARY.desiredConfigMap, REGION: 'eu-1' },
    },
    cronJob(CANARY.desiredEnv),
  ];
  writeFileSync(
    DESIRED_FILE,
    docs.map(doc => JSON.stringify(doc, null, 2)).join('\n---\n'),
  );
}

export function removeDesiredCanaries() {
  rmSync(DESIRED_FILE, { force: true });
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** checkout-web's demo observation with the live canaries in it. */
export function checkoutWebObservation() {
  const body = JSON.parse(
    readFileSync('examples/observations/checkout-web.json', 'utf8'),
  );
  const stripe = body.objects.find(
    o => o.kind === 'Secret' && o.metadata.name === 'checkout-web-stripe',
  );
  stripe.data['webhook-secret'] = b64(CANARY.liveWebhook);
  const deployment = body.objects.find(
    o => o.kind === 'Deployment' && o.metadata.name === 'checkout-web',
  );
  const web = deployment.spec.template.spec.containers[0];
  web.image = 'registry.example.com/storefront/checkout-web:3.8.1-canary';
  web.env = [
    ...(web.env ?? []),
    { name: 'STRIPE_API_TOKEN', value: CANARY.liveEnv },
  ];
  body.objects.push(
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'checkout-web-canary',
        namespace: NAMESPACE,
        annotations: {
          [LAST_APPLIED]: JSON.stringify({
            apiVersion: 'v1',
            kind: 'Secret',
            metadata: { name: 'checkout-web-canary', namespace: NAMESPACE },
            data: { token: b64(CANARY.lastApplied) },
          }),
        },
      },
      type: 'Opaque',
      data: { token: b64(CANARY.liveData) },
      stringData: { 'api-key': CANARY.liveStringData },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'checkout-web-canary-env', namespace: NAMESPACE },
      data: { PAYMENT_API_TOKEN: CANARY.liveConfigMap, REGION: 'eu-1' },
    },
    cronJob(CANARY.liveEnv),
  );
  return body;
}

/**
 * edge-cdn's demo plan with canaries as its sensitive values: the origin
 * header changes (sensitive before and after), Terraform saw it changed
 * outside (resource_drift), and a secret-named attribute Terraform did not
 * mark changes too.
 */
export function edgeCdnObservation() {
  const text = readFileSync('examples/observations/edge-cdn.json', 'utf8');
  const body = JSON.parse(
    text.replaceAll('demo-not-a-real-password', CANARY.tfBefore),
  );
  const plan = body.terraformPlan;
  const header = rules => rules[0].action_parameters.headers['X-Origin-Auth'];
  const origin = plan.resource_changes.find(
    c => c.address === 'cloudflare_ruleset.origin_auth',
  );
  origin.change.actions = ['update'];
  header(origin.change.after.rules).value = CANARY.tfAfter;
  const drift = structuredClone(origin);
  header(drift.change.before.rules).value = CANARY.tfDrift;
  header(drift.change.after.rules).value = CANARY.tfBefore;
  plan.resource_drift = [...(plan.resource_drift ?? []), drift];
  const cache = plan.resource_changes.find(
    c => c.address === 'cloudflare_ruleset.cache',
  );
  cache.change.before.origin_api_token = CANARY.tfNamedBefore;
  cache.change.after.origin_api_token = CANARY.tfNamedAfter;
  return body;
}
