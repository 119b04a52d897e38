/**
 * Shock tables against a literal transcription of the published tables (sources in
 * docs/methodology/irrbb.md §1): the 2016 calibration (d368 Annex 2 Table 1, SRP31.90 before 2026, as in
 * EU Delegated Regulation 2024/856 Annex Part A, which adds the EU-only currencies) and the 2024 one (d578,
 * SRP31.90 from 2026, as in OSFI B-12 Annex 1 Table 1): the markdown rows below were transcribed from those
 * tables, not from the engine, and are parsed here.
 */
import { CALIBRATIONS, SHOCK_TABLES, currencies, shockSizes, type Calibration } from "../../../src/engine/irrbb/calibrations";

const TABLE_2016 = `
| | ARS | AUD | BRL | CAD | CHF | CNY | EUR | GBP | HKD | IDR | INR |
| Parallel | 400 | 300 | 400 | 200 | 100 | 250 | 200 | 250 | 200 | 400 | 400 |
| Short | 500 | 450 | 500 | 300 | 150 | 300 | 250 | 300 | 250 | 500 | 500 |
| Long | 300 | 200 | 300 | 150 | 100 | 150 | 100 | 150 | 100 | 350 | 300 |
| | JPY | KRW | MXN | RUB | SAR | SEK | SGD | TRY | USD | ZAR |
| Parallel | 100 | 300 | 400 | 400 | 200 | 200 | 150 | 400 | 200 | 400 |
| Short | 100 | 400 | 500 | 500 | 300 | 300 | 200 | 500 | 300 | 500 |
| Long | 100 | 200 | 300 | 300 | 150 | 150 | 100 | 300 | 150 | 300 |
`;

const TABLE_EU_ONLY = `
| | BGN | CZK | DKK | HUF | PLN | RON |
| Parallel | 250 | 200 | 200 | 300 | 250 | 350 |
| Short | 350 | 250 | 250 | 450 | 350 | 500 |
| Long | 150 | 100 | 150 | 200 | 150 | 250 |
`;

const TABLE_2024 = `
| | ARS | AUD | BRL | CAD | CHF | CNY | EUR | GBP | HKD | IDR | INR |
| Parallel | 400 | 350 | 400 | 200 | 175 | 225 | 225 | 275 | 225 | 400 | 325 |
| Short | 500 | 425 | 500 | 275 | 250 | 300 | 350 | 425 | 375 | 500 | 475 |
| Long | 300 | 300 | 300 | 175 | 200 | 150 | 200 | 250 | 200 | 300 | 225 |
| | JPY | KRW | MXN | RUB | SAR | SEK | SGD | TRY | USD | ZAR |
| Parallel | 100 | 225 | 400 | 400 | 275 | 275 | 175 | 400 | 200 | 325 |
| Short | 100 | 350 | 500 | 500 | 375 | 425 | 250 | 500 | 300 | 500 |
| Long | 100 | 225 | 200 | 300 | 250 | 200 | 225 | 300 | 225 | 300 |
`;

/** Parses blocks of a currency header row and Parallel/Short/Long rows. */
function parse(markdown: string): Record<string, { parallel: number; short: number; long: number }> {
  const out: Record<string, { parallel: number; short: number; long: number }> = {};
  let header: string[] = [];
  for (const line of markdown.trim().split("\n")) {
    const cells = line.split("|").slice(1, -1).map((c) => c.trim());
    if (cells[0] === "") {
      header = cells.slice(1);
      continue;
    }
    const key = cells[0].toLowerCase() as "parallel" | "short" | "long";
    header.forEach((ccy, j) => {
      out[ccy] = { ...(out[ccy] ?? { parallel: NaN, short: NaN, long: NaN }), [key]: Number(cells[j + 1]) };
    });
  }
  return out;
}

const EXPECTED: Record<Calibration, ReturnType<typeof parse>> = {
  BCBS2016: parse(TABLE_2016),
  BCBS2024: parse(TABLE_2024),
  EU: { ...parse(TABLE_2016), ...parse(TABLE_EU_ONLY) },
};

describe("shock size tables", () => {
  test.each(CALIBRATIONS)("the %s table carries exactly the currencies of the published table", (calibration) => {
    expect(currencies(calibration)).toEqual(Object.keys(EXPECTED[calibration]).sort());
  });

  test("the Basel tables carry 21 currencies and the EU table 27", () => {
    expect([currencies("BCBS2016").length, currencies("BCBS2024").length, currencies("EU").length]).toEqual([21, 21, 27]);
  });

  test.each(CALIBRATIONS.flatMap((c) => Object.keys(EXPECTED[c]).map((ccy) => [c, ccy] as const)))("%s %s matches the transcription", (calibration, ccy) => {
    expect(shockSizes(ccy, calibration)).toEqual(EXPECTED[calibration][ccy]);
  });

  test("spot values typed from the published tables: IDR long 350 in 2016, EUR 225/350/200 in 2024, RON 350/500/250 in the EU table", () => {
    expect(shockSizes("IDR", "BCBS2016")?.long).toBe(350);
    expect(shockSizes("IDR", "BCBS2024")?.long).toBe(300);
    expect(shockSizes("EUR")).toEqual({ parallel: 225, short: 350, long: 200 });
    expect(shockSizes("RON", "EU")).toEqual({ parallel: 350, short: 500, long: 250 });
    expect(shockSizes("USD", "BCBS2024")).toEqual({ parallel: 200, short: 300, long: 225 });
  });

  test("every 2024 size is a multiple of 25 bp within the SRP98.61 bounds (100 to 400/500/300)", () => {
    for (const sizes of Object.values(SHOCK_TABLES.BCBS2024)) {
      expect([sizes.parallel % 25, sizes.short % 25, sizes.long % 25]).toEqual([0, 0, 0]);
      expect(sizes.parallel >= 100 && sizes.parallel <= 400 && sizes.short >= 100 && sizes.short <= 500 && sizes.long >= 100 && sizes.long <= 300).toBe(true);
    }
  });

  test("lookup is case- and space-insensitive, defaults to BCBS2024, and gives undefined for an unlisted currency", () => {
    expect(shockSizes(" eur ")).toEqual({ parallel: 225, short: 350, long: 200 });
    expect(shockSizes("BGN", "BCBS2024")).toBeUndefined();
    expect(shockSizes("NOK", "EU")).toBeUndefined();
    expect(shockSizes("toString", "EU")).toBeUndefined();
  });
});
