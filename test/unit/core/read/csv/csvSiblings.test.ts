import { strict as assert } from 'node:assert';
import { findCsvSiblings } from '../../../../../src/core/read/csv/csvSiblings';

describe('findCsvSiblings', () => {
  const plain = ['ProvisioningLogs.csv', 'ProvisioningLogs_ProvisioningSteps.csv', 'ProvisioningLogs_ModifiedProperties.csv', 'notes.txt'];
  const trio = { main: 'ProvisioningLogs.csv', steps: 'ProvisioningLogs_ProvisioningSteps.csv', modified: 'ProvisioningLogs_ModifiedProperties.csv' };

  it('finds the trio from any one of its files', () => {
    for (const name of [trio.main, trio.steps, trio.modified]) assert.deepEqual(findCsvSiblings(name, plain), trio);
  });

  it('matches the suffix after the role part', () => {
    const names = [
      'ProvisioningLogs_2026-03-01.csv',
      'ProvisioningLogs_ProvisioningSteps_2026-03-01.csv',
      'ProvisioningLogs_2026-03-02.csv',
      'ProvisioningLogs_ProvisioningSteps_2026-03-02.csv',
      'ProvisioningLogs_ModifiedProperties_2026-03-02.csv',
    ];
    assert.deepEqual(findCsvSiblings('ProvisioningLogs_2026-03-02.csv', names), {
      main: 'ProvisioningLogs_2026-03-02.csv',
      steps: 'ProvisioningLogs_ProvisioningSteps_2026-03-02.csv',
      modified: 'ProvisioningLogs_ModifiedProperties_2026-03-02.csv',
    });
    assert.deepEqual(findCsvSiblings('ProvisioningLogs_ProvisioningSteps_2026-03-01.csv', names), {
      main: 'ProvisioningLogs_2026-03-01.csv',
      steps: 'ProvisioningLogs_ProvisioningSteps_2026-03-01.csv',
    });
  });

  it("pairs a browser's repeated downloads by their (n) mark", () => {
    const names = [...plain, 'ProvisioningLogs (1).csv', 'ProvisioningLogs_ProvisioningSteps (1).csv', 'ProvisioningLogs_ModifiedProperties (1).csv'];
    assert.deepEqual(findCsvSiblings('ProvisioningLogs_ProvisioningSteps (1).csv', names), {
      main: 'ProvisioningLogs (1).csv',
      steps: 'ProvisioningLogs_ProvisioningSteps (1).csv',
      modified: 'ProvisioningLogs_ModifiedProperties (1).csv',
    });
    assert.deepEqual(findCsvSiblings('ProvisioningLogs.csv', names), trio);
  });

  it('ignores case, and takes the only candidate of a role when suffixes differ', () => {
    assert.deepEqual(findCsvSiblings('provisioninglogs.CSV', ['PROVISIONINGLOGS_PROVISIONINGSTEPS.csv']), {
      main: 'provisioninglogs.CSV',
      steps: 'PROVISIONINGLOGS_PROVISIONINGSTEPS.csv',
    });
    assert.deepEqual(findCsvSiblings('ProvisioningLogs_march.csv', ['ProvisioningLogs_ProvisioningSteps (2).csv', 'ProvisioningLogs_ModifiedProperties_old.csv']), {
      main: 'ProvisioningLogs_march.csv',
      steps: 'ProvisioningLogs_ProvisioningSteps (2).csv',
      modified: 'ProvisioningLogs_ModifiedProperties_old.csv',
    });
  });

  it('leaves a role out when several candidates fit equally', () => {
    const names = ['ProvisioningLogs_a.csv', 'ProvisioningLogs_ProvisioningSteps_b.csv', 'ProvisioningLogs_ProvisioningSteps_c.csv'];
    assert.deepEqual(findCsvSiblings('ProvisioningLogs_a.csv', names), { main: 'ProvisioningLogs_a.csv' });
  });

  it('finds nothing for a name outside the scheme', () => {
    assert.deepEqual(findCsvSiblings('export.csv', plain), {});
    assert.deepEqual(findCsvSiblings('ProvisioningLogs.json', plain), {});
  });
});
