import { strict as assert } from 'node:assert';
import { EventIndex } from '../../../../src/core/index/eventIndex';
import { summaryMarkdown } from '../../../../src/core/output/summaryMarkdown';
import { generateRecords } from '../../../fixtures/generator/records';
import { portalJson } from '../../../fixtures/generator/writers';
import { readText } from '../../helpers';
import { logDataOf, storeOf } from '../../treeFixtures';
import { HOSTILE, outsideCode } from './markdownChecks';

describe('summaryMarkdown', () => {
  const log = readText(portalJson(generateRecords({ seed: 5, count: 400, perCycle: 20 })), 'ProvisioningLogs.json');
  const index = new EventIndex(log.store);

  it('reports counts, success rate, top codes with meanings, and per job the action × status tables', () => {
    const md = summaryMarkdown(log, index, 'ProvisioningLogs.json');
    assert.match(md, /^# Provisioning log summary: ProvisioningLogs\.json/);
    assert.match(md, /- Events: 400, from /);
    assert.match(md, /Success rate: \*\*\d+\.\d%\*\*/);
    assert.match(md, /## Top error codes\n\n\| Code \| Events \| Last seen \| Meaning \| First thing to do \| Retried \|/);
    assert.equal((md.match(/^### /gm) ?? []).length, index.jobs.length);
    assert.equal((md.match(/^Latest cycle `/gm) ?? []).length, index.jobs.length);
    assert.match(md, /\| Action \| Success \| Failure \| Skipped \| Warning \| Total \|/);
    const failures = index.jobs.reduce((n, j) => n + j.counts.failure, 0);
    assert.match(md, new RegExp(`\\| Failure \\| ${failures} \\|`));
  });

  it('lists problems and escapes hostile file and job names', () => {
    const store = storeOf([{ app: HOSTILE, status: 'failure', code: HOSTILE }]);
    const data = { ...logDataOf(store), problems: [{ severity: 'error' as const, message: HOSTILE, line: 3, column: 9 }] };
    const md = summaryMarkdown(data, new EventIndex(store), HOSTILE);
    assert.ok(!outsideCode(md).includes('<script>'));
    assert.ok(!/\]\(command:/.test(outsideCode(md)));
    assert.match(md, /## Problems reading the file\n\n- error: .*\(line 3, column 9\)/);
  });
});
