/**
 * The one boundary every transport calls: look the method up, validate the input with its schema,
 * run the handler, and turn every failure into a structured `ApiResponse`. Nothing thrown by a
 * handler escapes as a crash.
 */
import { describeIssues } from '../model/productFile';
import { ApiError, apiMethods, isApiMethod, type ApiResponse, type WorkspaceApi } from './contract';

export async function dispatchApiCall(api: WorkspaceApi, method: unknown, input: unknown): Promise<ApiResponse> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'unknown-method', message: `There is no method ${JSON.stringify(String(method)).slice(0, 80)}.` } };
  }
  const parsed = apiMethods[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'bad-request', message: `Invalid input for ${method}: ${describeIssues(parsed.error)}` } };
  }
  try {
    const handler = api[method] as (input: unknown) => Promise<unknown>;
    const result = await handler(parsed.data);
    return { ok: true, result };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message } };
  }
}

/** Unwrap a response on the client side: the result, or a thrown `ApiError`. */
export function unwrapResponse<T>(response: unknown): T {
  if (typeof response === 'object' && response !== null && 'ok' in response) {
    const r = response as ApiResponse;
    if (r.ok) return r.result as T;
    throw new ApiError(r.error.code, r.error.message);
  }
  throw new ApiError('internal', 'The service sent an answer that is not an API response.');
}
