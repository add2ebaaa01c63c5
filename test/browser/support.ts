/**
 * The browser tests' harness: the real service (its own fresh database with the demo data,
 * listening on a free port of 127.0.0.1, serving the built web app from dist/web, opened as
 * http://intranet.test:<port>) and a Chromium
 * driven through playwright-core: CHROMIUM_PATH, a system one, or the one an npm package carries
 * (test/browser/chromium.mjs chooses). Every page the harness opens may talk to the
 * service's origin only: any other request is blocked and recorded, and fails the test.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  chromium as playwright,
  type Browser,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { WEB_DIR } from '../../src/web/serve-web';
import { createTestApp, DEMO_PASSWORD, dropTestDatabase, openTestApp, type TestApp } from '../support/test-app';

export { DEMO_PASSWORD } from '../support/test-app';

/** Starting a service on a fresh database with the demo data, and a browser, on a busy machine. */
export const START_TIMEOUT_MS = 240_000;
/** Each step of a story: generous, since the machine running the tests may be shared. */
export const STEP_TIMEOUT_MS = 120_000;
/** How long a page may take to show what a step waits for. */
export const WAIT_MS = 45_000;

export const SCREENSHOT_DIR = resolve(__dirname, '..', '..', 'test-results', 'screenshots');

/**
 * The harness's own flags. Never the @sparticuz/chromium package's `args`: those are made for
 * serverless hosts and switch off web security (`--disable-web-security`, `--single-process`, …),
 * which these tests check. `--no-sandbox` lets Chromium run as root.
 */
/**
 * The host name the browser opens the app by: not localhost (which browsers treat as secure), as
 * a colleague opens a server on the county intranet over plain HTTP. Chromium resolves it to the
 * loopback address by itself, so no hosts file or DNS is needed.
 */
export const INTRANET_HOST = 'intranet.test';

const CHROMIUM_ARGS = [
  `--host-resolver-rules=MAP ${INTRANET_HOST} 127.0.0.1`,
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Desktop pages (managers, handlers, admins). */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };
/** An official's phone. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

interface FoundChromium {
  executablePath: string;
  source: string;
  /** Variables the browser starts with: FONTCONFIG_FILE (a CJK font for the screenshots), maybe LD_LIBRARY_PATH. */
  env: Record<string, string>;
}

/** Asks test/browser/chromium.mjs (an ES module, as @sparticuz/chromium is) which Chromium to drive. */
async function findChromium(): Promise<FoundChromium> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'chromium.mjs'), '--json'], {
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as FoundChromium;
}

export interface DemoUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  departmentId: string | null;
}

/** No bootstrap admin (the demo data loads only into a database without users), no warning scan. */
const SERVICE_ENV = { ADMIN_USERNAME: '', ADMIN_PASSWORD: '', DEMO_DATA: 'true', WARNING_SCAN_INTERVAL_SECONDS: '0' };

export class BrowserHarness {
  service!: TestApp;
  baseUrl!: string;
  browser!: Browser;
  /** Requests to any origin but the service's (or refused by the CSP), since the last check: blocked, and a failure. */
  readonly foreignRequests: string[] = [];
  /** Uncaught exceptions in any page, since the last check: a failure. */
  readonly pageErrors: string[] = [];
  private readonly sessions = new Map<string, Promise<{ accessToken: string; user: DemoUser }>>();
  /** The service's settings beyond SERVICE_ENV, kept across restarts. */
  private env: Record<string, string> = {};

  async start(): Promise<void> {
    const chromium = await findChromium();
    if (!existsSync(join(WEB_DIR, 'index.html'))) {
      throw new Error(`The web app is not built (no ${WEB_DIR}/index.html): run \`npm run build:web\` first.`);
    }
    // A copy of this run's demo template (test/support/test-app.ts): the demo data as start-up
    // loads it, without loading it again for every file.
    this.service = await createTestApp(SERVICE_ENV, 'demo');
    await this.service.app.listen(0, '127.0.0.1');
    const { port } = this.service.app.getHttpServer().address() as AddressInfo;
    // Plain HTTP on a non-localhost name: a policy that upgrades requests to HTTPS (or HSTS)
    // shows up as requests to https://intranet.test, which newPage records as foreign.
    this.baseUrl = `http://${INTRANET_HOST}:${port}`;
    this.browser = await playwright.launch({
      executablePath: chromium.executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      env: { ...process.env, ...chromium.env },
    });
  }

  /**
   * Stops the service and starts it again on the same database and port, as a deployment or a
   * crash does: what it kept in memory is gone, what it kept in PostgreSQL stays. Given another
   * test database (and its settings), the service starts on that one instead, at the same
   * address, and the one it leaves is dropped.
   */
  async restart(databaseUrl = this.service.databaseUrl, env: Record<string, string> = this.env): Promise<void> {
    this.env = env;
    const { port } = this.service.app.getHttpServer().address() as AddressInfo;
    const left = this.service.databaseUrl;
    await this.service.app.close();
    if (left !== databaseUrl) await dropTestDatabase(left);
    const reopened = await openTestApp(databaseUrl, { ...SERVICE_ENV, ...env });
    await reopened.app.listen(port, '127.0.0.1');
    this.service = {
      ...reopened,
      close: async () => {
        await reopened.close();
        await dropTestDatabase(databaseUrl);
      },
    };
  }

  async stop(): Promise<void> {
    // The browser first, so that no kept-alive connection holds the server open.
    await this.browser?.close();
    await this.service?.close();
  }

  /** A page in a context of its own (its own storage, so its own signed-in user); `page.goto('/x')` is the service's. */
  async newPage(options: BrowserContextOptions = DESKTOP): Promise<Page> {
    if (!this.browser) throw new Error('The service or the browser did not start: see the first error of this file');
    const context = await this.browser.newContext({
      baseURL: this.baseUrl,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      ...options,
    });
    context.setDefaultTimeout(WAIT_MS);
    const origin = new URL(this.baseUrl).origin;
    // Every request of every page in the context, whatever its kind (document, script, fetch,
    // image, font, …): the service's own origin passes, anything else is refused and recorded.
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      this.foreignRequests.push(`${route.request().method()} ${url}`);
      return route.abort('blockedbyclient');
    });
    await context.routeWebSocket(
      (url) => url.origin !== origin.replace(/^http/, 'ws'),
      (socket) => {
        this.foreignRequests.push(`WEBSOCKET ${socket.url()}`);
        return socket.close();
      },
    );
    const page = await context.newPage();
    page.on('pageerror', (error) => this.pageErrors.push(`${page.url()}: ${error.message}`));
    // The service's Content-Security-Policy stops most requests to other origins (fetch, images,
    // scripts) before they are made, so the route above never sees them: the refusal is reported.
    page.on('console', (message) => {
      // One message per refusal ("… violates the following Content Security Policy directive …").
      if (
        message.type() === 'error' &&
        /violates the following Content Security Policy directive/i.test(message.text())
      ) {
        this.foreignRequests.push(`refused by the page's Content-Security-Policy: ${message.text()}`);
      }
    });
    return page;
  }

  /** Fails the current test if a page tried to reach another origin or threw; then starts afresh. */
  expectCleanPages(): void {
    const foreign = this.foreignRequests.splice(0);
    const errors = this.pageErrors.splice(0);
    if (foreign.length) {
      throw new Error(`The app tried to reach origins other than ${this.baseUrl}:\n  ${foreign.join('\n  ')}`);
    }
    if (errors.length) throw new Error(`Uncaught errors in the page:\n  ${errors.join('\n  ')}`);
  }

  /** An `Authorization` header for a demo user, to arrange or check things through the API. */
  async auth(username: string): Promise<{ Authorization: string }> {
    return { Authorization: `Bearer ${(await this.session(username)).accessToken}` };
  }

  /** A demo user as the service describes it (id, role, department). */
  async user(username: string): Promise<DemoUser> {
    return (await this.session(username)).user;
  }

  /** One API sign-in per demo user and file (a sign-in costs a password hash). */
  private session(username: string): Promise<{ accessToken: string; user: DemoUser }> {
    let session = this.sessions.get(username);
    if (!session) {
      session = this.service
        .http()
        .post('/api/v1/auth/login')
        .send({ username, password: DEMO_PASSWORD })
        .expect(200)
        .then((res) => res.body as { accessToken: string; user: DemoUser });
      this.sessions.set(username, session);
    }
    return session;
  }
}

/**
 * Registers the harness's hooks in the calling spec file: service and browser started once for
 * the file, stopped after it, and after each test a check that no page reached another origin.
 */
export function useBrowserHarness(): BrowserHarness {
  const harness = new BrowserHarness();
  beforeAll(() => harness.start(), START_TIMEOUT_MS);
  afterEach(() => harness.expectCleanPages());
  afterAll(() => harness.stop(), START_TIMEOUT_MS);
  return harness;
}

/** Signs in through the login form (at `path`, default /) and waits for the signed-in frame. */
export async function login(page: Page, username: string, path = '/'): Promise<void> {
  await page.goto(path);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.locator('.user-name').waitFor();
}

let announced = false;

/** A full-page PNG in test-results/screenshots/<name>.png; the folder is printed once per run. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  if (!announced) {
    announced = true;
    // Once per jest run, not once per spec file: the first worker to create the marker says it.
    try {
      writeFileSync(join(tmpdir(), `outreach-browser-screenshots-${process.ppid}`), SCREENSHOT_DIR, { flag: 'wx' });
      console.log(`browser test screenshots: ${SCREENSHOT_DIR}`);
    } catch {
      // another spec file of this run has printed it
    }
  }
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** Today's quarter in the report time zone, as the dashboard names it (2026-Q4). */
export function currentQuarter(now = new Date()): string {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** A rate as the pages show it (web/src/components/charts/rateCharts.ts): 91.3%, or — for none. */
export const formatRate = (rate: number | null): string => (rate === null ? '—' : `${rate.toFixed(1)}%`);

/**
 * Waits until every finite animation or transition on the page has run to its end (a dialog
 * zooming in, a card fading in): a click or a contrast check in the middle of one can miss.
 * Evaluated as a string, like axe: the page's CSP refuses the polling waitForFunction uses.
 */
export async function animationsDone(page: Page): Promise<void> {
  await page.evaluate(
    `Promise.all(document.getAnimations()
      .filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity)
      .map((a) => a.finished.catch(() => undefined)))`,
  );
}

/**
 * Picks options of an antd Select with search (`select` is its `.ant-select` box): types each
 * label, waits for its option and confirms it with Enter, then waits for the box to show it
 * (a multiple one is closed with Escape). Typing filters the options, so no click lands on a
 * list still sliding open.
 */
export async function choose(page: Page, select: Locator, ...labels: string[]): Promise<void> {
  await select.click();
  for (const label of labels) {
    await page.keyboard.type(label);
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).first().waitFor();
    await page.keyboard.press('Enter');
    await select.filter({ hasText: label }).waitFor();
  }
  if (await select.evaluate((box) => box.classList.contains('ant-select-multiple')))
    await page.keyboard.press('Escape');
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
}

/** The `.ant-select` box (for `choose`) of the Select whose combobox is named `name`, inside `within`. */
export function selectBox(page: Page, name: string, within: Page | Locator = page): Locator {
  return within.locator('.ant-select').filter({ has: page.getByRole('combobox', { name }) });
}
