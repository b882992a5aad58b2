import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadExampleOperations, type ExampleOperation } from '../gateway/src/explorer.js';
import { postGraphQL, startTestHub, type TestHub } from './support/hub.js';

/**
 * The explorer as a person uses it: Debian's Chromium, headless, loads GraphiQL from a test hub,
 * runs example operations and shows their results — while every request the page (and its
 * workers) makes is recorded and must go to the hub's own origin.
 */
const CHROMIUM = '/usr/bin/chromium';

/**
 * The browser is a system package, not an npm one: .ci/run installs it, and so does npm's `pretest`
 * (scripts/ensure-test-browser.mjs) on a fresh machine when run as root. Without it the test fails
 * with what to do — it never passes without a browser.
 */
function ensureChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`explorer browser test needs Debian's Chromium at ${CHROMIUM}: run 'apt-get install -y chromium' as root`);
  }
}

let hub: TestHub;
let origin: string;
let examples: ExampleOperation[];
let userDataDir: string;
let context: BrowserContext;
let page: Page;
const requested: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  ensureChromium();
  examples = await loadExampleOperations();
  hub = await startTestHub();
  origin = new URL(hub.gatewayUrl).origin;
  userDataDir = await mkdtemp(join(tmpdir(), 'hub-explorer-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Every request of every page and worker of the context is recorded; anything that is not for
  // the hub is also stopped, so a regression cannot reach the internet even while it fails here.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    requested.push(url);
    if (new URL(url).origin === origin) await route.continue();
    else await route.abort('blockedbyclient');
  });
  context.on('request', (request) => requested.push(request.url()));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
}, 600_000);

afterAll(async () => {
  await context?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  await hub?.stop();
});

/** Polls `read` until it satisfies `done`, then returns the value (or the last value after the time limit). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** The text of the response panel (Monaco renders the visible lines as DOM text). */
async function responseText(): Promise<string> {
  return (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' ');
}

describe('the explorer in headless Chromium', () => {
  it('opens GraphiQL with one tab per example operation', async () => {
    const response = await page.goto(origin + '/', { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
    const tabs = page.locator('.graphiql-tab');
    expect(
      await until(
        () => tabs.count(),
        (count) => count === examples.length,
      ),
    ).toBe(examples.length);
    // Tab titles come from the operation names once GraphiQL has parsed each tab's document.
    const titles = await until(
      () => tabs.allInnerTexts(),
      (texts) => texts.every((text) => !/untitled/i.test(text)),
    );
    for (const example of examples) {
      const operationName = /^\s*(?:query|mutation)\s+(\w+)/m.exec(example.document)?.[1];
      expect(titles.join(' ')).toContain(operationName);
    }
  });

  it('runs the community dashboard and shows its data in the result panel', async () => {
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText('"totalCount": 67').waitFor({ timeout: 60_000 });
    const text = await responseText();
    expect(text).toContain('"communities"');
    expect(text).not.toContain('"errors"');
  });

  it('opens an example from the Examples sidebar in a new tab and runs it', async () => {
    const partyChain = examples.find((example) => example.name === '04-party-chain')!;
    const expected = await postGraphQL(hub.gatewayUrl, partyChain.document);
    expect(expected.errors).toBeUndefined();
    const microGrid = expected.data!.microGrid as { name: string; partyGroup: { name: string } };

    const tabsBefore = await page.locator('.graphiql-tab').count();
    await page.getByRole('button', { name: /Show 示例 Examples/ }).click();
    await page.locator(`button.hub-example[data-example="${partyChain.name}"]`).click();
    expect(
      await until(
        () => page.locator('.graphiql-tab').count(),
        (count) => count === tabsBefore + 1,
      ),
    ).toBe(tabsBefore + 1);
    expect(
      await until(
        () => page.locator('.graphiql-tab-active').innerText(),
        (text) => text.includes('PartyChain'),
      ),
    ).toContain('PartyChain');

    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response').getByText(`"name": "${microGrid.name}"`).first().waitFor({ timeout: 30_000 });
    const text = await responseText();
    expect(text).toContain('"microGrid"');
    expect(text).toContain(microGrid.partyGroup.name);
  });

  it('made every request to the hub itself: no CDN, no other host', async () => {
    const hubRequests = requested.filter((url) => url.startsWith(origin + '/'));
    // Sanity: the recording works (page, bundle, workers, introspection and the runs above).
    expect(hubRequests.some((url) => url.endsWith('/explorer/explorer.js'))).toBe(true);
    expect(hubRequests.some((url) => url.endsWith('.worker.js'))).toBe(true);
    expect(hubRequests.filter((url) => url.endsWith('/graphql')).length).toBeGreaterThanOrEqual(3);
    // data: and blob: URLs never leave the browser; everything else must be the hub's origin.
    const elsewhere = [...new Set(requested.filter((url) => !url.startsWith(origin + '/') && !/^(data|blob):/.test(url)))];
    expect(elsewhere).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
