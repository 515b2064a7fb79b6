/**
 * A local Microsoft Entra sign-in for the device-code flow (127.0.0.1 only; tests start and stop it):
 * /{tenant}/oauth2/v2.0/devicecode hands out a code, /token answers authorization_pending (then slow_down once)
 * until the test says the person entered the code, then the access token; or declines, or lets the code expire.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type LoginOutcome = 'token' | 'declined' | 'expired';

export class LoginEmulator {
  polls = 0;
  readonly forms: URLSearchParams[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly answer: { afterPolls: number; outcome: LoginOutcome; token: string },
  ) {}

  static async start(answer: { afterPolls: number; outcome: LoginOutcome; token: string }): Promise<LoginEmulator> {
    const holder: { emu?: LoginEmulator } = {};
    const server = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString('utf8')));
      req.on('end', () => holder.emu!.handle(req.url ?? '', new URLSearchParams(text), (status, body) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    holder.emu = new LoginEmulator(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, answer);
    return holder.emu;
  }

  private handle(path: string, form: URLSearchParams, reply: (status: number, body: unknown) => void): void {
    this.forms.push(form);
    if (/^\/[^/]+\/oauth2\/v2\.0\/devicecode$/.test(path)) {
      if (!form.get('client_id')) return reply(400, { error: 'invalid_request', error_description: 'AADSTS900144: The request body must contain the following parameter: client_id.' });
      return reply(200, { device_code: 'DEV-CODE-1', user_code: 'ABCD-EFGH', verification_uri: 'https://microsoft.com/devicelogin', expires_in: 900, interval: 5, message: 'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ABCD-EFGH to authenticate.' });
    }
    if (/^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path) && form.get('device_code') === 'DEV-CODE-1') {
      this.polls++;
      if (this.polls === 2) return reply(400, { error: 'slow_down' });
      if (this.polls <= this.answer.afterPolls) return reply(400, { error: 'authorization_pending', error_description: 'AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.' });
      if (this.answer.outcome === 'declined') return reply(400, { error: 'authorization_declined', error_description: 'AADSTS70000: The user declined.' });
      if (this.answer.outcome === 'expired') return reply(400, { error: 'expired_token', error_description: 'AADSTS70020: The provided value for the input parameter device_code is not valid.' });
      return reply(200, { token_type: 'Bearer', access_token: this.answer.token, expires_in: 3599, scope: form.get('scope') ?? '' });
    }
    reply(404, { error: 'not_found' });
  }

  close(): Promise<void> {
    return new Promise((r) => {
      this.server.closeAllConnections();
      this.server.close(() => r());
    });
  }
}
