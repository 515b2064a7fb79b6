import { strict as assert } from 'node:assert';
import { gunzipSync } from 'node:zlib';
import { portalQueryLink, workspaceIdProblem } from '../../../../../src/core/sources/kql/portalLink';

const RID = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg one/providers/Microsoft.OperationalInsights/workspaces/ws';

describe('Log Analytics portal link', () => {
  it('carries the query gzipped and base64-encoded, the workspace and the time range, as the portal writes them', async () => {
    const query = 'AADProvisioningLogs\n| where JobId contains "a/b+c=d é"';
    const link = await portalQueryLink({
      portal: 'https://portal.azure.com/',
      workspaceResourceId: RID,
      query,
      tenant: 'contoso.onmicrosoft.com',
      range: { since: Date.UTC(2024, 0, 1), until: Date.UTC(2024, 0, 2) },
    });
    const m = /^https:\/\/portal\.azure\.com\/#@contoso\.onmicrosoft\.com\/blade\/Microsoft_Azure_Monitoring_Logs\/LogsBlade\/resourceId\/([^/]+)\/source\/LogsBlade\.AnalyticsShareLinkToQuery\/q\/([^/]+)\/timespan\/([^/]+)$/.exec(link);
    assert.ok(m, link);
    assert.equal(decodeURIComponent(m[1]!), RID);
    const b64 = decodeURIComponent(m[2]!);
    assert.ok(b64.startsWith('H4sI'), 'gzip magic in base64');
    assert.equal(gunzipSync(Buffer.from(b64, 'base64')).toString('utf8'), query);
    assert.equal(decodeURIComponent(m[3]!), '2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z');
  });

  it('works without a tenant and with a duration', async () => {
    const link = await portalQueryLink({ portal: 'https://portal.azure.us', workspaceResourceId: RID, query: 'T', duration: 'P7D' });
    assert.match(link, /^https:\/\/portal\.azure\.us\/#blade\//);
    assert.match(link, /\/timespan\/P7D$/);
  });

  it('tells a workspace resource id from anything else', () => {
    assert.equal(workspaceIdProblem(RID.replace('rg one', 'rg')), undefined);
    assert.match(workspaceIdProblem('my-workspace') ?? '', /resource id/);
    assert.ok(workspaceIdProblem(`${RID}/../../x`) !== undefined);
  });
});
