import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Put a new stateless service on the declarative track (A), its manifests in the deploy/ folder of its own repository',
    example: yaml.stringify({
      steps: [
        {
          id: 'fetch',
          action: 'fetch:template',
          name: 'Fetch skeleton',
          input: { url: './skeleton', values: { name: 'payments' } },
        },
        {
          id: 'annotate',
          action: 'pragmatic-gitops:annotate',
          name: 'Annotate for Pragmatic GitOps',
          input: {
            track: 'declarative',
            sourceLocation:
              'url:https://github.com/acme/payments/tree/main/deploy',
          },
        },
      ],
    }),
  },
  {
    description:
      'Mark a PostgreSQL cluster run by an operator (track B, given by its alias) and ignore the replica count the operator scales',
    example: yaml.stringify({
      steps: [
        {
          id: 'annotate',
          action: 'pragmatic-gitops:annotate',
          name: 'Annotate the database resource',
          input: {
            track: 'B',
            sourceLocation:
              'url:https://github.com/acme/gitops/tree/main/databases/payments-db',
            ignoreDifferences: [
              'Cluster:/spec/instances',
              'StatefulSet:/spec/replicas',
            ],
            filePath: 'databases/payments-db/catalog-info.yaml',
          },
        },
      ],
    }),
  },
  {
    description:
      'Put a Terraform-managed service on the imperative track (C) and record the Vault secrets it reads',
    example: yaml.stringify({
      steps: [
        {
          id: 'annotate',
          action: 'pragmatic-gitops:annotate',
          name: 'Annotate the Terraform service',
          input: {
            track: 'imperative',
            sourceLocation: 'dir:./terraform',
            secretRefs: [
              'vault:kv/billing/stripe#api-key',
              'vault/prod:kv/billing/db#password',
            ],
          },
        },
      ],
    }),
  },
];
