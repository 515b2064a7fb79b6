/**
 * The portal's CSV download is three files. When the user opens one, the other two are found beside
 * it by name: same role prefix scheme (`ProvisioningLogs`, `ProvisioningLogs_ProvisioningSteps`,
 * `ProvisioningLogs_ModifiedProperties`) and the same suffix after it (a date the user added, a
 * browser's ` (1)` for a repeated download). Our own exports name a trio after the file the user
 * chose instead (`X.csv`, `X_ProvisioningSteps.csv`, `X_ModifiedProperties.csv`: `csvTrioNames`), and
 * are found by that scheme first. Names only pick candidates; the reader still decides each file's
 * role by its header.
 */

type Role = 'main' | 'steps' | 'modified';

export interface CsvSiblings {
  main?: string;
  steps?: string;
  modified?: string;
}

interface Parsed {
  name: string;
  role: Role;
  /** What follows the role part, lower case, without leading separators: `2026-03-02`, `(1)`, ``. */
  suffix: string;
}

const NAME = /^provisioninglogs(?:[\s_.-]*(provisioningsteps|modifiedproperties))?(.*)\.csv$/i;
/** A browser's or the OS's mark for a repeated download: ` (1)`, `(2)`, ` - Copy`. */
const DUPLICATE = /(?:\s*\(\d+\)|\s*-\s*copy(?:\s*\(\d+\))?)+$/i;

function parse(name: string): Parsed | undefined {
  const m = NAME.exec(name.trim());
  if (!m) return undefined;
  const part = m[1]?.toLowerCase();
  const role: Role = part === 'provisioningsteps' ? 'steps' : part === 'modifiedproperties' ? 'modified' : 'main';
  return { name, role, suffix: m[2]!.toLowerCase().replace(/^[\s_.-]+/, '').trim() };
}

const withoutDuplicateMark = (suffix: string): string => suffix.replace(DUPLICATE, '').trim();

/**
 * The trio `fileName` belongs to, from the base names in its folder (`fileName` itself may be in
 * `namesInFolder` or not). Per role: the file with the same suffix; else the one whose suffix is
 * the same once download marks like ` (1)` are ignored; else the only file of that role (a file
 * that exactly matches another trio's file of our role is left to that trio).
 */
export function findCsvSiblings(fileName: string, namesInFolder: readonly string[]): CsvSiblings {
  // Exact names of an exported trio are stronger evidence than a shared suffix: they win per role.
  return { ...portalSiblings(fileName, namesInFolder), ...exportedSiblings(fileName, namesInFolder) };
}

/** The names of the trio whose main file is `stem.csv`, as our exports write them. */
export function csvTrioNames(stem: string): Required<CsvSiblings> {
  return { main: `${stem}.csv`, steps: `${stem}_ProvisioningSteps.csv`, modified: `${stem}_ModifiedProperties.csv` };
}

const EXPORTED_PART = /^(.+?)_(provisioningsteps|modifiedproperties)\.csv$/i;

/** The files of `fileName`'s trio named by `csvTrioNames`; nothing when none of the other two is there. */
function exportedSiblings(fileName: string, namesInFolder: readonly string[]): CsvSiblings {
  const part = EXPORTED_PART.exec(fileName.trim());
  if (part === null && !/\.csv$/i.test(fileName)) return {};
  const names = csvTrioNames(part !== null ? part[1]! : fileName.trim().replace(/\.csv$/i, ''));
  const byLowerName = new Map(namesInFolder.map((n) => [n.toLowerCase(), n]));
  const out: CsvSiblings = {};
  for (const role of ['main', 'steps', 'modified'] as const) {
    const name = names[role].toLowerCase() === fileName.trim().toLowerCase() ? fileName : byLowerName.get(names[role].toLowerCase());
    if (name !== undefined) out[role] = name;
  }
  return Object.keys(out).length > 1 ? out : {};
}

/** The portal's scheme: `ProvisioningLogs[_Role]<suffix>.csv`. */
function portalSiblings(fileName: string, namesInFolder: readonly string[]): CsvSiblings {
  const self = parse(fileName);
  if (self === undefined) return {};
  const out: CsvSiblings = { [self.role]: fileName };
  const others = namesInFolder.filter((n) => n !== fileName).map(parse).filter((p): p is Parsed => p !== undefined);
  // A file with exactly the suffix of another file of our role belongs to that file's trio, not ours.
  const taken = new Set(others.filter((p) => p.role === self.role).map((p) => p.suffix));
  for (const role of ['main', 'steps', 'modified'] as const) {
    if (role === self.role) continue;
    const ofRole = others.filter((c) => c.role === role);
    // Used only when no file of this role has exactly our suffix (such a file is picked first), so
    // an exact match never needs exempting from `taken`.
    const free = ofRole.filter((c) => !taken.has(c.suffix));
    const pick =
      ofRole.find((c) => c.suffix === self.suffix) ??
      single(free.filter((c) => withoutDuplicateMark(c.suffix) === withoutDuplicateMark(self.suffix))) ??
      single(free);
    if (pick !== undefined) out[role] = pick.name;
  }
  return out;
}

function single<T>(list: readonly T[]): T | undefined {
  return list.length === 1 ? list[0] : undefined;
}
