import type { LimitWindow } from '../metadata/connector-metadata.js';

/**
 * The declared windows as a referee: given the times of the requests already accepted, how long a request at
 * time `t` must wait (0 = it may go). One function serves both the kit's enforcement and the floor it measures
 * the connector against, so the two cannot disagree.
 */
export function waitUnder(windows: readonly LimitWindow[], accepted: readonly number[], t: number): number {
  let wait = 0;
  for (const w of windows) wait = Math.max(wait, waitInWindow(w, accepted, t));
  return wait;
}

function waitInWindow(w: LimitWindow, accepted: readonly number[], t: number): number {
  if (w.algorithm === 'fixed-window') {
    const start = Math.floor(t / w.intervalMs) * w.intervalMs;
    let used = 0;
    for (const a of accepted) if (a >= start && a <= t) used += 1;
    return used < w.limit ? 0 : start + w.intervalMs - t;
  }
  if (w.algorithm === 'token-bucket') {
    // Capacity `limit`, refilled at limit/interval: the n-th request (0-based) may go once n + 1 − limit tokens
    // have been refilled since the first one.
    const first = accepted[0];
    if (first === undefined || accepted.length < w.limit) return 0;
    const refilledAt = first + ((accepted.length + 1 - w.limit) * w.intervalMs) / w.limit;
    return Math.max(0, Math.ceil(refilledAt - t));
  }
  // Sliding window: at most `limit` in any interval.
  let inWindow = 0;
  for (const a of accepted) if (a > t - w.intervalMs) inWindow += 1;
  if (inWindow < w.limit) return 0;
  const oldestInWindow = accepted[accepted.length - w.limit];
  return oldestInWindow === undefined ? 0 : Math.max(1, oldestInWindow + w.intervalMs - t + 1);
}

/** The least time `n` requests take under the windows, starting full at time 0, each taking no time. */
export function floorMs(windows: readonly LimitWindow[], n: number): number {
  const accepted: number[] = [];
  let t = 0;
  for (let i = 0; i < n; i += 1) {
    for (let wait = waitUnder(windows, accepted, t); wait > 0; wait = waitUnder(windows, accepted, t)) t += wait;
    accepted.push(t);
  }
  return t;
}
