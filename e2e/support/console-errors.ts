import type { Page } from '@playwright/test';

/**
 * Console errors, uncaught page errors and Apollo warnings of every page a test opens. The
 * `consoleErrors` fixture asserts at teardown that none was unexpected.
 */
export class ConsoleErrors {
  private readonly seen: string[] = [];
  private readonly allowed: RegExp[] = [];

  track(page: Page): void {
    page.on('console', (message) => {
      const type = message.type();
      if (type === 'error' || (type === 'warning' && /apollo/i.test(message.text()))) {
        this.seen.push(`${type}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => this.seen.push(`pageerror: ${error.message}`));
  }

  /** Expected errors, e.g. the 401 a wrong password logs; say why at the call site. */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  unexpected(): string[] {
    return this.seen.filter((error) => !this.allowed.some((pattern) => pattern.test(error)));
  }
}
