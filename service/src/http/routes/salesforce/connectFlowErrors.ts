// The connect flow's refusals in the API's error shape.
import { ConnectFlowError } from '../../../salesforce/connectFlow.ts';
import { ApiError } from '../../errors.ts';

export function toApiError(error: unknown): unknown {
  if (!(error instanceof ConnectFlowError)) return error;
  const where = error.path === undefined ? [] : [{ path: error.path, message: error.message }];
  return new ApiError(error.code, error.message, { errors: where });
}

/** Runs the flow step, translating its expected refusals. */
export async function translated<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw toApiError(error);
  }
}
