import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { SecretRef } from '@pragmatic-gitops/plugin-pragmatic-gitops-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { AwsSecretsManagerResolver } from './AwsSecretsManagerResolver';

const ACCOUNT = '123456789012';
const ARN = `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:payments/db-AbCdEf`;
const SECRET_VALUE = 'value-canary-7f3a';

const config = new ConfigReader({
  aws: {
    mainAccount: {
      accessKeyId: 'AKIAEXAMPLEEXAMPLE00',
      secretAccessKey: 'secret-access-key-canary',
    },
  },
  pragmaticGitops: { awsSecretsManager: { regions: ['eu-west-1'] } },
});

function ref(key: string, extra: Partial<SecretRef> = {}): SecretRef {
  return {
    store: { kind: 'aws-secrets-manager' },
    key,
    via: 'annotation',
    usedBy: [],
    resolution: { status: 'unchecked' },
    ...extra,
  };
}

describe('AwsSecretsManagerResolver', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const targets: string[] = [];
  const hosts: string[] = [];

  beforeEach(() => {
    targets.length = 0;
    hosts.length = 0;
    server.use(
      // The AWS integration asks STS which account the main credentials are
      // for, to choose credentials for the account an ARN names.
      http.post(/^https:\/\/sts\.([a-z0-9-]+\.)?amazonaws\.com\/$/, () =>
        HttpResponse.xml(
          `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${ACCOUNT}:user/backstage</Arn><UserId>AIDAEXAMPLE</UserId><Account>${ACCOUNT}</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`,
        ),
      ),
      http.post(
        /secretsmanager\.[a-z0-9-]+\.amazonaws\.com/,
        async ({ request }) => {
          const target = request.headers.get('x-amz-target') ?? '';
          targets.push(target);
          hosts.push(new URL(request.url).host);
          const body = (await request.json()) as { SecretId?: string };
          if (target !== 'secretsmanager.DescribeSecret') {
            // Never reached: the resolver has no other call. If it were,
            // the value would show up in the result and fail the test.
            return HttpResponse.json({ SecretString: SECRET_VALUE });
          }
          if (body.SecretId === 'missing/one') {
            return HttpResponse.json(
              {
                __type: 'ResourceNotFoundException',
                message: "Secrets Manager can't find the specified secret.",
              },
              {
                status: 400,
                headers: { 'x-amzn-errortype': 'ResourceNotFoundException' },
              },
            );
          }
          if (body.SecretId === 'locked/one') {
            return HttpResponse.json(
              { __type: 'AccessDeniedException', message: 'denied' },
              {
                status: 400,
                headers: { 'x-amzn-errortype': 'AccessDeniedException' },
              },
            );
          }
          return HttpResponse.json({
            ARN,
            Name: body.SecretId,
            LastChangedDate: 1764000000,
            VersionIdsToStages: {
              'v-current-1111': ['AWSCURRENT'],
              'v-previous-0000': ['AWSPREVIOUS'],
            },
          });
        },
      ),
    );
  });

  const resolver = () =>
    AwsSecretsManagerResolver.fromConfig(config, {
      logger: mockServices.logger.mock(),
    });

  it('reads the metadata with DescribeSecret only: exists, current version, last change', async () => {
    const [byArn, byName] = await resolver().resolveAll([
      ref(ARN),
      ref('payments/api-key'),
    ]);
    expect(byArn.resolution).toEqual({
      status: 'exists',
      version: 'v-current-1111',
      updatedAt: new Date(1764000000 * 1000).toISOString(),
    });
    expect(byName.resolution.status).toBe('exists');
    expect(targets).toEqual([
      'secretsmanager.DescribeSecret',
      'secretsmanager.DescribeSecret',
    ]);
    expect(targets).not.toContain('secretsmanager.GetSecretValue');
    expect(hosts).toEqual([
      'secretsmanager.eu-west-1.amazonaws.com',
      'secretsmanager.eu-west-1.amazonaws.com',
    ]);
    expect(JSON.stringify([byArn, byName])).not.toContain(SECRET_VALUE);
  });

  it('reports a missing secret, a pinned version that does not exist, and a denied call', async () => {
    const [missing, pinned, denied] = await resolver().resolveAll([
      ref('missing/one'),
      ref('payments/db', { version: 'v-gone-9999' }),
      ref('locked/one'),
    ]);
    expect(missing.resolution).toMatchObject({ status: 'missing' });
    expect(pinned.resolution).toMatchObject({
      status: 'missing',
      reason: 'version v-gone-9999 does not exist in AWS Secrets Manager',
    });
    expect(denied.resolution).toMatchObject({
      status: 'error',
      reason: expect.stringContaining('grant secretsmanager:DescribeSecret'),
    });
    expect(new Set(targets)).toEqual(
      new Set(['secretsmanager.DescribeSecret']),
    );
  });

  it('asks once per secret, leaves other stores alone, and never calls a region that is not configured', async () => {
    const vault: SecretRef = {
      ...ref('kv/payments'),
      store: { kind: 'vault' },
    };
    const otherRegion = ARN.replace('eu-west-1', 'us-east-1');
    const result = await resolver().resolveAll([
      ref(ARN),
      ref(ARN, { property: 'password' }),
      vault,
      ref(otherRegion),
    ]);
    expect(targets).toHaveLength(1);
    expect(result[2]).toBe(vault);
    expect(result[3].resolution).toEqual({
      status: 'unchecked',
      reason:
        'region us-east-1 is not one of pragmaticGitops.awsSecretsManager.regions',
    });
  });

  it('without configuration calls nothing and says how to configure it', async () => {
    const [result] = await AwsSecretsManagerResolver.fromConfig(
      new ConfigReader({}),
    ).resolveAll([ref(ARN)]);
    expect(result.resolution).toEqual({
      status: 'unchecked',
      reason:
        'AWS Secrets Manager is not configured (pragmaticGitops.awsSecretsManager.regions)',
    });
    expect(targets).toEqual([]);
  });
});
