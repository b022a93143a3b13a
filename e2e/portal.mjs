// The end-to-end harness: starts the portal the README's way (`yarn start`),
// signs in as guest in Debian's Chromium and shares that page with the suites
// under e2e/suites (each suite is one file, imported by portal.e2e.mjs).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const APP = 'http://localhost:3000';
export const BACKEND = 'http://localhost:7007';
const STARTUP_TIMEOUT_MS = 6 * 60_000;
// The portal's own output goes to a file, shown when something fails.
const PORTAL_LOG = 'e2e/portal.log';
// A static token for this run only, so the tests can push observations the
// way an agent does (service credentials).
export const AGENT_TOKEN = randomBytes(24).toString('hex');

let portal;
let browser;
/** The signed-in browser page, shared by every suite. */
export let page;

export async function waitFor(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`${url} did not answer within ${STARTUP_TIMEOUT_MS / 1000}s`);
}

export async function guestToken() {
  const res = await fetch(`${BACKEND}/api/auth/guest/refresh?env=development`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  return (await res.json()).backstageIdentity.token;
}

/**
 * Pushes an observation as an agent does, observed now; returns the answer
 * (the recomputed status) and its text.
 */
export async function pushObservation(body) {
  const res = await fetch(`${BACKEND}/api/pragmatic-gitops/observations`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${AGENT_TOKEN}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ ...body, observedAt: new Date().toISOString() }),
  });
  const text = await res.text();
  if (res.status !== 202) {
    throw new Error(`push for ${body.entityRef}: ${res.status} ${text}`);
  }
  return { status: JSON.parse(text), text };
}

export async function signInAsGuest() {
  await page.goto(APP);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByText('Pragmatic GitOps demo Catalog').waitFor();
}

before(async () => {
  const log = openSync(PORTAL_LOG, 'w');
  portal = spawn('yarn', ['start'], {
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      BROWSER: 'none',
      APP_CONFIG_backend_auth_externalAccess: JSON.stringify([
        {
          type: 'static',
          options: { token: AGENT_TOKEN, subject: 'e2e-agent' },
        },
      ]),
    },
  });
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  try {
    await waitFor(`${BACKEND}/api/pragmatic-gitops/health`, deadline);
    await waitFor(APP, deadline);
  } catch (error) {
    console.error(
      readFileSync(PORTAL_LOG, 'utf8').split('\n').slice(-60).join('\n'),
    );
    throw error;
  }
  mkdirSync('docs/screenshots', { recursive: true });

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
    ],
  });
  // A page of its own context: @axe-core/playwright (e2e/suites/a11y.mjs)
  // opens its frames through the page's context.
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1100 },
  });
  page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await signInAsGuest();
});

after(async () => {
  await browser?.close();
  if (portal?.pid) {
    try {
      process.kill(-portal.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});
