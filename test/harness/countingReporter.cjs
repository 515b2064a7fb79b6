// Mocha reporter: the spec reporter's output, plus the run's counts written as JSON to the file named
// by PROVLOG_COUNTS_FILE, so test/run.mjs can add up every tier into one closing line.
'use strict';
const Mocha = require('mocha');
const { writeFileSync } = require('node:fs');

const { EVENT_RUN_END } = Mocha.Runner.constants;

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const file = process.env.PROVLOG_COUNTS_FILE;
      if (!file) return;
      const s = runner.stats ?? {};
      writeFileSync(file, JSON.stringify({ passed: s.passes ?? 0, failed: s.failures ?? 0, pending: s.pending ?? 0 }));
    });
  }
}

module.exports = CountingReporter;
