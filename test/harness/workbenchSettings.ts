// User settings for a workbench that people look at (the demo) or that tests photograph: no welcome page,
// tips, surveys or prompts that would cover the editor; nothing that reaches the network.
export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/** Each theme's setting value, its label in the Color Theme picker, and the class the workbench then wears. */
export const THEMES: Record<ThemeKind, { name: string; label: string; bodyClass: string }> = {
  light: { name: 'Default Light Modern', label: 'Light Modern', bodyClass: 'vs' },
  dark: { name: 'Default Dark Modern', label: 'Dark Modern', bodyClass: 'vs-dark' },
  'high-contrast': { name: 'Default High Contrast', label: 'Dark High Contrast', bodyClass: 'hc-black' },
  'high-contrast-light': { name: 'Default High Contrast Light', label: 'Light High Contrast', bodyClass: 'hc-light' },
};

/** VS Code for the web defaults to the light theme, and drops the setting from settings.json when it is set back to it. */
export const WEB_DEFAULT_THEME = THEMES.light.name;

export function quietWorkbenchSettings(theme: ThemeKind = 'dark'): Record<string, unknown> {
  return {
    'workbench.colorTheme': THEMES[theme].name,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'security.workspace.trust.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'chat.commandCenter.enabled': false,
  };
}
