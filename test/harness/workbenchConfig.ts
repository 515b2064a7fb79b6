// Amends the workbench configuration code-server embeds in its page (the `data-settings` attribute of
// #vscode-workbench-web-configuration) before VS Code reads it. Newer VS Code (about 1.10x on) honours the
// extension test paths of the URL payload only with developmentOptions.enableSmokeTestDriver; 1.100 does
// not need it and is unaffected. Rewriting the page with page.route instead would break its WebSocket.
import { type Page } from 'playwright-core';
import { type PageElement, type PageGlobals } from './pageGlobals';
import { EXTENSION_ID } from './repoPaths';

/**
 * The authentication provider the integration tests register (test/integration/logAnalyticsSupport.ts). VS Code
 * asks the person before an extension may use an account, and tests refuse dialogs; products pre-trust extensions
 * through `trustedExtensionAuthAccess`, which the test workbench sets for this provider only.
 */
export const TEST_AUTH_PROVIDER = 'provlog-test-accounts';

export async function enableSmokeTestDriver(page: Page): Promise<void> {
  await page.addInitScript(({ provider, extension }) => {
    const proto = (globalThis as unknown as PageGlobals).Element.prototype;
    const getAttribute = proto.getAttribute;
    proto.getAttribute = function (this: PageElement, name: string): string | null {
      const value = getAttribute.call(this, name);
      if (value === null || name !== 'data-settings' || this.id !== 'vscode-workbench-web-configuration') return value;
      try {
        const config = JSON.parse(value) as { developmentOptions?: Record<string, unknown>; productConfiguration?: Record<string, unknown> };
        config.developmentOptions = { ...config.developmentOptions, enableSmokeTestDriver: true };
        config.productConfiguration = { ...config.productConfiguration, trustedExtensionAuthAccess: { [provider]: [extension] } };
        return JSON.stringify(config);
      } catch {
        return value;
      }
    };
  }, { provider: TEST_AUTH_PROVIDER, extension: EXTENSION_ID });
}
