/**
 * What the web host and its HTTP client agree on besides the contract: the request header that
 * carries the per-launch session token (`POST /api/<method>`).
 */
export const TOKEN_HEADER = 'x-pm-token';
