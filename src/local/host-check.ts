/**
 * DNS rebinding guard: a web page on evil.example can make the browser resolve its own name to 127.0.0.1 and then
 * call the local workspace with the public default token ("local"), reading every record or calling reset. Such a
 * request still carries the page's name in Host, so everything the server answers (provider APIs, control plane,
 * viewer) requires Host to be 127.0.0.1, localhost or [::1], with or without a port.
 */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLocalHost(hostHeader: string | undefined): boolean {
  const host = (hostHeader ?? '').trim().toLowerCase().replace(/:\d+$/, '');
  return LOCAL_HOSTS.has(host);
}
