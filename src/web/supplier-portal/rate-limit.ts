/**
 * Per-link rate limit, in memory per instance: a leaked link cannot be used to flood Airtable or Drive. Pages and
 * posts count separately (a factory opens many pages, posts a few forms).
 */
export interface RateLimit {
  perMinute: number;
}

export class LinkRateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limits: { pages: number; posts: number } = { pages: 120, posts: 20 },
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** True when the request may proceed (and counts it). */
  allow(linkTag: string, kind: 'pages' | 'posts'): boolean {
    const now = this.clock();
    const key = `${kind}:${linkTag}`;
    const recent = (this.hits.get(key) ?? []).filter((at) => now - at < 60_000);
    if (recent.length >= this.limits[kind]) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.hits.clear(); // bounded memory; a reset only forgives
    return true;
  }
}
