/** The parts of a request auth may add to. Auth is applied last, after hooks, so hooks never see secrets. */
export interface AuthTarget {
  headers: Record<string, string>;
  query: URLSearchParams;
}

export interface AuthProvider {
  readonly kind: 'none' | 'api-key' | 'bearer' | 'basic' | 'oauth2' | 'custom';
  /** Adds credentials to an outgoing request (may refresh a token first). */
  apply(target: AuthTarget, signal?: AbortSignal): Promise<void>;
  /** Called once on a 401: return true if credentials were renewed and the request should be repeated. */
  onUnauthorized?(signal?: AbortSignal): Promise<boolean>;
  /** Current secret values, so they are redacted everywhere. */
  secrets(): string[];
  /** Header and query names this provider writes secrets into. */
  readonly secretHeaders?: readonly string[];
  readonly secretParams?: readonly string[];
}

export const noAuth: AuthProvider = {
  kind: 'none',
  apply: async () => undefined,
  secrets: () => [],
};
