// Counts every test of a web-test-runner run and writes the totals to a file, so that the wrapper
// (scripts/test.mjs) can print `N passed, N failed` as the very last line after the runner has exited.
// A Lit dev-mode warning logged by any test file counts as a failure (scripts/lit-warnings.mjs).
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { litWarningsOf } from './lit-warnings.mjs';

function countSuite(suite, totals) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, totals);
}

export function summaryFileReporter(outputPath) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, fileErrors: 0, litWarnings: 0 };
      for (const session of sessions) {
        countSuite(session.testResults, totals);
        // A file that fails to load or throws outside a test fails the run too.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.fileErrors += 1;
      }
      const warnings = litWarningsOf(sessions);
      for (const { file, message } of warnings) console.error(`Lit dev-mode warning in ${relative(process.cwd(), file)}: ${message}`);
      totals.litWarnings = warnings.length;
      writeFileSync(outputPath, JSON.stringify(totals));
    },
  };
}
