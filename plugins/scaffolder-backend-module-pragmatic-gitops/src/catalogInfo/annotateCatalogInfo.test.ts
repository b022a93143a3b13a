import { annotateCatalogInfo } from './annotateCatalogInfo';

const ANNOTATIONS = {
  'pragmatic-gitops.io/track': 'operator',
  'pragmatic-gitops.io/ignore-differences': '/spec/replicas\n/status',
};

describe('annotateCatalogInfo', () => {
  it('adds an annotations map when there is none or it is empty', () => {
    for (const annotations of ['', '\n  annotations:', '\n  annotations: {}']) {
      const text = `apiVersion: backstage.io/v1alpha1\nkind: System\nmetadata:\n  name: payments${annotations}\n`;

      expect(annotateCatalogInfo(text, ANNOTATIONS, 'file').content).toBe(
        `apiVersion: backstage.io/v1alpha1
kind: System
metadata:
  name: payments
  annotations:
    pragmatic-gitops.io/track: operator
    pragmatic-gitops.io/ignore-differences: |-
      /spec/replicas
      /status
`,
      );
    }
  });

  it('turns flow-style metadata into block style', () => {
    const { content } = annotateCatalogInfo(
      '{ apiVersion: backstage.io/v1alpha1, kind: Resource, metadata: { name: db, labels: { tier: data } } }\n',
      ANNOTATIONS,
      'file',
    );

    expect(content).toBe(`apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: db
  labels: { tier: data }
  annotations:
    pragmatic-gitops.io/track: operator
    pragmatic-gitops.io/ignore-differences: |-
      /spec/replicas
      /status
`);
  });

  it('updates existing values in place, keeping their comments', () => {
    const { content } = annotateCatalogInfo(
      `apiVersion: backstage.io/v1beta1
kind: Component
metadata:
  name: web
  annotations:
    pragmatic-gitops.io/track: A # chosen by the platform team
    pragmatic-gitops.io/ignore-differences: /spec/replicas
`,
      ANNOTATIONS,
      'file',
    );

    expect(content).toContain(
      'pragmatic-gitops.io/track: operator # chosen by the platform team',
    );
    expect(content).toContain(
      'pragmatic-gitops.io/ignore-differences: |-\n      /spec/replicas\n      /status\n',
    );
  });

  it('does not fold long lines', () => {
    const description = 'word '.repeat(40).trim();
    const text = `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: web\n  description: ${description}\n`;

    expect(annotateCatalogInfo(text, ANNOTATIONS, 'file').content).toContain(
      `  description: ${description}\n`,
    );
  });
});
