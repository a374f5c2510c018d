// @vitest-environment jsdom
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import express from 'express';
import { createConsumer } from '@rails/actioncable';
import { afterAll, describe, expect, it } from 'vitest';

import { builtClient } from './client-assets.js';
import { indexHtmlHandler } from './index-html.js';

const dir = mkdtempSync(join(tmpdir(), 'index-html-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head></html>');
const app = express();
app.get('/', indexHtmlHandler(builtClient(dir)));
const http = app.listen(0, '127.0.0.1');
await new Promise((resolve) => http.once('listening', resolve));
afterAll(() => {
  http.close();
  rmSync(dir, { recursive: true });
});

describe('the page', () => {
  it("names the cable's URL as GitLab's layout does, where @rails/actioncable looks for it", async () => {
    const { port } = http.address() as AddressInfo;
    const html = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    const page = new DOMParser().parseFromString(html, 'text/html');
    document.head.replaceChildren(...page.head.children);
    // Created without a URL, as GitLab's consumer is, the stock consumer reads the meta tag
    // (without it, it would open /cable).
    expect(createConsumer().url).toBe(`ws://${location.host}/-/cable`);
  });
});
