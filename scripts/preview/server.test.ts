import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPreviewServer } from './server.ts';
import type { PreviewServer } from './server.ts';

describe('startPreviewServer', () => {
  let dir: string;
  let server: PreviewServer;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'switchboard-preview-server-'));
    mkdirSync(path.join(dir, 'assets', 'styles'), { recursive: true });
    writeFileSync(path.join(dir, 'assets', 'styles', 'slds.css'), 'body{}');
    writeFileSync(path.join(dir, 'secret.txt'), 'not served');
    writeFileSync(path.join(dir, 'page.html'), '<p>hi</p>');
    server = await startPreviewServer(
      { '/index.html': path.join(dir, 'page.html') },
      { '/assets/': path.join(dir, 'assets') }
    );
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves a mapped file and files under a mapped folder, with their content type', async () => {
    const page = await fetch(`${server.url}/index.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toBe('<p>hi</p>');

    const css = await fetch(`${server.url}/assets/styles/slds.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toBe('body{}');
  });

  it('answers 404 for anything else, including paths that climb out of a folder', async () => {
    for (const pathname of ['/nothing.js', '/assets/styles', '/assets/%2e%2e/secret.txt', '/assets/..%2fsecret.txt']) {
      expect([pathname, (await fetch(`${server.url}${pathname}`)).status]).toEqual([pathname, 404]);
    }
  });

  it('answers 405 to anything but GET', async () => {
    expect((await fetch(`${server.url}/index.html`, { method: 'POST' })).status).toBe(405);
  });
});
