// The export formats and the CSV trio's names, shared by the CLI and the extension.
import * as assert from 'node:assert/strict';
import { CSV_TRIO_FILES, csvTrioPaths, DEFAULT_CSV_OUTPUT, EXPORT_FORMAT_INFO, EXPORT_FORMATS, exportFormatOf } from '../../../../src/core/output/exportFormats';
import { findCsvSiblings } from '../../../../src/core/read/csv/csvSiblings';

describe('export formats and the CSV trio names', () => {
  it('names the trio so that the reader finds the siblings again', () => {
    // Any name the user gives, dated or not, and from whichever of the three files is opened.
    const others = ['ProvisioningLogs_ProvisioningSteps.csv', 'ProvisioningLogs_2026-03-01.csv', 'notes.csv'];
    for (const main of [DEFAULT_CSV_OUTPUT, 'dir/ProvisioningLogs', 'ProvisioningLogs-2026-03-02.csv', 'dir/cycle 42 failures.csv', 'Workday_ProvisioningLogs.CSV']) {
      const paths = csvTrioPaths(main);
      assert.ok(paths.main.endsWith('.csv'));
      const names = CSV_TRIO_FILES.map((f) => paths[f].replace(/^.*\//, ''));
      const trio = { main: names[0], steps: names[1], modified: names[2] };
      const folder = main === DEFAULT_CSV_OUTPUT || main === 'dir/ProvisioningLogs' ? names : [...others, ...names];
      for (const name of names) assert.deepEqual(findCsvSiblings(name!, folder), trio, `${name} in ${folder.join(', ')}`);
    }
    assert.deepEqual(csvTrioPaths('out/X.CSV'), { main: 'out/X.csv', steps: 'out/X_ProvisioningSteps.csv', modified: 'out/X_ModifiedProperties.csv' });
  });

  it('describes every format once and recognises only those', () => {
    for (const f of EXPORT_FORMATS) {
      assert.equal(EXPORT_FORMAT_INFO[f].format, f);
      assert.match(EXPORT_FORMAT_INFO[f].extension, /^[a-z]+$/);
      assert.equal(exportFormatOf(f), f);
    }
    assert.equal(exportFormatOf('xlsx'), undefined);
    assert.equal(exportFormatOf({ format: 'csv' }), undefined);
  });
});
