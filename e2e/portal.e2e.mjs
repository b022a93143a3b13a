// End-to-end test: starts the portal once (./portal.mjs) and runs every suite
// against it in Debian's Chromium, in this order.
import './portal.mjs';
import './suites/demo.mjs';
import './suites/dates.mjs';
import './suites/catalog.mjs';
import './suites/glance.mjs';
import './suites/terraform.mjs';
import './suites/backport.mjs';
import './suites/everywhere.mjs';
import './suites/a11y.mjs';
// Last: it changes checkout-web and edge-cdn for the rest of the run.
import './suites/canary.mjs';
