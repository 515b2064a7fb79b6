import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createMinifier, createPrettifier, minifyBytes, minifyText, prettifyBytes, prettifyText,
  type PrettifyOptions, type PrettifyProblem, type PrettifyResult,
} from '../../../../src/core/prettify/prettify';
import { concatBytes } from '../../../../src/core/read/bytes';
import { SAMPLES_DIR } from '../../helpers';

const SAMPLES = process.env.PROVLOG_SAMPLES ?? SAMPLES_DIR;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

/** Prettifies (or minifies) `input` fed in pieces cut at `cuts`; returns the output bytes and the result. */
function run(input: Uint8Array, cuts: number[] = [], options: PrettifyOptions = {}, minify = false): { out: Uint8Array; r: PrettifyResult } {
  const chunks: Uint8Array[] = [];
  const p = minify ? createMinifier(options, (c) => chunks.push(c)) : createPrettifier(options, (c) => chunks.push(c));
  let from = 0;
  for (const cut of [...cuts, input.length]) {
    p.write(input.subarray(from, cut));
    from = cut;
  }
  const r = p.end();
  return { out: concatBytes(chunks), r };
}

const pretty = (text: string, options: PrettifyOptions = {}): string => prettifyText(text, options).text;
const stringify = (text: string, indent: number | string = 2): string => JSON.stringify(JSON.parse(text), null, indent) + '\n';
const brief = (p: PrettifyProblem): string => `${p.code} ${p.line}:${p.column}`;

const ORDINARY = [
  '{"a":1,"b":[1,2,{"c":null}],"d":{},"e":[],"f":"x y","g":true,"h":false}',
  '[[],{},[[]],[{}],{"a":{"b":{"c":[1,[2,[3]]]}}}]',
  '"just a string"',
  '42',
  'null',
  '[]',
  '{}',
  '{ "spaced" : [ 1 , 2 ] ,\n\t"tabs"\t:\t{ "x" : "y" } }',
  '{\r\n  "crlf": [\r\n    1\r\n  ]\r\n}\r\n',
  '  \n [ "leading and trailing whitespace" ]  \n\n',
];

describe('prettify: layout', () => {
  it('equals JSON.stringify(JSON.parse(x), null, 2) for ordinary JSON', () => {
    for (const x of ORDINARY) assert.equal(pretty(x), stringify(x), x);
  });
  it('honours indent (spaces, a tab, 0 for one line) and \\r\\n', () => {
    const x = ORDINARY[0]!;
    assert.equal(pretty(x, { indent: 4 }), stringify(x, 4));
    assert.equal(pretty(x, { indent: '\t' }), stringify(x, '\t'));
    assert.equal(pretty(x, { indent: 0 }), JSON.stringify(JSON.parse(x)) + '\n');
    assert.equal(pretty(x, { indent: 25 }), stringify(x, 10), 'clamped to 10 like JSON.stringify');
    assert.equal(pretty(x, { eol: '\r\n' }), stringify(x).replace(/\n/g, '\r\n'));
  });
  it('writes each top-level value of JSON Lines or concatenated JSON on its own, one newline apart', () => {
    assert.equal(pretty('{"a":1}\n{"b":[2]}\n'), '{\n  "a": 1\n}\n{\n  "b": [\n    2\n  ]\n}\n');
    assert.equal(pretty('{"a":1}{"b":2}[]3 "s"'), '{\n  "a": 1\n}\n{\n  "b": 2\n}\n[]\n3\n"s"\n');
    const r = prettifyBytes(enc('{}\n{}\n{}\n'), () => undefined);
    assert.equal(r.values, 3);
    assert.deepEqual(r.problems, []);
  });
  it('keeps a byte order mark in front, and gives an empty input an empty output', () => {
    const { out } = run(enc('\ufeff{"a":1}'));
    assert.deepEqual([...out.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(dec(out), '\ufeff{\n  "a": 1\n}\n');
    assert.equal(pretty(''), '');
    assert.equal(pretty(' \n '), '');
  });
});

describe('prettify: lossless', () => {
  it('copies number literals as written', () => {
    assert.equal(pretty('[12345678901234567890,1.50,1E+2,-0,1e400,0.1e-7]'), '[\n  12345678901234567890,\n  1.50,\n  1E+2,\n  -0,\n  1e400,\n  0.1e-7\n]\n');
  });
  it('copies escapes, raw UTF-8 and duplicate keys as written', () => {
    const x = String.raw`{"k":"\u003cb\u003e \/ \" \\ \n \ud83d\ude00","k":"Zoë 😀 山田","\u0041":1}`;
    assert.equal(pretty(x), String.raw`{
  "k": "\u003cb\u003e \/ \" \\ \n \ud83d\ude00",
  "k": "Zoë 😀 山田",
  "\u0041": 1
}
`);
  });
  it('copies bytes that are not UTF-8, and says where the first one is', () => {
    const input = new Uint8Array([0x5b, 0x22, 0xff, 0xe2, 0x82, 0x22, 0x2c, 0x22, 0xc3, 0xa9, 0x22, 0x5d]);
    const { out, r } = run(input);
    assert.deepEqual([...out], [0x5b, 0x0a, 0x20, 0x20, 0x22, 0xff, 0xe2, 0x82, 0x22, 0x2c, 0x0a, 0x20, 0x20, 0x22, 0xc3, 0xa9, 0x22, 0x0a, 0x5d, 0x0a]);
    assert.deepEqual(r.problems.map(brief), ['invalidUtf8 1:3']);
    assert.match(r.problems[0]!.message, /2 byte sequences .* not valid UTF-8/);
    assert.deepEqual(run(out, [], {}, true).out, input, 'minify gives the very bytes back');
  });
  it('minify(prettify(x)) === x for minified inputs, samples included', () => {
    const inputs = ORDINARY.map((x) => minifyText(x).text);
    if (existsSync(SAMPLES)) {
      for (const name of readdirSync(SAMPLES).filter((n) => /\.(json|log)$/.test(n))) {
        const min = minifyText(readFileSync(join(SAMPLES, name), 'utf8'));
        assert.deepEqual(min.problems, [], name);
        inputs.push(min.text);
      }
    }
    for (const x of inputs) {
      const p = prettifyText(x);
      assert.deepEqual(p.problems, [], x);
      assert.equal(minifyText(p.text).text, x, x.slice(0, 80));
      // Each top-level value, laid out as JSON.stringify would.
      assert.equal(p.text, x.split('\n').map((v) => stringify(v)).join(''), x.slice(0, 80));
    }
    const exact = String.raw`["\u003c\/",-0,1.50,1E+2,{"a":{}}]`;
    assert.equal(minifyText(prettifyText(exact).text).text, exact);
  });
  it('minifies bytes with one newline between top-level values, optionally at the end', () => {
    const chunks: Uint8Array[] = [];
    minifyBytes(enc('{ "a" : [ 1 ] }\n\n{ "b" : 2 }\n'), (c) => chunks.push(c), { finalEol: true });
    assert.equal(dec(concatBytes(chunks)), '{"a":[1]}\n{"b":2}\n');
    assert.equal(minifyText('[1 2]').text, '[1 2]', 'a missing comma never glues two numbers');
  });
});

describe('prettify: streaming', () => {
  const inputs = [
    '\ufeff' + String.raw`{"é😀":"a\u00e9\"\\b","n":-12.5e+3,"t":[true,false,null],"o":{}}`,
    '{"a":[1,\r\n2,"x\u0000"],"b":tru, "c":"ab',
  ];
  it('gives the same output and problems wherever the input is cut, even inside characters, escapes and numbers', () => {
    for (const text of inputs) {
      const input = enc(text);
      const whole = run(input, [], { chunkSize: 256 });
      assert.ok(whole.out.length > input.length);
      for (let a = 0; a <= input.length; a++) {
        for (let b = a; b <= input.length; b += 7) {
          const split = run(input, [a, b], { chunkSize: 256 });
          assert.deepEqual(split.out, whole.out, `cut at ${a}, ${b}`);
          assert.deepEqual(split.r, whole.r, `cut at ${a}, ${b}`);
        }
      }
      const bytewise = run(input, [...input.keys()].slice(1), { chunkSize: 256 });
      assert.deepEqual(bytewise.out, whole.out, 'one byte at a time');
    }
  });
  it('keeps chunks bounded when long tokens arrive a byte at a time', () => {
    const text = `[${'1'.repeat(5000)},"${'é\\n'.repeat(3000)}",${'x'.repeat(5000)}]`;
    const input = enc(text);
    const chunks: Uint8Array[] = [];
    const p = createPrettifier({ chunkSize: 2000 }, (c) => chunks.push(c));
    for (let k = 0; k < input.length; k++) p.write(input.subarray(k, k + 1));
    p.end();
    assert.ok(chunks.every((c) => c.length <= 2000));
    assert.equal(dec(concatBytes(chunks)), dec(run(input).out));
    assert.equal(minifyText(dec(concatBytes(chunks))).text, text);
  });
  it('streams a large input in bounded chunks, reporting progress, as JSON.stringify lays it out', function () {
    this.timeout(20000);
    const record = { id: 'a3f2b676', displayName: 'Zoë Ångström 😀', n: 1.5, steps: [{ name: 'EntryImport', details: { a: '<none>' } }], empty: {} };
    const one = JSON.stringify(record);
    const count = Math.ceil(20e6 / one.length);
    const text = `[${Array<string>(count).fill(one).join(',')}]`;
    const onePretty = JSON.stringify(record, null, 2).replace(/^/gm, '  ');
    const expected = `[\n${Array<string>(count).fill(onePretty).join(',\n')}\n]\n`;
    const input = enc(text);
    const chunks: Uint8Array[] = [];
    const progress: number[] = [];
    const p = createPrettifier({ totalBytes: input.length, onProgress: (done, total) => progress.push(done / total) }, (c) => chunks.push(c));
    for (let from = 0; from < input.length; from += 3_000_000) p.write(input.subarray(from, from + 3_000_000));
    const r = p.end();
    assert.ok(chunks.length > 100 && chunks.every((c) => c.length <= 65536 && c.length > 0));
    assert.equal(r.bytesIn, input.length);
    assert.equal(r.bytesOut, chunks.reduce((n, c) => n + c.length, 0));
    assert.ok(progress.length >= 20 && progress.every((f, k) => f > 0 && f <= 1 && (k === 0 || f >= progress[k - 1]!)));
    assert.equal(progress[progress.length - 1], 1);
    assert.ok(dec(concatBytes(chunks)) === expected);
  });
  it('stops when cancelled: write returns false and nothing more reaches the sink', () => {
    const input = enc(`[${'"abcdefgh",'.repeat(300_000)}1]`); // 3.3 MB: progress is asked after each MB
    let asked = 0;
    let received = 0;
    const p = createPrettifier({ shouldCancel: () => ++asked === 2 }, (c) => (received += c.length));
    assert.equal(p.write(input), false);
    assert.equal(p.write(enc('more')), false);
    const r = p.end();
    assert.equal(r.cancelled, true);
    assert.ok(received > 1e6 && received < 3e6, `received ${received}`);
    assert.equal(r.bytesOut, received);
    assert.deepEqual(prettifyText('[1]', { shouldCancel: () => true }), { text: '', problems: [], cancelled: true });
  });
});

describe('prettify: damaged input', () => {
  /** Input, then each problem as `code line:column`, then a piece of the first message. */
  const CASES: [string, string[], RegExp?][] = [
    ['{"a":1', ['unclosed 1:7'], /ends inside an object that starts at line 1, column 1\./],
    ['[{"a":"bc', ['unterminatedString 1:10', 'unclosed 1:10'], /ends inside a string that starts at line 1, column 7\./],
    ['[[[1', ['unclosed 1:5'], /\(3 brackets are still open; the outermost starts at line 1, column 1\)/],
    ['{\n  "a": 1,\n  "b": }\n', ['unexpected 3:8'], /Unexpected '}' at line 3, column 8; expected a value\./],
    ['{"a":1}}', ['unexpected 1:8'], /no object or array is open/],
    ['[{"a":1]', ['mismatchedClose 1:8'], /the object that starts at line 1, column 2 is not closed \(a missing '}'\)/],
    ['{"a":]}', ['mismatchedClose 1:6'], /must be closed with '}'/],
    ['[1,]', ['trailingComma 1:4'], /Unexpected '\]' after ','/],
    ['[1 2]', ['unexpected 1:4'], /Unexpected '2' at line 1, column 4; expected ',' or '\]'\./],
    ['{"a":1 "b":2}', ['unexpected 1:8'], /Unexpected string at line 1, column 8; expected ',' or '}'\./],
    ['{"a" 1}', ['unexpected 1:6'], /expected ':'/],
    ['{1:2}', ['unexpected 1:2'], /Unexpected '1' .* expected a string key or '}'/],
    ['[tru, NaN, 01, -, 1., .5, undefined]', ['invalidValue 1:2', 'invalidValue 1:7', 'invalidValue 1:12', 'invalidValue 1:16', 'invalidValue 1:19', 'invalidValue 1:23', 'invalidValue 1:27'], /Invalid value 'tru' at line 1, column 2\./],
    ['["a\tb"]', ['controlCharacter 1:4'], /control character U\+0009 \(tab\)/],
    ['"a\nb" @', ['controlCharacter 1:3', 'invalidValue 2:4'], /U\+000A \(line feed\)/],
    ['["\\x", "\\u12G4"]', ['invalidEscape 1:3', 'invalidEscape 1:9'], /a backslash must be followed by/],
    ['[1,\r\n2,\r\n@]', ['invalidValue 3:1']],
    ['[1,\r@]', ['invalidValue 2:1'], /line 2, column 1/],
    ['{"é😀": 1 x}', ['invalidValue 1:11'], /column 11/],
    ['\ufeff{"a":}', ['unexpected 1:6']],
    ['{}\ufeff{}', ['byteOrderMark 1:3']],
    ['[\ufeff1]', ['invalidValue 1:2', 'unexpected 1:3'], /byte order mark/],
    [':,', ['unexpected 1:1', 'unexpected 1:2'], /Unexpected ':' at line 1, column 1; expected a value\./],
  ];
  for (const [input, expected, message] of CASES) {
    it(`reports ${expected.join(', ')} for ${JSON.stringify(input)} and keeps every token`, () => {
      const r = prettifyText(input);
      assert.deepEqual(r.problems.map(brief), expected);
      if (message) assert.match(r.problems[0]!.message, message);
      assert.ok(r.problems.every((p) => p.severity === (p.code === 'byteOrderMark' ? 'warning' : 'error')));
      // Only whitespace between tokens changed: minifying both sides gives the same text.
      const text = input.endsWith('"bc') ? r.text.slice(0, -1) : r.text;
      assert.equal(minifyText(text).text, minifyText(input).text);
    });
  }
  it('never throws on random bytes, and caps the problem list', () => {
    let seed = 7;
    const input = new Uint8Array(20000).map(() => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return '{}[]",: \\\nax1e\xff'.charCodeAt(seed % 16);
    });
    for (const bytes of [input, input.subarray(0, 999), new Uint8Array([0xf0, 0x9f])]) {
      const { out, r } = run(bytes);
      assert.ok(out.length >= bytes.length * 0.5);
      assert.ok(r.problems.length <= 103);
    }
    const last = run(input).r.problems.at(-1)!;
    assert.equal(last.code, 'tooManyProblems');
    assert.match(last.message, /^\d+ more problems are not listed; the next one is at line \d+, column \d+\.$/);
  });
  it('stops indenting past 128 levels, and says so once', () => {
    const deep = '['.repeat(300) + ']'.repeat(300);
    const r = prettifyText(deep);
    assert.deepEqual(r.problems.map(brief), ['deepNesting 1:129']);
    assert.deepEqual(JSON.parse(r.text), JSON.parse(deep));
    assert.equal(Math.max(...r.text.split('\n').map((l) => l.length)), 128 * 2 + 2, 'the innermost [] at 128 levels');
  });
});
