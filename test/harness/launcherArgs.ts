// The part of VS Code's command line that the launcher uses; everything else is accepted and ignored.
export interface LauncherArgs {
  extensionDevelopmentPaths: string[];
  extensionTestsPath: string | undefined;
  /** Folder or .code-workspace file to open (the last positional argument). */
  folder: string | undefined;
  ignored: string[];
}

/** VS Code options that take a value; a bare `--name value` form swallows the next argument. */
const WITH_VALUE = new Set([
  'extensionDevelopmentPath',
  'extensionTestsPath',
  'user-data-dir',
  'extensions-dir',
  'locale',
  'profile',
  'log',
  'inspect-extensions',
  'inspect-brk-extensions',
  'enable-proposed-api',
  'disable-extension',
  'install-extension',
  'crash-reporter-directory',
]);

export function parseLauncherArgs(argv: readonly string[]): LauncherArgs {
  const out: LauncherArgs = { extensionDevelopmentPaths: [], extensionTestsPath: undefined, folder: undefined, ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      out.folder = arg;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    let value: string | undefined = eq < 0 ? undefined : arg.slice(eq + 1);
    if (value === undefined && WITH_VALUE.has(name) && i + 1 < argv.length) value = argv[++i];
    if (name === 'extensionDevelopmentPath' && value) out.extensionDevelopmentPaths.push(value);
    else if (name === 'extensionTestsPath' && value) out.extensionTestsPath = value;
    else out.ignored.push(value === undefined ? arg : `--${name}=${value}`);
  }
  return out;
}
