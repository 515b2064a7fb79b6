import { strict as assert } from 'node:assert';
import { formatOtherZone, formatSpanIn, formatTimeIn, formatUtc, formatUtcClock, parseTime } from '../../../../src/core/common/time';

describe('parseTime', () => {
  it('reads ISO 8601 with 7 fraction digits as UTC', () => {
    assert.equal(parseTime('2022-08-23T13:36:50.3538931Z'), Date.UTC(2022, 7, 23, 13, 36, 50, 353));
  });
  it('reads ISO 8601 without a zone as UTC, and honours offsets', () => {
    assert.equal(parseTime('2019-06-24T20:53:08'), Date.UTC(2019, 5, 24, 20, 53, 8));
    assert.equal(parseTime('2019-06-24T22:53:08+02:00'), Date.UTC(2019, 5, 24, 20, 53, 8));
    assert.equal(parseTime('2019-06-24T15:53:08-0500'), Date.UTC(2019, 5, 24, 20, 53, 8));
  });
  it("reads Log Analytics' display form, 12-hour clock, as UTC", () => {
    assert.equal(parseTime('3/2/2026, 10:00:05.000 AM'), Date.UTC(2026, 2, 2, 10, 0, 5));
    assert.equal(parseTime('3/2/2026, 12:30:00.250 PM'), Date.UTC(2026, 2, 2, 12, 30, 0, 250));
    assert.equal(parseTime('3/2/2026, 12:30:00 AM'), Date.UTC(2026, 2, 2, 0, 30, 0));
    assert.equal(parseTime('11/30/2025 11:59:59 PM'), Date.UTC(2025, 10, 30, 23, 59, 59));
  });
  it('reads .NET JSON dates from Windows PowerShell', () => {
    assert.equal(parseTime('/Date(1561409588000)/'), 1561409588000);
  });
  it('returns NaN for what is not a time', () => {
    assert.ok(Number.isNaN(parseTime('')));
    assert.ok(Number.isNaN(parseTime('yesterday-ish')));
    assert.ok(Number.isNaN(parseTime('2022-13-40T00:00:00Z')));
  });
});

describe('formatUtc', () => {
  it('formats with an explicit zone', () => {
    const t = Date.UTC(2026, 2, 2, 14, 40, 5, 120);
    assert.equal(formatUtc(t), '2026-03-02 14:40:05 UTC');
    assert.equal(formatUtc(t, true), '2026-03-02 14:40:05.120 UTC');
    assert.equal(formatUtcClock(t), '14:40 UTC');
    assert.equal(formatUtc(NaN), '');
  });
});

describe('times as shown (one rule, setting provlog.time.zone)', () => {
  const saved = process.env['TZ'];
  before(() => {
    process.env['TZ'] = 'Europe/Berlin';
  });
  after(() => {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  });
  const t = Date.UTC(2026, 2, 2, 14, 0, 27);

  it('writes UTC and local the same way: 24-hour clock, the zone named', () => {
    assert.equal(formatTimeIn(t, 'utc'), '2026-03-02 14:00:27 UTC');
    assert.equal(formatTimeIn(t, 'local'), '2026-03-02 15:00:27 UTC+1');
    assert.equal(formatOtherZone(t, 'utc'), 'Your time: 2026-03-02 15:00:27 UTC+1');
    assert.equal(formatOtherZone(t, 'local'), 'UTC: 2026-03-02 14:00:27 UTC');
  });

  it('shows seconds in a span within one minute, never "09:00 – 09:00"', () => {
    const a = Date.UTC(2026, 2, 2, 9, 0, 2);
    assert.equal(formatSpanIn(a, a + 39_000, 'utc'), '2026-03-02 09:00:02 – 09:00:41 UTC');
    assert.equal(formatSpanIn(a, a + 3 * 3600_000, 'utc'), '2026-03-02 09:00 – 12:00 UTC');
    assert.equal(formatSpanIn(a, a + 24 * 3600_000, 'local'), '2026-03-02 10:00 – 2026-03-03 10:00 UTC+1');
    assert.equal(formatSpanIn(a, a, 'utc'), '2026-03-02 09:00:02 UTC');
  });
});
