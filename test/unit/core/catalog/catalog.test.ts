import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  allCatalogEntries,
  describeRetry,
  explainJson,
  lookupErrorCode,
  lookupSkipReason,
  retryTime,
} from '../../../../src/core/catalog/catalog';
import {
  describeAction,
  describeErrorCategory,
  describeInitiatorType,
  describeStatus,
  describeStepType,
} from '../../../../src/core/catalog/enumDocs';
import { repoRoot } from '../../../harness/repoPaths';

// The shared folder sits beside the repository (../shared), wherever the clone is.
const SHARED = join(repoRoot, '..', 'shared');
const ENTRA_MD = join(SHARED, 'source-docs/provisioning-logs-entra.md');
const AZURE_AD_TXT = join(SHARED, 'source-docs/provisioning-logs-azure-ad.txt');
const FORMATS_MD = join(SHARED, 'reference/formats.md');
const haveSources = existsSync(ENTRA_MD) && existsSync(AZURE_AD_TXT);

/** First cells of the markdown tables under the two "Error codes" headings, split into codes. */
function codesFromMarkdown(md: string): { general: string[]; crossTenant: string[] } {
  const section = (heading: string): string => {
    const start = md.indexOf(`\n## ${heading}\n`);
    assert.ok(start >= 0, `heading "${heading}" not found`);
    const end = md.indexOf('\n## ', start + 4);
    return md.slice(start, end < 0 ? undefined : end);
  };
  const codes = (text: string): string[] =>
    text
      .split('\n')
      .filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l))
      .map((l) => l.split('|')[1] ?? '')
      .map((cell) => cell.replace(/<br\s*\/?>/gi, '').replace(/Microsoft Entra ID/g, 'AzureActiveDirectory'))
      .flatMap((cell) => cell.split(','))
      .map((c) => c.trim())
      .filter((c) => c !== '' && c !== 'Error code');
  return { general: codes(section('Error codes')), crossTenant: codes(section('Error codes for cross-tenant synchronization')) };
}

/**
 * The plain-text article has the general table flattened, one line per cell fragment: several codes
 * of a row on their own lines (`Conflict,` / `EntryConflict`), a long code split in two lines
 * (`SystemForCrossDomainIdentity` / `ManagementMultipleEntriesInResponse`), or the code and its
 * description on one line (`TooManyRequests The target app…`).
 */
function codesFromText(txt: string): string[] {
  const start = txt.indexOf('\nError code Description\n');
  const end = txt.indexOf('\nNext steps', start);
  assert.ok(start >= 0 && end > start, 'error table not found in the text article');
  const lines = txt
    .slice(start, end)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && l !== 'Error code Description');
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    if (!line.includes(' ')) {
      current += line;
      if (current.endsWith(',')) {
        out.push(current.slice(0, -1));
        current = '';
      }
      continue;
    }
    if (current !== '') {
      out.push(current);
      current = '';
      continue;
    }
    // A description paragraph of the previous row ("Restarting provisioning …") is not a code.
    const [first, second] = line.split(' ');
    if (first && second && /^[A-Z][A-Za-z]+$/.test(first) && /^[A-Z]/.test(second)) out.push(first);
  }
  return out;
}

/** Every sentence of 8+ words of an article, lower-cased, markup removed. */
function articleSentences(text: string): string[] {
  const plain = text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<br\s*\/?>/gi, ' | ')
    .replace(/[*`#>]/g, ' ');
  return plain
    .split(/\||\n|(?<=[.!?])\s+/)
    .map((s) => s.replace(/\s+/g, ' ').trim().replace(/[.!?:,]+$/, '').toLowerCase())
    .filter((s) => s.split(' ').length >= 8);
}

describe('error-code catalog: coverage of the sources', () => {
  it('has unique codes (ignoring case) and complete entries', () => {
    const seen = new Set<string>();
    for (const e of allCatalogEntries()) {
      assert.ok(!seen.has(e.code.toLowerCase()), `duplicate ${e.code}`);
      seen.add(e.code.toLowerCase());
      assert.ok(e.title && e.meaning && e.remediation && e.category, `incomplete ${e.code}`);
      assert.match(e.docs, /^https:\/\/learn\.microsoft\.com\//, e.code);
      for (const l of e.links ?? []) assert.match(l.url, /^https:\/\/learn\.microsoft\.com\//, e.code);
    }
    assert.ok(seen.size >= 50);
  });

  (haveSources ? it : it.skip)('knows every code of both tables of the Entra article, under its own name', () => {
    const { general, crossTenant } = codesFromMarkdown(readFileSync(ENTRA_MD, 'utf8'));
    assert.equal(general.length, 26, `general table: ${general.join(', ')}`);
    assert.ok(crossTenant.length >= 8, `cross-tenant table: ${crossTenant.join(', ')}`);
    assert.ok(crossTenant.includes('AzureActiveDirectoryQuotaLimitExceeded'));
    assert.ok(general.includes('SystemForCrossDomainIdentityManagementMultipleEntriesInResponse'));
    for (const code of [...general, ...crossTenant]) {
      const m = lookupErrorCode(code);
      assert.ok(m.known, `${code} is not in the catalog`);
      assert.equal(m.canonical, code, `${code} resolved to ${m.canonical}`);
      assert.equal(m.prefix, undefined);
    }
  });

  (haveSources ? it : it.skip)('knows every code of the Azure AD article (plain-text table)', () => {
    const codes = codesFromText(readFileSync(AZURE_AD_TXT, 'utf8'));
    assert.equal(codes.length, 26, codes.join(', '));
    for (const code of codes) {
      const m = lookupErrorCode(code);
      assert.ok(m.known && m.canonical === code, `${code} resolved to ${m.canonical}`);
    }
  });

  (existsSync(FORMATS_MD) ? it : it.skip)('knows every further code listed in formats.md §5', () => {
    const md = readFileSync(FORMATS_MD, 'utf8');
    const s5 = md.slice(md.indexOf('## 5. Error codes'), md.indexOf('## 6.'));
    const codes = new Set<string>();
    for (const line of s5.split('\n')) {
      if (line.includes('SkipReason') || line.includes('LDAP-style')) continue;
      const listed = line.startsWith('|') ? (line.split('|')[1] ?? '') : line.includes('list (docs') ? line : '';
      for (const m of listed.matchAll(/`(?:ErrorCode = )?([A-Z][A-Za-z]+)`/g)) {
        // Field names quoted in the same cells are not codes.
        if (m[1] && m[1] !== 'ProvisioningSteps') codes.add(m[1]);
      }
    }
    assert.ok(codes.size >= 50, [...codes].join(', '));
    const prefixedExamples = new Set(['ContosoEntryConflict', 'BoxEntryConflict']);
    for (const code of codes) {
      const m = lookupErrorCode(code);
      assert.ok(m.known, `${code} is not in the catalog`);
      if (prefixedExamples.has(code)) assert.equal(m.canonical, 'EntryConflict');
      else assert.equal(m.canonical.toLowerCase(), code.toLowerCase(), `${code} resolved to ${m.canonical}`);
    }
  });

  (haveSources ? it : it.skip)('copies no sentence of the Microsoft articles', () => {
    const sentences = new Set([
      ...articleSentences(readFileSync(ENTRA_MD, 'utf8')),
      ...articleSentences(readFileSync(AZURE_AD_TXT, 'utf8')),
    ]);
    assert.ok(sentences.size > 100);
    for (const e of allCatalogEntries()) {
      for (const text of [e.title, e.meaning, e.remediation]) {
        const ours = text.replace(/\s+/g, ' ').toLowerCase();
        for (const s of sentences) assert.ok(!ours.includes(s), `${e.code} copies: "${s}"`);
      }
    }
  });
});

describe('lookupErrorCode', () => {
  it('matches exact codes ignoring case and surrounding space', () => {
    for (const code of ['entryconflict', 'ENTRYCONFLICT', ' EntryConflict ']) {
      const m = lookupErrorCode(code);
      assert.equal(m.code, code);
      assert.equal(m.canonical, 'EntryConflict');
      assert.ok(m.known);
      assert.equal(m.prefix, undefined);
    }
    assert.equal(lookupErrorCode('TimeOut').canonical, 'Timeout');
  });

  it("resolves codes prefixed with the target app's name to their base code", () => {
    const contoso = lookupErrorCode('ContosoEntryConflict');
    assert.deepEqual([contoso.canonical, contoso.known, contoso.prefix], ['EntryConflict', true, 'Contoso']);
    assert.equal(lookupErrorCode('BoxEntryConflict').prefix, 'Box');
    assert.equal(lookupErrorCode('DropboxTooManyRequests').canonical, 'TooManyRequests');
    assert.equal(lookupErrorCode('ServiceNowUnauthorized').canonical, 'Unauthorized');
    assert.equal(lookupErrorCode('contosoentryconflict').canonical, 'EntryConflict');
  });

  it('keeps exact codes that end with another code', () => {
    const hybrid = lookupErrorCode('HybridSynchronizationActiveDirectoryInternalServerError');
    assert.equal(hybrid.canonical, 'HybridSynchronizationActiveDirectoryInternalServerError');
    assert.equal(hybrid.prefix, undefined);
    assert.equal(lookupErrorCode('AzureActiveDirectoryInsufficientRights').canonical, 'AzureActiveDirectoryInsufficientRights');
    assert.equal(lookupErrorCode('AzureActiveDirectoryForbidden').prefix, undefined);
  });

  it('does not treat a word ending as an app prefix', () => {
    assert.equal(lookupErrorCode('Unconflict').known, false);
    assert.equal(lookupErrorCode('42EntryConflict').known, false);
    assert.equal(lookupErrorCode('Contoso EntryConflict').known, false);
  });

  it('answers unknown and empty codes with a generic entry', () => {
    const m = lookupErrorCode('FrobnicationFailed');
    assert.equal(m.known, false);
    assert.equal(m.canonical, 'FrobnicationFailed');
    assert.equal(m.entry.severity, 'error');
    assert.equal(m.entry.retry, 'none');
    assert.match(m.entry.meaning, /reason and additional details/);
    assert.match(m.entry.remediation, /report/i);
    const empty = lookupErrorCode('   ');
    assert.equal(empty.known, false);
    assert.equal(empty.canonical, '');
  });

  it('hands out frozen matches, the same for repeated lookups', () => {
    const a = lookupErrorCode('InternalError');
    assert.equal(lookupErrorCode('InternalError'), a);
    assert.ok(Object.isFrozen(a));
  });
});

describe('catalog severity and retry rules', () => {
  it('marks the documented 40-minute retries as warnings', () => {
    for (const code of ['InternalServerError', 'WebExceptionProtocolError', 'InternalError', 'Timeout']) {
      const e = lookupErrorCode(code).entry;
      assert.deepEqual([e.retry, e.retryAfterMinutes, e.severity], ['automatic', 40, 'warning'], code);
    }
    for (const code of ['TooManyRequests', 'AzureDirectoryServiceServerBusy']) {
      const e = lookupErrorCode(code).entry;
      assert.deepEqual([e.retry, e.retryAfterMinutes, e.severity], ['automatic', undefined, 'warning'], code);
    }
  });

  it('treats expected skips as info', () => {
    for (const code of ['ImportSkipped', 'EntrySynchronizationSkipped', 'EntityTypeNotSupported']) {
      assert.equal(lookupErrorCode(code).entry.severity, 'info', code);
    }
  });

  it('holds the rules across the table: retried ⇒ warning; not retried ⇒ error unless a known exception', () => {
    const notRetriedWarnings = new Set(['UnableToResolveReferenceAttributeValue']);
    for (const e of allCatalogEntries()) {
      if (e.retry === 'automatic') assert.equal(e.severity, 'warning', e.code);
      else if (e.severity === 'warning') assert.ok(notRetriedWarnings.has(e.code), e.code);
      if (e.retryAfterMinutes !== undefined) assert.equal(e.retry, 'automatic', e.code);
    }
  });
});

describe('retryTime and describeRetry', () => {
  const t = Date.UTC(2026, 2, 2, 14, 0, 5);
  it('adds the documented delay to the event time', () => {
    assert.equal(retryTime(t, lookupErrorCode('InternalServerError')), t + 40 * 60_000);
    assert.equal(retryTime(t, lookupErrorCode('AcmeTimeout')), t + 40 * 60_000);
    assert.equal(retryTime(t, lookupErrorCode('TooManyRequests')), undefined);
    assert.equal(retryTime(t, lookupErrorCode('EntryConflict')), undefined);
    assert.equal(retryTime(NaN, lookupErrorCode('InternalServerError')), undefined);
  });
  it('says when, or why not', () => {
    assert.equal(
      describeRetry(t, lookupErrorCode('InternalServerError')),
      'Retried automatically around 14:40 UTC (40 minutes after the event).',
    );
    assert.equal(describeRetry(NaN, lookupErrorCode('Timeout')), 'Retried automatically about 40 minutes after the event.');
    assert.equal(
      describeRetry(t, lookupErrorCode('TooManyRequests')),
      'Retried automatically by the service; no delay is documented.',
    );
    assert.equal(describeRetry(t, lookupErrorCode('EntryConflict')), 'Not retried automatically: action needed.');
    assert.match(describeRetry(t, lookupErrorCode('EntrySynchronizationSkipped')), /expected skip/);
    assert.match(describeRetry(t, lookupErrorCode('Frobnicated')), /No documented retry/);
  });
});

describe('explainJson', () => {
  it('follows the CLI contract, key order included', () => {
    const j = explainJson('ContosoInternalServerError');
    assert.deepEqual(Object.keys(j), [
      'code',
      'known',
      'canonical',
      'retry',
      'retryAfterMinutes',
      'severity',
      'meaning',
      'remediation',
      'docs',
    ]);
    assert.equal(j.code, 'ContosoInternalServerError');
    assert.equal(j.canonical, 'InternalServerError');
    assert.equal(j.retryAfterMinutes, 40);
    assert.equal(j.docs, 'https://learn.microsoft.com/en-us/entra/identity/monitoring-health/howto-analyze-provisioning-logs#error-codes');
  });
  it('leaves out retryAfterMinutes when there is none', () => {
    const j = explainJson('AzureActiveDirectoryForbidden');
    assert.ok(!('retryAfterMinutes' in j));
    assert.equal(j.retry, 'none');
    assert.match(j.docs, /#error-codes-for-cross-tenant-synchronization$/);
    assert.equal(JSON.parse(JSON.stringify(explainJson('nope'))).known, false);
  });
});

describe('lookupSkipReason', () => {
  it('explains the documented SkipReason values, ignoring case', () => {
    assert.match(lookupSkipReason('RedundantExport')?.meaning ?? '', /same values/);
    assert.equal(lookupSkipReason('attributevalidationfailed')?.value, 'AttributeValidationFailed');
    assert.ok(lookupSkipReason('NotEffectivelyEntitled'));
    assert.equal(lookupSkipReason('Whatever'), undefined);
  });
});

describe('enum docs', () => {
  it('describes every provisioningAction, by name or ordinal', () => {
    for (const a of ['create', 'update', 'delete', 'disable', 'stagedDelete', 'other']) assert.ok(describeAction(a), a);
    assert.equal(describeAction('1')?.label, 'Create');
    assert.equal(describeAction('5')?.label, 'StagedDelete');
    assert.equal(describeAction('STAGEDDELETE')?.label, 'StagedDelete');
    assert.match(describeAction('Other')?.meaning ?? '', /already match/);
    assert.equal(describeAction('99'), undefined);
    assert.equal(describeAction('EntryExportUpdate'), undefined);
  });
  it('describes statuses, noting that skips are often expected', () => {
    for (const s of ['success', 'failure', 'skipped', 'warning']) assert.ok(describeStatus(s), s);
    assert.equal(describeStatus('2')?.label, 'Skipped');
    assert.match(describeStatus('Skipped')?.meaning ?? '', /expected/);
  });
  it('describes step types with their CSDL ordinals', () => {
    const names = ['import', 'scoping', 'matching', 'processing', 'referenceResolution', 'export'];
    names.forEach((n, i) => assert.equal(describeStepType(String(i)), describeStepType(n), n));
    assert.equal(describeStepType('Import')?.label, 'Import');
    assert.equal(describeStepType('referenceresolution')?.label, 'Reference resolution');
  });
  it('describes error categories and initiator types', () => {
    assert.equal(describeErrorCategory('NonServiceFailure'), describeErrorCategory('1'));
    assert.ok(describeErrorCategory('failure') && describeErrorCategory('success'));
    assert.equal(describeInitiatorType('2')?.label, 'System');
    assert.ok(describeInitiatorType('user') && describeInitiatorType('Application'));
    assert.equal(describeInitiatorType('unknownFutureValue')?.label, 'Unknown future value');
    assert.equal(describeInitiatorType(''), undefined);
  });
});
