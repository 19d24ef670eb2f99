/**
 * The one boundary every transport calls: look the method up, validate the input with its schema,
 * run the handler, and turn every failure into a structured `ApiResponse`. Nothing thrown by a
 * handler (or by validating hostile input) escapes as a crash or a rejected promise.
 */
import { exceedsJsonDepth } from '../model/jsonDepth';
import { describeIssues, MAX_FILE_DEPTH } from '../model/productFile';
import { ApiError, ApiErrorSchema, apiMethods, isApiMethod, type ApiHandlers, type ApiMethod, type ApiParsedInput, type ApiResponse } from './contract';

/**
 * The deepest input any method needs (a product, or edits inside a batch carrying a spec
 * document), with room to spare. Deeper input is refused before the recursive schemas see it.
 */
export const MAX_INPUT_DEPTH = MAX_FILE_DEPTH + 10;

function describeMethod(method: unknown): string {
  try {
    return JSON.stringify(typeof method === 'string' ? method : String(method)).slice(0, 80);
  } catch {
    return 'that is not a name';
  }
}

function messageOf(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'Unknown error';
  }
}

/** The input of `method` checked as `dispatchApiCall` checks it: parsed, or the failure to answer. */
export function checkApiInput<M extends ApiMethod>(method: M, input: unknown): { ok: true; input: ApiParsedInput<M> } | { ok: false; response: ApiResponse } {
  if (exceedsJsonDepth(input, MAX_INPUT_DEPTH)) {
    return { ok: false, response: { ok: false, error: { code: 'bad-request', message: `Invalid input for ${method}: nested deeper than ${MAX_INPUT_DEPTH} levels.` } } };
  }
  const parsed = apiMethods[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    return { ok: false, response: { ok: false, error: { code: 'bad-request', message: `Invalid input for ${method}: ${describeIssues(parsed.error)}` } } };
  }
  return { ok: true, input: parsed.data as ApiParsedInput<M> };
}

export async function dispatchApiCall(api: ApiHandlers, method: unknown, input: unknown): Promise<ApiResponse> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'unknown-method', message: `There is no method ${describeMethod(method)}.` } };
  }
  try {
    const checked = checkApiInput(method, input);
    if (!checked.ok) return checked.response;
    const handler = api[method] as (input: unknown) => Promise<unknown>;
    const result = await handler(checked.input);
    return { ok: true, result };
  } catch (error) {
    return failureResponse(error);
  }
}

/** What a handler threw, as a structured failure (an `ApiError` keeps its code). */
export function failureResponse(error: unknown): ApiResponse {
  if (error instanceof ApiError) return { ok: false, error: error.toBody() };
  return { ok: false, error: { code: 'internal', message: messageOf(error) } };
}

/** Unwrap a response on the client side: the result, or a thrown `ApiError` (also for garbage). */
export function unwrapResponse<T>(response: unknown): T {
  if (typeof response === 'object' && response !== null && 'ok' in response) {
    if (response.ok === true) return ('result' in response ? response.result : undefined) as T;
    if (response.ok === false && 'error' in response) {
      const error = ApiErrorSchema.safeParse(response.error);
      if (error.success) throw new ApiError(error.data.code, error.data.message);
    }
  }
  throw new ApiError('internal', 'The service sent an answer that is not an API response.');
}
