// Just enough of the WebExtension match-pattern grammar for our own patterns
// (https://host/path*, https://*.host/path*).
export function matchesPattern(url: string, pattern: string): boolean {
  const m = /^(https?):\/\/(\*\.)?([^/*]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, wildcard, host, path] = m;
  if (u.protocol !== `${scheme}:`) return false;
  const hostOk = wildcard ? u.hostname === host || u.hostname.endsWith(`.${host}`) : u.hostname === host;
  if (!hostOk) return false;
  const prefix = path!.endsWith('*') ? path!.slice(0, -1) : path!;
  return path!.endsWith('*') ? u.pathname.startsWith(prefix) : u.pathname === prefix;
}
