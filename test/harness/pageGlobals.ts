// Types for the little of the DOM that functions run inside the page (page.evaluate, waitForFunction,
// addInitScript) touch: the project's tsconfig has no DOM lib. Use as `(globalThis as unknown as PageGlobals)`.
export interface PageElement {
  readonly id: string;
  readonly classList: { contains(token: string): boolean };
  getAttribute(name: string): string | null;
}

export interface PageGlobals {
  readonly document: { readonly title: string; querySelector(selector: string): PageElement | null };
  readonly Element: { readonly prototype: PageElement };
}
