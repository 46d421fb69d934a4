// GET /oauth/salesforce/callback?code&state (or ?error&error_description&state): where Salesforce sends the admin's
// browser back. The state must be one this service issued, unused and unexpired, and come from the browser that
// started the attempt (its binding cookie); the code is exchanged with the attempt's PKCE verifier. Success is a
// short page for the browser; refusals use the API's error shape.
import type { RequestHandler } from 'express';
import type { ConnectFlow } from '../../../salesforce/connectFlow.ts';
import { translated } from '../salesforce/connectFlowErrors.ts';
import type { BrowserBinding } from './browserBinding.ts';

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  return typeof value === 'string' ? value : undefined;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string
  );

export function getOauthCallback(deps: { connectFlow: ConnectFlow; binding: BrowserBinding }): RequestHandler {
  return async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const state = single(query, 'state');
    const fromStartingBrowser = deps.binding.isBound(req, state);
    // The attempt ends here whatever happens next (the state is single-use): the browser may forget it.
    if (fromStartingBrowser) deps.binding.clear(res);
    const connected = await translated(() =>
      deps.connectFlow.callback({
        code: single(query, 'code'),
        state,
        error: single(query, 'error'),
        errorDescription: single(query, 'error_description'),
        fromStartingBrowser
      })
    );
    res
      .status(200)
      .type('html')
      .send(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Switchboard connected</title></head>' +
          `<body><h1>Salesforce connected</h1><p>Org ${escapeHtml(connected.orgId)} is connected to Switchboard. ` +
          'You can close this window.</p></body></html>'
      );
  };
}
