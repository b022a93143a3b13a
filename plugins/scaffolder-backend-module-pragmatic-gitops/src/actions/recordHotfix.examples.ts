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
      'Record a hotfix from the form of a template, then open the back-port pull request whose description carries the Backport-Of trailer',
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
          action: 'publish:github:pull-request',
          name: 'Open the back-port pull request',
          if: '${{ parameters.openBackportPr }}',
          input: {
            repoUrl: '${{ parameters.repoUrl }}',
            branchName: "backport/${{ steps['record'].output.id }}",
            title:
              "Back-port ${{ steps['record'].output.id }}: ${{ parameters.title }}",
            description:
              "Brings Git in line with the hotfix.\n\n${{ steps['record'].output.backportTrailer }}\n",
          },
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
