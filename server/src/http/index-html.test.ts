import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import express from 'express';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';

import { indexHtmlHandler } from './index-html.js';

const dir = mkdtempSync(join(tmpdir(), 'index-html-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head></html>');
const app = express();
app.get('/', indexHtmlHandler(dir));
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
    const { document } = new JSDOM(html).window;
    // The query @rails/actioncable's getConfig('url') makes when createConsumer() gets no URL.
    const meta = document.head.querySelector("meta[name='action-cable-url']");
    expect(meta?.getAttribute('content')).toBe('/-/cable');
  });
});
