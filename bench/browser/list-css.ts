// The list's stylesheets as the element adopts them (tokens, base, list, badge and tag rules), for the
// floor and the React table. The runner extracts the text from the sources at build time and defines
// it here, so neither contender bundles Lit.
declare const __BENCH_LIST_CSS__: string;

let sheets: CSSStyleSheet[] | undefined;

export function listStyleSheets(): CSSStyleSheet[] {
  if (!sheets) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(__BENCH_LIST_CSS__);
    sheets = [sheet];
  }
  return sheets;
}
