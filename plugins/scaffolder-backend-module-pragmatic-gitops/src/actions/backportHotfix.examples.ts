import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Generate the back-port of a hotfix recorded earlier: a pull request for a GitHub or GitLab source, a patch for a local one',
    example: yaml.stringify({
      steps: [
        {
          id: 'backport',
          action: 'pragmatic-gitops:hotfix:backport',
          name: 'Back-port the hotfix',
          input: { hotfixId: 'HF-42' },
        },
      ],
    }),
  },
  {
    description:
      'After the step `record` (pragmatic-gitops:hotfix:record), open the back-port pull request of the hotfix it recorded and link to it',
    example: yaml.stringify({
      steps: [
        {
          id: 'backport',
          action: 'pragmatic-gitops:hotfix:backport',
          name: 'Open the back-port pull request',
          input: { hotfixId: "${{ steps['record'].output.id }}" },
        },
      ],
      output: {
        links: [
          {
            title: 'Back-port pull request',
            url: "${{ steps['backport'].output.pullRequestUrl }}",
          },
        ],
      },
    }),
  },
];
