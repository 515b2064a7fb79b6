/**
 * The CLI's contract at its edges: help and version, usage errors (exit 2), unreadable inputs
 * (exit 3), damaged inputs (exit 1 with what was recovered), and the real bundled dist/cli.js.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemorySink, type CliFileSystem } from '../../../src/cli/io';
import { nodeFileSystem } from '../../../src/cli/nodeIo';
import { Progress } from '../../../src/cli/readInputs';
import { run } from '../../../src/cli/run';
import { generateRecords } from '../../fixtures/generator/records';
import { portalJson } from '../../fixtures/generator/writers';
import { cli, json, listOrder, TempFolder } from './cliHarness';
import { REPO_ROOT } from '../helpers';

const records = generateRecords({ seed: 3, count: 60 });
const tmp = new TempFolder();
after(() => tmp.remove());
const good = tmp.file('good.json', portalJson(records));

describe('CLI: help and version', () => {
  it('prints the general usage with every command and the exit codes', async () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const r = await cli(args);
      assert.equal(r.code, 0);
      for (const c of ['summary', 'list', 'ids', 'errors', 'explain', 'prettify', 'export', 'Exit codes', 'Examples']) assert.match(r.stdout, new RegExp(c));
    }
  });

  it('prints a command\'s help with "help COMMAND" and "COMMAND --help"', async () => {
    const a = await cli(['help', 'ids']);
    const b = await cli(['ids', '--help']);
    assert.equal(a.code, 0);
    assert.equal(a.stdout, b.stdout);
    assert.match(a.stdout, /--kind job\|cycle\|change/);
    assert.match(a.stdout, /--action create/);
    assert.match((await cli(['help', 'export'])).stdout, /ProvisioningLogs_ProvisioningSteps\.csv/);
  });

  it('prints the version', async () => {
    const r = await cli(['--version']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^provlog \d+\.\d+\.\d+\n$/);
  });
});

describe('CLI: usage errors exit 2 with a message and a hint', () => {
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /No command given/],
    ['an unknown command', ['frobnicate', good], /Unknown command "frobnicate"; commands: summary, list/],
    ['an unknown option', ['list', good, '--colour'], /Unknown option '--colour'/],
    ['an option of another command', ['list', good, '--kind', 'job'], /--kind is not an option of "list"/],
    ['a bad status, naming the allowed ones', ['list', good, '--status', 'failed'], /--status must be one of success, failure, skipped, warning \(got "failed"\)/],
    ['a bad action', ['list', good, '--action', 'create,remove'], /--action must be one of other, create, delete, disable, update, stagedDelete/],
    ['a bad --since', ['list', good, '--since', 'yesterday'], /--since takes 24h, 7d, 30d/],
    ['a bad --relative-to', ['list', good, '--since', '7d', '--relative-to', 'then'], /--relative-to must be one of newest, now/],
    ['a bad --limit', ['list', good, '--limit', '0'], /--limit must be a whole number/],
    ['a bad --sort', ['list', good, '--sort', 'colour'], /--sort must be one of/],
    ['ids without --kind', ['ids', good], /"ids" needs --kind job\|cycle\|change/],
    ['a bad --kind', ['ids', good, '--kind', 'tenant'], /--kind must be one of job, cycle, change/],
    ['export without --format', ['export', good], /"export" needs --format csv\|json\|md/],
    ['a command without FILE', ['summary'], /"summary" needs a FILE/],
    ['explain without a code', ['explain'], /explain takes one error code/],
    ['prettify with two files', ['prettify', good, good], /prettify takes one FILE/],
    ['an option without its value', ['list', good, '--status'], /argument missing/],
    ['help for an unknown topic', ['help', 'nothing'], /No help for "nothing"/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const r = await cli(args);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.match(r.stderr, /Run "provlog (help \w+|--help)" for usage\.\n$/);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    });
  }
});

describe('CLI: inputs that cannot be read exit 3', () => {
  it('a missing file', async () => {
    const r = await cli(['summary', tmp.path('nope.json')]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /cannot read ".*nope\.json": no such file/);
  });

  it('a folder given to prettify (the reading commands read folders)', async () => {
    const r = await cli(['prettify', tmp.dir]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /it is a folder \(summary, list, ids, errors and export read folders\)/);
  });

  it('JSON that is not a provisioning log, with the reason on stderr', async () => {
    const r = await cli(['list', '--json', tmp.file('other.json', '[{"name":"a","value":1},{"name":"b","value":2}]')]);
    assert.equal(r.code, 3);
    assert.equal(r.stdout, '', 'no empty result that could pass for an answer');
    assert.match(r.stderr, /not a provisioning log/);
  });

  it('an empty file, and a log without events', async () => {
    assert.equal((await cli(['summary', tmp.file('empty.json', '')])).code, 3);
    const r = await cli(['summary', '--json', tmp.file('none.json', '[]')]);
    assert.equal(r.code, 3);
    assert.equal(json<{ events: number }>(r).events, 0, 'summary still reports what it found');
  });

  it('any missing file among several', async () => {
    assert.equal((await cli(['ids', '--kind', 'job', good, tmp.path('missing.json')])).code, 3);
  });
});

describe('CLI: a damaged file exits 1 and still prints what was recovered', () => {
  const text = portalJson(records);
  const cut = tmp.file('cut.json', text.slice(0, Math.floor(text.length * 0.6)));

  it('list --json prints the complete records before the cut', async () => {
    const r = await cli(['list', '--json', cut]);
    assert.equal(r.code, 1);
    const listed = json<{ id: string }[]>(r);
    assert.ok(listed.length > 20 && listed.length < records.length, `${listed.length} recovered`);
    assert.deepEqual(listed.map((e) => e.id), listOrder(records.slice(0, listed.length)));
    assert.match(r.stderr, /error: The file ends in the middle of a record/);
  });

  it('summary --json carries the problem with its position', async () => {
    const r = await cli(['summary', '--json', cut]);
    assert.equal(r.code, 1);
    const s = json<{ problems: { severity: string; line: number; column: number }[] }>(r);
    assert.equal(s.problems[0]!.severity, 'error');
    assert.equal(s.problems[0]!.line, 1);
    assert.ok(s.problems[0]!.column > 1);
  });

  it('warnings alone still exit 0 (a record delivered twice)', async () => {
    const twice = tmp.file('twice.json', portalJson([...records, records[0]!]));
    const r = await cli(['summary', '--json', twice]);
    assert.equal(r.code, 0);
    assert.equal(json<{ events: number }>(r).events, records.length);
  });
});

describe('CLI: an unexpected failure', () => {
  it('prints one line, no stack, and exits 1', async () => {
    const fs: CliFileSystem = {
      ...nodeFileSystem,
      stat: () => {
        throw new TypeError('disk on fire\n    at somewhere (x.js:1:1)');
      },
    };
    const stdout = new MemorySink();
    const stderr = new MemorySink();
    assert.equal(await run(['summary', good], { stdout, stderr, fs }), 1);
    assert.equal(stderr.text, 'provlog: unexpected error: disk on fire (this is a bug; please report it with the command line)\n');
    assert.equal(stdout.text, '');
  });
});

describe('CLI: progress on stderr', () => {
  it('stays quiet below 20 MB, even on a TTY', async () => {
    const r = await cli(['summary', '--json', good], { stderrTTY: true });
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
  });

  it('draws one self-overwriting line for a big input on a TTY, and clears it', async () => {
    // A file-system facade that claims the file is 30 MB: the threshold is about size, not content.
    const bytes = new TextEncoder().encode(portalJson(records));
    const fs: CliFileSystem = {
      ...nodeFileSystem,
      stat: () => ({ size: 30 << 20, isFile: true, isDirectory: false, identity: 'fake' }),
      readFile: (_path, onProgress) => {
        onProgress?.(bytes.length, bytes.length);
        return Promise.resolve(bytes);
      },
    };
    const stdout = new MemorySink();
    const stderr = new MemorySink(true);
    assert.equal(await run(['summary', '--json', 'big.json'], { stdout, stderr, fs }), 0);
    const ESC = '\u001b';
    assert.ok(stderr.text.startsWith(`\r${ESC}[KReading `), JSON.stringify(stderr.text));
    assert.match(stderr.text.replaceAll(ESC, '<ESC>'), /\r<ESC>\[KParsing [\d.]+ MB of 30 MB \(\d+%\)/);
    assert.ok(stderr.text.endsWith('\r\x1b[K'), 'the line is cleared before the output');
    assert.equal(json<{ events: number }>({ code: 0, stdout: stdout.text, stderr: '' }).events, records.length);
  });

  it('redraws only when the text changes', () => {
    const sink = new MemorySink(true);
    const p = new Progress(sink, 50 << 20);
    p.show('Reading', 1 << 20);
    p.show('Reading', (1 << 20) + 10);
    p.show('Parsing', 50 << 20);
    p.clear();
    assert.equal(sink.text, '\r\x1b[KReading 1.0 MB of 50 MB (2%)\r\x1b[KParsing 50 MB of 50 MB (100%)\r\x1b[K');
  });
});

describe('CLI: the built dist/cli.js', () => {
  const bin = join(REPO_ROOT, 'dist', 'cli.js');
  const node = (args: string[]): ReturnType<typeof spawnSync> => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 20_000 });

  before(function () {
    if (!existsSync(bin)) this.skip();
  });

  it('starts with the node shebang and prints summary JSON', () => {
    assert.ok(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n'));
    const r = node(['summary', '--json', good]);
    assert.equal(r.status, 0, String(r.stderr));
    const s = JSON.parse(String(r.stdout)) as { events: number };
    assert.equal(s.events, records.length);
  });

  it('exits 3 for a missing file and 2 for a usage error, one line each, no stack', () => {
    const missing = node(['list', tmp.path('missing.json')]);
    assert.equal(missing.status, 3);
    assert.equal(String(missing.stderr).trim().split('\n').length, 1);
    const usage = node(['list', good, '--status', 'nope']);
    assert.equal(usage.status, 2);
    assert.doesNotMatch(String(usage.stderr), /\n\s+at /);
  });

  it('answers the articles\' recipe: all job ids', () => {
    const r = node(['ids', '--kind', 'job', good]);
    assert.equal(r.status, 0);
    assert.deepEqual(String(r.stdout).trim().split('\n'), [...new Set(records.map((x) => String(x['jobId'])))]);
  });
});
