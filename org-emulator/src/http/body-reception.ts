// Salesforce processes a request once its front door has the whole of it, whether or not the client is still
// there to read the answer: a write whose client died commits all the same. So the emulator reads every /services
// request's body as soon as it arrives, before the added latency, holds and processing: once the body is in, the
// request no longer needs its connection. A request whose body is cut off (the client leaves mid-body) never was a
// whole request: it is dropped — not processed, not counted, not logged.
//
// Parsing stays with the routes (raw bytes for the REST API, a form for OAuth): `fromReceivedBody` runs their
// body-parser middleware over the bytes received, with the same limits, inflation and errors as over the socket.
import { Readable } from 'node:stream';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** The largest body kept; beyond it the rest is read and discarded, and the request answers 413. */
export const MAX_RECEIVED_BODY_BYTES = 50 * 1024 * 1024;

interface ReceivedBody {
  chunks: Buffer[];
  tooLarge: boolean;
}

const received = new WeakMap<Request, ReceivedBody>();

/**
 * Reads the whole body, then calls `next`. When the client leaves before the body is complete, calls `cutOff`
 * instead and the request goes no further.
 */
export function receiveBody(cutOff: (req: Request, res: Response) => void): RequestHandler {
  return (req, res, next) => {
    if (!hasBody(req)) return next();
    const body: ReceivedBody = { chunks: [], tooLarge: false };
    let bytes = 0;
    let settled = false;
    const settle = (complete: boolean): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      if (complete) {
        received.set(req, body);
        next();
      } else {
        cutOff(req, res);
      }
    };
    const onData = (chunk: Buffer): void => {
      bytes += chunk.length;
      if (bytes > MAX_RECEIVED_BODY_BYTES) {
        body.tooLarge = true;
        body.chunks = [];
      } else if (!body.tooLarge) {
        body.chunks.push(chunk);
      }
    };
    req.on('data', onData);
    // 'end' comes only once Node has read the whole body off the connection.
    req.once('end', () => settle(true));
    req.once('aborted', () => settle(false));
    req.once('close', () => settle(false));
    // A broken connection also surfaces as an error on the request (ECONNRESET): the same as leaving.
    req.once('error', () => settle(false));
  };
}

/** Runs a body-parser middleware over the body `receiveBody` read; requests without one go to it as they are. */
export function fromReceivedBody(parser: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const body = received.get(req);
    if (!body) return parser(req, res, next);
    if (body.tooLarge) {
      return next(Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413 }));
    }
    // body-parser reads headers and a stream: a replay of the bytes with the request's headers is all it needs.
    const replay = Object.assign(Readable.from(body.chunks, { objectMode: false }), {
      headers: req.headers,
      body: undefined as unknown
    });
    parser(replay as unknown as Request, res, (error?: unknown) => {
      req.body = replay.body;
      next(error);
    });
  };
}

/** As body-parser decides it: a request has a body when it says how long it is or that it comes in chunks. */
function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;
}
