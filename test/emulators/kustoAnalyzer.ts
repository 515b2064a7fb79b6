/**
 * Microsoft's Kusto language service (@kusto/language-service-next, a dev dependency: 31 MB, kept
 * out of the extension bundle) loaded in Node: parses and analyses KQL against the
 * AADProvisioningLogs schema the way the service would, offline. Used by the KQL tests and by the
 * Log Analytics emulator to answer invalid queries with the service's kind of 400.
 */
import { createRequire } from 'node:module';
import { LA_COLUMNS, LA_TABLE, schemaText, type KustoType } from '../../src/core/sources/kql/schema';

export interface KustoDiagnostic {
  code: string;
  severity: string;
  message: string;
  start: number;
  end: number;
}

export interface KustoToken {
  kind: string;
  text: string;
}

/* The library's own objects, as far as these functions use them. */
interface BridgeDiagnostic {
  Code: string;
  Severity: string;
  Message: string;
  Start: number;
  End: number;
}
interface BridgeToken {
  Kind: number;
  Text: string;
}
interface KustoGlobals {
  Bridge: { toArray<T>(list: unknown): T[] };
  Kusto: {
    Language: {
      Symbols: {
        TableSymbol: { $ctor7: new (name: string, schema: string, description: string) => unknown };
        DatabaseSymbol: { ctor: new (name: string, tables: unknown[]) => unknown };
        ClusterSymbol: { ctor: new (name: string, dbs: unknown[]) => unknown };
      };
      GlobalState: { Default: { WithCluster(c: unknown): { WithDatabase(d: unknown): unknown } } };
      KustoCode: { ParseAndAnalyze(text: string, globals: unknown): { GetDiagnostics(): unknown } };
      Parsing: { TokenParser: { ParseTokens(text: string): unknown } };
      Syntax: { SyntaxKind: Record<string, unknown> };
    };
  };
}

let loaded: KustoGlobals | undefined;

function kusto(): KustoGlobals {
  if (loaded === undefined) {
    const req = createRequire(__filename);
    req('@kusto/language-service-next/bridge.min.js');
    req('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
    loaded = globalThis as unknown as KustoGlobals;
  }
  return loaded;
}

const globalsBySchema = new Map<string, unknown>();

function globalsFor(columns: readonly (readonly [string, KustoType])[]): unknown {
  const key = schemaText(columns);
  let g = globalsBySchema.get(key);
  if (g === undefined) {
    const { Symbols: S, GlobalState } = kusto().Kusto.Language;
    const table = new S.TableSymbol.$ctor7(LA_TABLE, key, '');
    const db = new S.DatabaseSymbol.ctor('workspace', [table]);
    // The cluster must hold the database, or the table does not resolve.
    g = GlobalState.Default.WithCluster(new S.ClusterSymbol.ctor('workspace', [db])).WithDatabase(db);
    globalsBySchema.set(key, g);
  }
  return g;
}

/** Every diagnostic (syntax, unknown names, types) of `query` against the table's columns. */
export function analyseKql(query: string, columns: readonly (readonly [string, KustoType])[] = LA_COLUMNS): KustoDiagnostic[] {
  const { Kusto, Bridge } = kusto();
  const code = Kusto.Language.KustoCode.ParseAndAnalyze(query, globalsFor(columns));
  return Bridge.toArray<BridgeDiagnostic>(code.GetDiagnostics()).map((d) => ({
    code: d.Code,
    severity: d.Severity,
    message: d.Message,
    start: d.Start,
    end: d.End,
  }));
}

/** The lexer's tokens: kinds name the structure, literals keep their text. */
export function kqlTokens(query: string): KustoToken[] {
  const { Kusto, Bridge } = kusto();
  const kinds = Kusto.Language.Syntax.SyntaxKind;
  const names = new Map<unknown, string>(Object.entries(kinds).map(([name, v]) => [v, name]));
  return Bridge.toArray<BridgeToken>(Kusto.Language.Parsing.TokenParser.ParseTokens(query)).map((t) => ({
    kind: names.get(t.Kind) ?? String(t.Kind),
    text: t.Text,
  }));
}
