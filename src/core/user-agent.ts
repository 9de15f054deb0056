/**
 * What a support person wants from a session's user agent: browser and major version, operating
 * system, and the kind of device. A short ordered rule list, not a full parser: the first matching
 * rule wins, and anything unrecognized stays null rather than guessed.
 */

export type DeviceKind = 'desktop' | 'mobile' | 'tablet';

export interface UserAgentSummary {
  /** "Chrome 120", "Safari 17", "Firefox 121"… or null when unrecognized. */
  browser: string | null;
  /** "Windows", "macOS", "iOS", "Android", "ChromeOS", "Linux", or null. */
  os: string | null;
  device: DeviceKind | null;
}

// Order matters: Edge, Opera and Samsung Internet also say "Chrome", and Chrome also says "Safari".
const BROWSERS: readonly (readonly [name: string, pattern: RegExp])[] = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /\b(?:OPR|Opera)\/(\d+)/],
  ['Samsung Internet', /\bSamsungBrowser\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /\b(?:HeadlessChrome|Chrome|CriOS)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)[\d.]*(?: Mobile\/\S+)? Safari\//],
];

// iOS before macOS (an iPhone says "like Mac OS X"), Android before Linux, ChromeOS before Linux.
const SYSTEMS: readonly (readonly [name: string, pattern: RegExp])[] = [
  ['iOS', /\b(?:iPhone|iPad|iPod)\b/],
  ['Android', /\bAndroid\b/],
  ['ChromeOS', /\bCrOS\b/],
  ['Windows', /\bWindows\b/],
  ['macOS', /\bMac OS X\b|\bMacintosh\b/],
  ['Linux', /\bLinux\b/],
];

function firstMatch(
  userAgent: string,
  rules: readonly (readonly [string, RegExp])[],
): { name: string; version: string | undefined } | null {
  for (const [name, pattern] of rules) {
    const match = pattern.exec(userAgent);
    if (match) return { name, version: match[1] };
  }
  return null;
}

function deviceKind(userAgent: string, os: string | null): DeviceKind | null {
  if (/\biPad\b|\bTablet\b/.test(userAgent)) return 'tablet';
  // Android phones say "Mobile"; Android tablets do not.
  if (os === 'Android') return /\bMobile\b/.test(userAgent) ? 'mobile' : 'tablet';
  if (/\bMobi|\biPhone\b|\biPod\b/.test(userAgent)) return 'mobile';
  return os === null ? null : 'desktop';
}

/** Browser, system and device kind of a user agent string; null fields where no rule matches. */
export function summarizeUserAgent(userAgent: string | null | undefined): UserAgentSummary {
  if (typeof userAgent !== 'string' || userAgent.trim() === '') return { browser: null, os: null, device: null };
  const browser = firstMatch(userAgent, BROWSERS);
  const os = firstMatch(userAgent, SYSTEMS)?.name ?? null;
  return {
    browser: browser ? `${browser.name} ${browser.version}` : null,
    os,
    device: deviceKind(userAgent, os),
  };
}
