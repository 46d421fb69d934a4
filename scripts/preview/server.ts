// A static file server on 127.0.0.1 for the preview page: the page and its script, and the SLDS assets
// (stylesheet, fonts, images) straight from @salesforce-ux/design-system. Nothing is fetched from elsewhere.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2'
};

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `files` (URL path → file) and `directories` (URL prefix ending in "/" → folder).
 * A path that escapes its folder, or names nothing, gets a 404.
 */
export async function startPreviewServer(
  files: Record<string, string>,
  directories: Record<string, string>
): Promise<PreviewServer> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = resolveFile(pathname, files, directories);
    if (request.method !== 'GET' || file === undefined) {
      response.writeHead(request.method === 'GET' ? 404 : 405, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store'
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      })
  };
}

function resolveFile(
  pathname: string,
  files: Record<string, string>,
  directories: Record<string, string>
): string | undefined {
  const exact = files[pathname];
  if (exact !== undefined) return exact;
  for (const [prefix, folder] of Object.entries(directories)) {
    if (!pathname.startsWith(prefix)) continue;
    const base = path.resolve(folder);
    const candidate = path.resolve(base, `.${path.sep}${pathname.slice(prefix.length)}`);
    if (candidate.startsWith(base + path.sep) && existsSync(candidate) && statSync(candidate).isFile()) {
      return candidate;
    }
  }
  return undefined;
}
