// POST bodies are read raw (the webhook signature covers the exact bytes), bounded to 1 MB, then parsed here.
import express from 'express';
import type { RequestHandler } from 'express';
import { ApiError } from '../errors.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

export function requireJsonContentType(): RequestHandler {
  return (req, _res, next) => {
    if (!req.is('application/json')) {
      throw new ApiError('unsupported_media_type', 'the request body must be JSON with Content-Type: application/json');
    }
    next();
  };
}

export function rawBody(): RequestHandler {
  return express.raw({ type: () => true, limit: MAX_BODY_BYTES });
}

export function parseJsonBody(): RequestHandler {
  return (req, _res, next) => {
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    if (raw.trim() === '') throw new ApiError('malformed_json', 'the request body is empty; send a JSON object');
    try {
      req.body = JSON.parse(raw) as unknown;
    } catch {
      throw new ApiError('malformed_json', 'the request body is not valid JSON');
    }
    next();
  };
}
