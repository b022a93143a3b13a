import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Record that on-call scaled the payments Deployment by hand during an incident',
    example: yaml.stringify({
      steps: [
        {
          id: 'record',
          action: 'pragmatic-gitops:hotfix:record',
          name: 'Record the hotfix',
          input: {
            entityRef: 'component:default/payments',
            title: 'Scale payments to 6 replicas during the checkout outage',
            incidentUrl: 'https://status.acme.example/incidents/1234',
            changes: [
              {
                kind: 'Deployment',
                namespace: 'payments',
                name: 'payments',
                paths: ['/spec/replicas'],
              },
            ],
          },
        },
      ],
    }),
  },
  {
    description:
      'Record a hotfix from the form of a template, then generate its back-port (a pull request carrying the Backport-Of trailer, or a patch)',
    example: yaml.stringify({
      steps: [
        {
          id: 'record',
          action: 'pragmatic-gitops:hotfix:record',
          name: 'Record the hotfix',
          input: {
            entityRef: '${{ parameters.entity }}',
            title: '${{ parameters.title }}',
            description: '${{ parameters.description }}',
            incidentUrl: '${{ parameters.incidentUrl }}',
            changes: '${{ parameters.changes }}',
          },
        },
        {
          id: 'backport',
          action: 'pragmatic-gitops:hotfix:backport',
          name: 'Generate the back-port',
          if: '${{ parameters.openBackportPr }}',
          input: { hotfixId: "${{ steps['record'].output.id }}" },
        },
      ],
    }),
  },
  {
    description:
      'Record a change to an operator-managed PostgreSQL cluster applied an hour ago, touching two fields',
    example: yaml.stringify({
      steps: [
        {
          id: 'record',
          action: 'pragmatic-gitops:hotfix:record',
          name: 'Record the hotfix',
          input: {
            entityRef: 'resource:billing/payments-db',
            title: 'Raise max_connections and memory of payments-db',
            description:
              'Connection pool exhaustion after the 10:00 deploy; raised by hand with kubectl edit.',
            appliedAt: '2026-11-26T09:15:00Z',
            changes: [
              {
                kind: 'Cluster',
                namespace: 'billing',
                name: 'payments-db',
                paths: [
                  '/spec/postgresql/parameters/max_connections',
                  '/spec/resources/limits/memory',
                ],
              },
            ],
          },
        },
      ],
    }),
  },
];
