// GET /healthz: the process is up and answering. No dependency is checked (that is /readyz).
import type { RequestHandler } from 'express';
import type { HealthResponse } from '../../contracts.ts';

export function getHealthz(): RequestHandler {
  return (_req, res) => {
    const body: HealthResponse = { status: 'ok' };
    res.status(200).json(body);
  };
}
