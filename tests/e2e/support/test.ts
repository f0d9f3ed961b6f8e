import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

// Every end-to-end test fails on any uncaught page error and any console error, in every page
// it opens: the `page` fixture, other pages of its context, and pages of contexts it creates
// itself with `browser.newContext()` or `browser.newPage()`. A panic anywhere in a flow is a red
// test, not a line in a log. A test declares the errors it expects (failed fetches while
// offline, the CSP probe's blocked image, ...) with `allowErrors(...)`, or a file or describe
// block with `test.use({ allowedErrors: [...] })`. Specs import `test` and `expect` from here.

/** Text to match: a substring, or a regular expression. */
export type TextPattern = string | RegExp;

/**
 * An expected error: a pattern its text must match, or an object whose `message` its text and
 * whose `url` the address it names (the failed resource, or the page) must match.
 */
export type ErrorPattern = TextPattern | { message?: TextPattern; url?: TextPattern };

/** One error seen in a page: a console error or an uncaught exception. */
export interface SeenError {
  kind: 'console' | 'pageerror';
  text: string;
  /** The address of the page, and for console messages the script position, when known. */
  where: string;
}

function matchesText(pattern: TextPattern, text: string): boolean {
  return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
}

function matches(pattern: ErrorPattern, error: SeenError): boolean {
  if (typeof pattern === 'string' || pattern instanceof RegExp) return matchesText(pattern, error.text);
  return (pattern.message === undefined || matchesText(pattern.message, error.text)) && (pattern.url === undefined || matchesText(pattern.url, error.where));
}

/** Collects the errors of every page it watches; fails the test at its end with the unexpected ones. */
export class ErrorGuard {
  readonly seen: SeenError[] = [];
  private readonly allowed: ErrorPattern[] = [];
  private readonly pages = new WeakSet<Page>();
  private readonly contexts = new WeakSet<BrowserContext>();

  constructor(allowed: ErrorPattern[] = []) {
    this.allowed.push(...allowed);
  }

  /** Declares errors this test expects; any other error still fails it. */
  allow(...patterns: ErrorPattern[]) {
    this.allowed.push(...patterns);
  }

  /** Watches a page: its uncaught exceptions and its console errors. */
  watchPage(page: Page) {
    if (this.pages.has(page)) return;
    this.pages.add(page);
    page.on('pageerror', (error) => {
      // The stack names the Rust panic's JS frames; the message is what tells it apart.
      this.seen.push({ kind: 'pageerror', text: `${error.name}: ${error.message}`, where: page.url() });
    });
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location();
      this.seen.push({ kind: 'console', text: message.text(), where: url ? `${url}:${lineNumber}` : page.url() });
    });
  }

  /** Watches every page a context has and will open. */
  watchContext(context: BrowserContext) {
    if (this.contexts.has(context)) return;
    this.contexts.add(context);
    context.pages().forEach((page) => this.watchPage(page));
    context.on('page', (page) => this.watchPage(page));
  }

  /** The errors no declared pattern covers. */
  unexpected(): SeenError[] {
    return this.seen.filter((e) => !this.allowed.some((p) => matches(p, e)));
  }

  /** Fails (throws) with every unexpected error, one per line. */
  check() {
    const unexpected = this.unexpected();
    if (unexpected.length === 0) return;
    const lines = unexpected.map((e, i) => `  ${i + 1}. [${e.kind}] ${e.text}\n     at ${e.where}`);
    throw new Error(
      `${unexpected.length} unexpected error${unexpected.length === 1 ? '' : 's'} in the page during this test ` +
        `(declare expected ones with allowErrors(...)):\n${lines.join('\n')}`,
    );
  }
}

let current: ErrorGuard | undefined;

/** The guard of the running test (one test runs at a time in a worker). */
export function errorGuard(): ErrorGuard {
  if (!current) throw new Error('errorGuard() is only available inside a test');
  return current;
}

/** Declares errors the running test expects, e.g. `allowErrors(/net::ERR_INTERNET_DISCONNECTED/)`. */
export function allowErrors(...patterns: ErrorPattern[]) {
  errorGuard().allow(...patterns);
}

/** Attaches the running test's guard to a context made some other way (a persistent one, say). */
export function watchContext(context: BrowserContext): BrowserContext {
  errorGuard().watchContext(context);
  return context;
}

type GuardOptions = {
  /** Errors every test of a file or describe block expects (`test.use({ allowedErrors })`). */
  allowedErrors: ErrorPattern[];
};

type GuardFixtures = {
  /** The running test's guard; auto, so every test has one whether it asks for it or not. */
  errors: ErrorGuard;
};

export const test = base.extend<GuardOptions & GuardFixtures>({
  allowedErrors: [[], { option: true }],
  errors: [
    async ({ context, browser, allowedErrors }, use, testInfo) => {
      const guard = new ErrorGuard(allowedErrors);
      current = guard;
      guard.watchContext(context);
      // Contexts the test creates itself are watched too: `browser.newPage()` goes through
      // `newContext` as well. The patch lives only while this test runs.
      const own = browser as Browser & { newContext: Browser['newContext'] };
      const original = Object.getPrototypeOf(browser).newContext as Browser['newContext'];
      own.newContext = async function (this: Browser, ...args: Parameters<Browser['newContext']>) {
        const created = await original.apply(this, args);
        guard.watchContext(created);
        return created;
      };
      try {
        await use(guard);
      } finally {
        delete (own as Partial<typeof own>).newContext;
        current = undefined;
      }
      if (guard.seen.length > 0) {
        await testInfo.attach('page errors', {
          body: guard.seen.map((e) => `[${e.kind}] ${e.text}\n  at ${e.where}`).join('\n'),
          contentType: 'text/plain',
        });
      }
      guard.check();
    },
    { auto: true },
  ],
});

export { expect };
export type { Browser, BrowserContext, Locator, Page, ElementHandle } from '@playwright/test';
