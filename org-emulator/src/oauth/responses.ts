// OAuth endpoint answers as Salesforce sends them: JSON `{error, error_description}` with 400 from the token and
// revoke endpoints, plain-text `Bad_OAuth_Token` 403s from the identity services, and an HTML page when the
// authorize request can't safely be redirected back to the client.
import type { Response } from 'express';

export const JSON_TYPE = 'application/json;charset=UTF-8';

export function sendOAuthError(res: Response, error: string, description: string, status = 400): void {
  res
    .status(status)
    .set('Content-Type', JSON_TYPE)
    .set('Cache-Control', 'no-cache,must-revalidate,max-age=0,no-store,private');
  res.send(Buffer.from(JSON.stringify({ error, error_description: description })));
}

export function sendJson(res: Response, body: unknown, status = 200): void {
  res
    .status(status)
    .set('Content-Type', JSON_TYPE)
    .set('Cache-Control', 'no-cache,must-revalidate,max-age=0,no-store,private');
  res.send(Buffer.from(JSON.stringify(body)));
}

/** The identity services answer a missing or bad token with 403 and one word of plain text. */
export function sendIdentityRefusal(
  res: Response,
  word: 'Bad_OAuth_Token' | 'Missing_OAuth_Token' | 'Bad_Id',
  status = 403
): void {
  res.status(status).set('Content-Type', 'text/plain;charset=UTF-8').send(Buffer.from(word));
}

export function sendAuthorizeErrorPage(res: Response, error: string, description: string): void {
  const page =
    '<!DOCTYPE html><html><head><title>OAuth Error</title></head><body>' +
    '<h1>OAuth Error</h1><p>We can&#39;t authorize you because of an OAuth error.</p>' +
    `<p>error=${escapeHtml(error)}&amp;error_description=${escapeHtml(description)}</p></body></html>`;
  res.status(400).set('Content-Type', 'text/html;charset=UTF-8').send(Buffer.from(page));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
