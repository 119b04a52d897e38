/**
 * The Excel host contract (docs/differences-from-excel.md §What Excel hands the functions), proved on the
 * shipped bundle: dist/functions.js loaded as Excel loads it, called with arguments marshalled as
 * dist/functions.json declares them.
 * Expected values come from the definition of each convention (Excel's date systems differ by 1,462
 * days; a lifted call equals one call per cell), not from our own earlier output.
 */
import { EmulatedExcel, type MetadataFile } from "../../scripts/fake-host/excelHost";
import { SAMPLE_AS_OF, SAMPLE_CURVES, positionsIn } from "../../src/sample/sampleBank";
import { HostContractViolation, HostError, distMetadata, excel, hostFunctions, loadBundle, loadExcelHost, rejected } from "../helpers/excelHost";

const DAYS_1904 = 1462;
const usd = positionsIn("USD");
const curve = SAMPLE_CURVES.USD.map((r) => [...r]);

/** The positions table with every date column moved into the 1904 date system. */
function in1904(table: unknown[][]): unknown[][] {
  const header = table[0].map(String);
  const dateCols = header.map((h, j) => (/^(Maturity|NextReset|Start)$/i.test(h) ? j : -1)).filter((j) => j >= 0);
  expect(dateCols.length).toBeGreaterThanOrEqual(2);
  return table.map((row, i) => (i === 0 ? row : row.map((v, j) => (dateCols.includes(j) && typeof v === "number" ? v - DAYS_1904 : v))));
}

describe("what the bundle registers", () => {
  test("associates exactly the functions functions.json declares, each once", () => {
    const { registered } = loadBundle();
    expect([...registered.keys()].sort()).toEqual(distMetadata().functions.map((f) => f.id).sort());
  });

  test("gives every parameter that may receive a range a matrix declaration, so a column arrives whole", async () => {
    const n = 5000;
    const amounts = Array.from({ length: n }, (_, i) => [((i % 7) - 3) * 10.25]);
    const dates = Array.from({ length: n }, (_, i) => [SAMPLE_AS_OF + 1 + (i % 3650)]);
    const t = (await excel.GAP(amounts, dates, SAMPLE_AS_OF)) as unknown[][];
    const total = t[t.length - 1];
    expect(total[0]).toBe("Total");
    const sum = (sign: number) => amounts.reduce((s, [a]) => s + (Math.sign(a) === sign ? Math.abs(a) : 0), 0);
    expect(total[3]).toBeCloseTo(sum(1), 6);
    expect(total[4]).toBeCloseTo(sum(-1), 6);
  });

  test("a range parameter wrongly declared scalar is caught: Excel would lift it cell by cell", async () => {
    const meta = distMetadata();
    const broken: MetadataFile = {
      functions: meta.functions.map((f) => (f.id === "GAP" ? { ...f, parameters: f.parameters.map((p) => (p.name === "amounts" ? { ...p, dimensionality: "scalar" } : p)) } : f)),
    };
    const wrong = hostFunctions(new EmulatedExcel(broken, loadBundle().registered));
    const amounts = [[100], [-40], [25]];
    const dates = [[SAMPLE_AS_OF + 10], [SAMPLE_AS_OF + 400], [SAMPLE_AS_OF + 4000]];
    const right = (await excel.GAP(amounts, dates, SAMPLE_AS_OF, null, null, false)) as unknown[][];
    const lifted = await wrong.GAP(amounts, dates, SAMPLE_AS_OF, null, null, false).catch((e) => e);
    expect(right[right.length - 1].slice(3)).toEqual([125, 40, 85, ""]);
    expect(lifted).not.toEqual(right);
  });
});

describe("how Excel passes arguments", () => {
  test("a range given to a single-valued parameter is lifted: one result per cell, equal to separate calls", async () => {
    const asOfs = [[SAMPLE_AS_OF], [SAMPLE_AS_OF + 365], ["2027-06-30"]];
    const flows = [[5], [105]];
    const dates = [[SAMPLE_AS_OF + 400], [SAMPLE_AS_OF + 800]];
    const lifted = await excel.NPV(flows, dates, asOfs, 0.04);
    const each = await Promise.all(asOfs.map(([a]) => excel.NPV(flows, dates, a, 0.04)));
    expect(lifted).toEqual(each.map((v) => [v]));
    expect(each[1]).toBeGreaterThan(each[0]); // the same flows valued a year later, at a positive rate
  });

  test("a single value given to a range parameter arrives as a 1×1 range and means the same", async () => {
    expect(await excel.DISCOUNT(0.03, 2)).toEqual(await excel.DISCOUNT([[0.03]], [[2]]));
    expect((await excel.DISCOUNT(0.03, 2)) as number[][]).toEqual([[Math.exp(-0.06)]]);
  });

  test("empty cells arrive as null in some Excel builds and as \"\" in others, with the same results", async () => {
    const blankTail = [...usd, usd[0].map(() => null), usd[0].map(() => null)];
    const asEmptyString = hostFunctions(loadExcelHost({ emptyCell: "" }));
    const a = await excel.REPRICINGGAP(blankTail, SAMPLE_AS_OF);
    const b = await asEmptyString.REPRICINGGAP(blankTail, SAMPLE_AS_OF);
    expect(b).toEqual(a);
    expect(a).toEqual(await excel.REPRICINGGAP(usd, SAMPLE_AS_OF));
  });

  test("an empty cell given to an optional argument means the argument is omitted", async () => {
    const omitted = await excel.BUCKETS("MONTHLY", SAMPLE_AS_OF);
    expect(await excel.BUCKETS("MONTHLY", SAMPLE_AS_OF, [[null]])).toEqual(omitted);
    expect(await hostFunctions(loadExcelHost({ emptyCell: "" })).BUCKETS("MONTHLY", SAMPLE_AS_OF, [[null]])).toEqual(omitted);
  });

  test("an error value in an argument is the result, and the function is not called", async () => {
    const e = await rejected(excel.GAP([[1], [new HostError("#N/A")]], [[SAMPLE_AS_OF + 1], [SAMPLE_AS_OF + 2]], SAMPLE_AS_OF));
    expect(e.code).toBe("#N/A");
  });

  test("a whole-result error is a CustomFunctions.Error whose message names the function, argument and row", async () => {
    const e = await rejected(excel.REPRICINGGAP([["Balance", "Rate", "Maturity"], [100, "3%", SAMPLE_AS_OF + 30]], SAMPLE_AS_OF));
    expect(e).toEqual({ code: "#VALUE!", message: expect.stringMatching(/^ALM\.REPRICINGGAP positions, row 2, column Rate: got the text "3%"/) });
  });

  test("no function returns what Excel could not show (NaN, null cells, a table from a single-value function)", async () => {
    // The host throws HostContractViolation for such a result; these calls cover every function once.
    const calls: [string, unknown[]][] = [
      ["DISCOUNT", [curve, [[1], [2]]]],
      ["ZERO", [curve, 3, "ANNUAL"]],
      ["FWD", [curve, 1, 5]],
      ["BOOTSTRAP", [[[1], [2], [5]], [[0.03], [0.032], [0.035]]]],
      ["NPV", [[[5], [105]], [[SAMPLE_AS_OF + 365], [SAMPLE_AS_OF + 730]], SAMPLE_AS_OF, curve]],
      ["DURATION", [[[5], [105]], [[SAMPLE_AS_OF + 365], [SAMPLE_AS_OF + 730]], SAMPLE_AS_OF, 0.04, "MODIFIED"]],
      ["CONVEXITY", [[[5], [105]], [[SAMPLE_AS_OF + 365], [SAMPLE_AS_OF + 730]], SAMPLE_AS_OF, 0.04]],
      ["BPV", [[[5], [105]], [[SAMPLE_AS_OF + 365], [SAMPLE_AS_OF + 730]], SAMPLE_AS_OF, curve]],
      ["KRD", [[[5], [105]], [[SAMPLE_AS_OF + 365], [SAMPLE_AS_OF + 730]], SAMPLE_AS_OF, curve]],
      ["DGAP", [4, 2, 1000, 900]],
      ["CASHFLOWS", [usd, SAMPLE_AS_OF]],
      ["BUCKETS", []],
      ["GAP", [[[1], [-1]], [[SAMPLE_AS_OF + 1], [SAMPLE_AS_OF + 50]], SAMPLE_AS_OF]],
      ["REPRICINGGAP", [usd, SAMPLE_AS_OF]],
      ["LIQUIDITYGAP", [usd, SAMPLE_AS_OF]],
      ["NMD", [1000, "NMD_WHOLESALE"]],
      ["SCENARIOS", []],
      ["SHOCKSIZES", ["USD"]],
      ["SHOCK", [curve, "STEEPENER", "USD"]],
      ["EVE", [usd, SAMPLE_AS_OF, curve]],
      ["DELTAEVE", [usd, SAMPLE_AS_OF, curve, "USD"]],
      ["STANDARDEVE", [usd, SAMPLE_AS_OF, curve, "USD"]],
      ["NII", [usd, SAMPLE_AS_OF, curve, "PARALLEL_UP", "USD"]],
      ["DELTANII", [usd, SAMPLE_AS_OF, curve, "USD"]],
      ["OUTLIERTEST", [usd, SAMPLE_AS_OF, [["Tenor", "USD"], [1, 0.03], [10, 0.035]], 1e9]],
      ["LCR", [120, 40, 20, 200, 100]],
      ["VERSION", []],
    ];
    expect(calls.map(([id]) => id).sort()).toEqual(distMetadata().functions.map((f) => f.id).sort());
    for (const [id, args] of calls) {
      const shown = await excel[id](...(args as never[]));
      expect({ id, kind: Array.isArray(shown) ? "matrix" : typeof shown }).toEqual({ id, kind: distMetadata().functions.find((f) => f.id === id)!.result?.dimensionality === "matrix" ? "matrix" : expect.any(String) });
    }
  });

  test("the host itself refuses results Excel could not show", async () => {
    const meta: MetadataFile = { functions: [{ id: "BAD", name: "BAD", parameters: [], result: {} }] };
    const host = new EmulatedExcel(meta, new Map([["BAD", () => Number.NaN]]));
    await expect(host.call("BAD", [])).rejects.toBeInstanceOf(HostContractViolation);
    const never = new EmulatedExcel(meta, new Map([["BAD", () => new Promise(() => undefined)]]), { timeoutMs: 50 });
    await expect(never.call("BAD", [])).rejects.toThrow(/#BUSY!/);
  });
});

describe("the workbook's date system", () => {
  const h1904 = hostFunctions(loadExcelHost({ dateSystem: 1904 }));

  test("a 1904 workbook's dates are read as the same days: the gap table equals the 1900 one, its dates counted in 1904", async () => {
    const t1900 = (await excel.REPRICINGGAP(usd, SAMPLE_AS_OF)) as unknown[][];
    const t1904 = (await h1904.REPRICINGGAP(in1904(usd), SAMPLE_AS_OF - DAYS_1904)) as unknown[][];
    expect(t1904.length).toBe(t1900.length);
    t1900.forEach((row, i) => {
      if (i === 0) return expect(t1904[0]).toEqual(row);
      // From/To are dates: 1,462 less in the 1904 system; every amount is the same.
      const shift = (v: unknown) => (typeof v === "number" ? v - DAYS_1904 : v);
      expect(t1904[i]).toEqual(row[0] === "Total" ? row : [row[0], shift(row[1]), shift(row[2]), ...row.slice(3)]);
    });
  });

  test("ISO text dates mean the same day in either system, and dates written out are in the workbook's system", async () => {
    const b1900 = (await excel.BUCKETS("MONTHLY", "2026-12-31", false)) as unknown[][];
    const b1904 = (await h1904.BUCKETS("MONTHLY", "2026-12-31", false)) as unknown[][];
    expect(b1900[0][1]).toBe(46387); // DATE(2026,12,31) in the 1900 system
    expect(b1904[0][1]).toBe(46387 - DAYS_1904);
    const f1900 = (await excel.CASHFLOWS(usd, SAMPLE_AS_OF, null, null, false)) as unknown[][];
    const f1904 = (await h1904.CASHFLOWS(in1904(usd), SAMPLE_AS_OF - DAYS_1904, null, null, false)) as unknown[][];
    expect(f1904).toEqual(f1900.map((r) => [(r[0] as number) - DAYS_1904, ...r.slice(1)]));
  });

  test("a valuation that does not depend on calendar dates is the same, and EVE of the same book agrees", async () => {
    const eve1900 = await excel.EVE(usd, SAMPLE_AS_OF, curve);
    const eve1904 = await h1904.EVE(in1904(usd), SAMPLE_AS_OF - DAYS_1904, curve);
    expect(eve1904).toBe(eve1900);
  });

  test("ALM.VERSION says which date system the functions read, and when it could not be told", async () => {
    expect(await excel.VERSION()).toMatch(/; 1900 date system$/);
    expect(await h1904.VERSION()).toMatch(/; 1904 date system$/);
    const blind = hostFunctions(loadExcelHost({ dateSystem: 1904, canReadDateSystem: false }));
    expect(await blind.VERSION()).toMatch(/1900 date system \(assumed: this Excel cannot tell the workbook's date system\)$/);
  });

  test("a call made before Excel has answered waits for the answer instead of guessing", async () => {
    const fresh = hostFunctions(loadExcelHost({ dateSystem: 1904 }));
    // Called synchronously after loading: the detection is still pending.
    expect(await fresh.BUCKETS("ANNUAL", 0, false).then((t: unknown[][]) => t[0][1])).toBe(0);
    expect(await fresh.VERSION()).toMatch(/1904 date system$/);
  });
});

describe("cells holding data types", () => {
  const table = (balance: unknown) => [usd[0], ...usd.slice(1, 4).map((r, i) => (i === 0 ? r.map((v, j) => (usd[0][j] === "Balance" ? balance : v)) : r))];

  test("a formatted number or a double with a number format is read as its basic value", async () => {
    const plainBalance = usd[1][usd[0].indexOf("Balance")] as number;
    const plain = await excel.REPRICINGGAP(table(plainBalance), SAMPLE_AS_OF);
    expect(await excel.REPRICINGGAP(table({ type: "Double", basicValue: plainBalance, numberFormat: "#,##0.00" }), SAMPLE_AS_OF)).toEqual(plain);
    expect(await excel.REPRICINGGAP(table({ type: "FormattedNumber", basicValue: plainBalance, numberFormat: "$#,##0" }), SAMPLE_AS_OF)).toEqual(plain);
    expect(await excel.NPV([[{ type: "Double", basicValue: 100 }]], [["2028-01-01"]], { type: "String", basicValue: "2026-01-01" }, 0, 0)).toBeCloseTo(100, 12);
  });

  test("an entity is a #VALUE! naming the argument, row and column", async () => {
    const entity = { type: "Entity", text: "Contoso bond", properties: { Balance: { type: "Double", basicValue: 5 } } };
    const e = await rejected(excel.REPRICINGGAP(table(entity), SAMPLE_AS_OF));
    const col = usd[0].indexOf("Balance") + 1;
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(`ALM.REPRICINGGAP positions, row 2, column ${col}: the cell holds a data type (Entity) with no plain number, text or TRUE/FALSE to compute with; expected a plain value (convert the cell to text or a number first)`);
    const single = await rejected(excel.DGAP({ type: "Entity", text: "x" }, 2, 100, 90));
    expect(single.message).toMatch(/^ALM\.DGAP asset_duration: the cell holds a data type \(Entity\)/);
  });
});
