/*
 * The demo portal's backend: Backstage's standard plugins plus the
 * Pragmatic GitOps suite.
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

// techdocs plugin
backend.add(import('@backstage/plugin-techdocs-backend'));

// auth plugin
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permission plugin, with the example Pragmatic GitOps policy (never allow-all)
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissionPolicy'));

// search plugin
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));
backend.add(
  import('@pragmatic-gitops/plugin-search-backend-module-pragmatic-gitops'),
);

// user settings plugin
backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications and signals plugins
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// MCP: actions of the plugins in backend.actions.pluginSources, as MCP tools
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Tech Insights (scorecards), with the Pragmatic GitOps facts
backend.add(import('@backstage-community/plugin-tech-insights-backend'));
backend.add(
  import(
    '@pragmatic-gitops/plugin-tech-insights-backend-module-pragmatic-gitops'
  ),
);

// Pragmatic GitOps
backend.add(import('@pragmatic-gitops/plugin-pragmatic-gitops-backend'));
backend.add(
  import('@pragmatic-gitops/plugin-catalog-backend-module-pragmatic-gitops'),
);
backend.add(
  import('@pragmatic-gitops/plugin-scaffolder-backend-module-pragmatic-gitops'),
);

backend.start();
