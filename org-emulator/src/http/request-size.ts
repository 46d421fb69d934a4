// Salesforce's front door refuses a request whose URI, or URI plus headers, exceeds 16,384 bytes — before any API
// logic runs — with Jetty's small HTML error page: 414 when the URI alone is too long, 431 when the headers push it
// over. (jsforce reports these as ERROR_HTTP_414 / ERROR_HTTP_431 with the page as the message.)
import type { NextFunction, Request, Response } from 'express';

export const MAX_URI_AND_HEADERS_BYTES = 16_384;

export function requestSizeGuard(req: Request, res: Response, next: NextFunction): void {
  const uriBytes = Buffer.byteLength(req.originalUrl, 'utf8');
  if (uriBytes > MAX_URI_AND_HEADERS_BYTES) return sendJettyError(res, 414, 'URI Too Long');
  let headerBytes = 0;
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2)
    headerBytes += Buffer.byteLength(raw[i]!) + Buffer.byteLength(raw[i + 1]!) + 4;
  if (uriBytes + headerBytes > MAX_URI_AND_HEADERS_BYTES)
    return sendJettyError(res, 431, 'Request Header Fields Too Large');
  next();
}

export function jettyErrorPage(status: number, reason: string): string {
  return `<h1>Bad Message ${status}</h1><pre>reason: ${reason}</pre>`;
}

function sendJettyError(res: Response, status: number, reason: string): void {
  res
    .status(status)
    .set('Content-Type', 'text/html;charset=iso-8859-1')
    .set('Connection', 'close')
    .send(Buffer.from(jettyErrorPage(status, reason)));
}
