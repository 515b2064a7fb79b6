import { strict as assert } from 'node:assert';
import { deviceCodeToken, DeviceCodeError, type DeviceCodePrompt } from '../../../../../src/core/sources/http/deviceCode';
import { CancelledError } from '../../../../../src/core/sources/http/clock';
import { LoginEmulator } from '../../../../emulators/login';
import { SteppingClock } from '../graph/graphTestSupport';

const SCOPES = ['https://graph.microsoft.com/AuditLog.Read.All', 'https://graph.microsoft.com/Directory.Read.All'];

describe('device-code sign-in', () => {
  it('shows the code, polls at the interval it is given (slower when told), and returns the token', async () => {
    const login = await LoginEmulator.start({ afterPolls: 3, outcome: 'token', token: 'device-code-access-token-1234' });
    try {
      const clock = new SteppingClock(0);
      const prompts: DeviceCodePrompt[] = [];
      const token = await deviceCodeToken({ loginUrl: login.url, tenant: 'contoso.onmicrosoft.com', clientId: 'app-id', scopes: SCOPES, fetch, clock, onPrompt: (p) => prompts.push(p) });
      assert.equal(token.reveal(), 'device-code-access-token-1234');
      assert.equal(String(token), '[redacted]');
      assert.deepEqual(prompts.map((p) => [p.userCode, p.verificationUri]), [['ABCD-EFGH', 'https://microsoft.com/devicelogin']]);
      assert.deepEqual(clock.sleeps, [5000, 5000, 10_000, 10_000], 'slow_down adds 5 s to the interval');
      assert.equal(login.forms[0]!.get('scope'), SCOPES.join(' '));
      assert.equal(login.forms[1]!.get('grant_type'), 'urn:ietf:params:oauth:grant-type:device_code');
    } finally {
      await login.close();
    }
  });

  it('says so when the person declines, the code expires, or the app is missing', async () => {
    for (const [outcome, expected] of [['declined', CancelledError], ['expired', /expired before it was used/]] as const) {
      const login = await LoginEmulator.start({ afterPolls: 1, outcome, token: '' });
      try {
        await assert.rejects(deviceCodeToken({ loginUrl: login.url, tenant: '', clientId: 'app-id', scopes: SCOPES, fetch, clock: new SteppingClock(0), onPrompt: () => undefined }), expected);
      } finally {
        await login.close();
      }
    }
    const login = await LoginEmulator.start({ afterPolls: 1, outcome: 'token', token: 'x' });
    try {
      await assert.rejects(deviceCodeToken({ loginUrl: login.url, tenant: '', clientId: '', scopes: SCOPES, fetch, clock: new SteppingClock(0), onPrompt: () => undefined }), (e: Error) => e instanceof DeviceCodeError && /AADSTS900144/.test(e.message));
    } finally {
      await login.close();
    }
  });
});
