import type uPlot from 'uplot';

/** uPlot's constructor (with its static `paths`). */
export type UplotLibrary = typeof uPlot;

let pending: Promise<UplotLibrary> | undefined;

/**
 * uPlot, fetched on first use and shared by every chart: a page that imports the whole library but shows
 * no chart never downloads or parses its 50 kB. A failed load is forgotten, so a retry fetches again.
 */
export function loadUplot(): Promise<UplotLibrary> {
  pending ??= import('uplot').then(
    (module) => module.default,
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}
