// The requests the emulator has received and not answered yet, and how far each has got. Tests use it to act at an
// exact point of a request's life (kill a client while its write is held, say) instead of guessing with sleeps.

/**
 * Where a request is: its body still arriving, waiting out the added latency, stopped by a hold, or being processed
 * (from then on nothing can stop it: it runs to the end, answered or not).
 */
export type RequestStage = 'receiving' | 'delayed' | 'held' | 'processing';

export interface InFlightRequest {
  /** Also the id of the request's request-log entry once it is answered. */
  id: number;
  /** Epoch ms when the request arrived. */
  at: number;
  method: string;
  /** Path without the query string, as in the request log. */
  path: string;
  stage: RequestStage;
  /** The client's connection has closed: the request still runs to the end, but nobody will read its answer. */
  clientGone: boolean;
}

export class InFlightRequests {
  private nextId = 1;
  private readonly open = new Map<number, InFlightRequest>();

  /** A request has arrived (its head, at least). */
  begin(at: number, method: string, path: string): InFlightRequest {
    const request: InFlightRequest = { id: this.nextId++, at, method, path, stage: 'receiving', clientGone: false };
    this.open.set(request.id, request);
    return request;
  }

  /** The request was answered, or dropped (its body was cut off): it is no longer in flight. */
  end(id: number): void {
    this.open.delete(id);
  }

  list(): InFlightRequest[] {
    return [...this.open.values()].map((request) => ({ ...request }));
  }

  count(): number {
    return this.open.size;
  }
}
