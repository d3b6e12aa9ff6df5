// Pure helpers of the options page (no extension API): host validation and permission patterns.

export type HostProblem = 'invalid' | 'duplicate';

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_RE = new RegExp(`^(?:\\*\\.)?${LABEL}(?:\\.${LABEL})*$`);

/** What the user typed, as stored: trimmed, lower case, without a trailing dot. */
export const normalizeHost = (raw: string) => raw.trim().toLowerCase().replace(/\.$/, '');

/** A host like "www.example.org" or "*.example.org": host name characters only. */
export const isValidHost = (host: string) => host.length > 0 && host.length <= 253 && HOST_RE.test(host);

/** Why a (normalized) host cannot be added, or null when it can. */
export function hostProblem(host: string, existing: readonly string[]): HostProblem | null {
  if (!isValidHost(host)) return 'invalid';
  if (existing.includes(host)) return 'duplicate';
  return null;
}

/** The match pattern whose permission the host needs. */
export const originPattern = (host: string) => `*://${host}/*`;
