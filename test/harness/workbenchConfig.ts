// Amends the workbench configuration code-server embeds in its page (the `data-settings` attribute of
// #vscode-workbench-web-configuration) before VS Code reads it. Newer VS Code (about 1.10x on) honours the
// extension test paths of the URL payload only with developmentOptions.enableSmokeTestDriver; 1.100 does
// not need it and is unaffected. Rewriting the page with page.route instead would break its WebSocket.
import { type Page } from 'playwright-core';
import { type PageElement, type PageGlobals } from './pageGlobals';

export async function enableSmokeTestDriver(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const proto = (globalThis as unknown as PageGlobals).Element.prototype;
    const getAttribute = proto.getAttribute;
    proto.getAttribute = function (this: PageElement, name: string): string | null {
      const value = getAttribute.call(this, name);
      if (value === null || name !== 'data-settings' || this.id !== 'vscode-workbench-web-configuration') return value;
      try {
        const config = JSON.parse(value) as { developmentOptions?: Record<string, unknown> };
        config.developmentOptions = { ...config.developmentOptions, enableSmokeTestDriver: true };
        return JSON.stringify(config);
      } catch {
        return value;
      }
    };
  });
}
