/**
 * KQL functions that read a Log Analytics row the way the readers do (normalizeGraph and
 * normalizeAzureMonitor): the same key spellings, the same fall-backs, the same enum mapping. A
 * query defines only the ones it uses, each after those it calls.
 */

/** Function name → its `let` statement and the functions it calls. */
const FUNCTIONS: Readonly<Record<string, { uses: readonly string[]; body: string }>> = {
  provlog_name: {
    uses: [],
    body: '(json:string) { let o = parse_json(json); coalesce(tostring(o.displayName), tostring(o.Name), tostring(o.name), tostring(o.DisplayName)) }',
  },
  provlog_id: {
    uses: [],
    body: '(json:string) { let o = parse_json(json); coalesce(tostring(o.id), tostring(o.Id), tostring(o.ID)) }',
  },
  // An identity without a name of its own is named by its details, as the readers do.
  provlog_identityName: {
    uses: ['provlog_name'],
    body:
      '(json:string) { let d = parse_json(json).details; coalesce(provlog_name(json), tostring(d.DisplayName), tostring(d.displayName), ' +
      'tostring(d.UserPrincipalName), tostring(d.userPrincipalName), tostring(d.userName)) }',
  },
  provlog_identityType: {
    uses: [],
    body: '(json:string) { let o = parse_json(json); coalesce(tostring(o.identityType), tostring(o.IdentityType), tostring(o.type), tostring(o.Type)) }',
  },
  // `User`, `urn:ietf:params:scim:schemas:core:2.0:User` → `user`.
  provlog_typeKey: {
    uses: [],
    body: '(t:string) { tostring(split(tolower(trim(@"\\s+", t)), ":")[-1]) }',
  },
  provlog_initiatorType: {
    uses: [],
    body:
      '(json:string) { let o = parse_json(json); let s = tolower(trim(@"\\s+", coalesce(tostring(o.initiatorType), tostring(o.initiatingType), ' +
      'tostring(o.Type), tostring(o.type)))); case(s == "0", "user", s == "1", "application", s == "2", "system", s) }',
  },
  provlog_enumAction: {
    uses: [],
    body:
      '(v:string) { let s = tolower(trim(@"\\s+", v)); case(isempty(s), "", ' +
      's matches regex @"^[0-9]+$", iff(toint(s) between (0 .. 5), tostring(dynamic(["other", "create", "delete", "disable", "update", "stagedDelete"])[toint(s)]), "other"), ' +
      's in ("create", "add"), "create", s in ("update", "delete", "disable"), s, s in ("stageddelete", "softdelete"), "stagedDelete", ' +
      's in ("other", "none", "unknownfuturevalue"), "other", s contains "softdelete" or s contains "stageddelete", "stagedDelete", ' +
      's contains "delete", "delete", s contains "disable", "disable", s contains "add" or s contains "create", "create", ' +
      's contains "update", "update", "other") }',
  },
  // ProvisioningAction first, the legacy Action after it, `other` when neither says.
  provlog_action: {
    uses: ['provlog_enumAction'],
    body: '(provided:string, legacy:string) { coalesce(provlog_enumAction(provided), provlog_enumAction(legacy), "other") }',
  },
  provlog_enumStatus: {
    uses: [],
    body:
      '(v:string) { let s = tolower(trim(@"\\s+", v)); case(isempty(s), "", ' +
      's matches regex @"^[0-9]+$", tostring(dynamic(["success", "failure", "skipped", "warning"])[toint(s)]), ' +
      's in ("success", "failure", "skipped", "warning"), s, s in ("succeeded", "successful"), "success", ' +
      's in ("failed", "error"), "failure", s == "skip", "skipped", "") }',
  },
  // The record's own status; ResultType overrides a success, and decides when the record has none.
  provlog_status: {
    uses: ['provlog_enumStatus'],
    body:
      '(statusInfo:string, legacy:string, resultType:string) { ' +
      'let own = coalesce(provlog_enumStatus(tostring(parse_json(statusInfo).Status)), provlog_enumStatus(tostring(parse_json(statusInfo).status)), ' +
      'provlog_enumStatus(tostring(parse_json(legacy).Status)), provlog_enumStatus(tostring(parse_json(legacy).status))); ' +
      'let result = provlog_enumStatus(resultType); ' +
      'iff(isnotempty(result) and result != "success" and (isempty(own) or own == "success"), result, coalesce(own, result, "success")) }',
  },
  // ResultSignature `None` means no code.
  provlog_errorCode: {
    uses: [],
    body:
      '(statusInfo:string, legacy:string, signature:string) { let i = parse_json(statusInfo).errorInformation; let l = parse_json(legacy); ' +
      'let s = trim(@"\\s+", signature); coalesce(trim(@"\\s+", tostring(i.errorCode)), trim(@"\\s+", tostring(i.ErrorCode)), ' +
      'trim(@"\\s+", tostring(l.errorCode)), trim(@"\\s+", tostring(l.ErrorCode)), iff(s =~ "none", "", s)) }',
  },
  provlog_errorCategory: {
    uses: [],
    body:
      '(statusInfo:string, legacy:string) { let i = parse_json(statusInfo).errorInformation; ' +
      'let c = coalesce(tostring(i.errorCategory), tostring(parse_json(legacy).errorCategory)); ' +
      'case(c == "0", "failure", c == "1", "nonServiceFailure", c == "2", "success", c) }',
  },
  provlog_reason: {
    uses: [],
    body:
      '(statusInfo:string, legacy:string, description:string) { let i = parse_json(statusInfo).errorInformation; ' +
      'coalesce(tostring(i.reason), tostring(i.Reason), tostring(parse_json(legacy).reason), description) }',
  },
  // A step type or status as the readers number them: export is 5, success is 0.
  provlog_exported: {
    uses: ['provlog_enumStatus'],
    body:
      '(step:dynamic) { tolower(trim(@"\\s+", coalesce(tostring(step.provisioningStepType), tostring(step.ProvisioningStepType), ' +
      'tostring(step.type), tostring(step.Type)))) in ("5", "export") and ' +
      'coalesce(provlog_enumStatus(coalesce(tostring(step.status), tostring(step.Status))), "success") == "success" }',
  },
};

export type KqlFunction = keyof typeof FUNCTIONS;

/** The `let` statements for `used`, callees before callers, each once. */
export function functionLets(used: Iterable<string>): string[] {
  const out: string[] = [];
  const done = new Set<string>();
  const add = (name: string): void => {
    if (done.has(name)) return;
    done.add(name);
    const f = FUNCTIONS[name];
    if (f === undefined) throw new Error(`unknown KQL helper ${name}`);
    for (const u of f.uses) add(u);
    out.push(`let ${name} = ${f.body};`);
  };
  for (const name of used) add(name);
  return out;
}

/** Names of functions an expression calls (`provlog_xxx(`). */
export function functionsIn(expr: string): string[] {
  return [...expr.matchAll(/\b(provlog_[A-Za-z]+)\(/g)].map((m) => m[1]!);
}
