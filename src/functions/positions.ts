import { AMORTIZATIONS, FREQUENCIES, NMD_CAPS, NMD_CATEGORIES, allocatePortfolio, type Portfolio } from "../engine/portfolio/portfolio";
import { BUSINESS_DAY_CONVENTIONS, adjust } from "../engine/time/businessDay";
import { CALENDARS } from "../engine/time/calendar";
import { CYCLE_DAYS, CYCLE_MONTHS } from "../engine/time/schedule";
import { MAX_SERIAL, addMonths, toIso } from "../engine/time/serialDate";
import { parseTenor } from "../engine/time/tenor";
import type { SerialDate } from "../engine/types";
import { choiceCell, dateCell, fail, isBlank, numberCell, toMatrix, type RowReader } from "./args";
import { collectRows, rowIssue, type RangeIssue } from "./cells";
import { toEngineSerial } from "./dateSystem";
import { messages, type Where } from "./messages";
import { BASIS_CODES, END_OF_MONTH, RATE_TYPES, SIDES, STUBS, columnOfHeader, type PositionColumnName } from "./schema/positions";

type Column = PositionColumnName;

/** Longest a position may run from as_of: 100 years, so a row never generates more than 1,200 payments. */
const MAX_YEARS = 100;

export interface PositionsOptions {
  /** Only rows of this currency count, when the table has a Currency column. */
  readonly currency?: string;
  /**
   * Amounts in different currencies are never added: without `currency`, a table whose Currency column
   * holds several currencies is a #VALUE! listing them — unless the caller converts them itself
   * (ALM.OUTLIERTEST, the task pane's multi-currency setup), which says `allow`.
   */
  readonly mixedCurrencies?: "reject" | "allow";
}

/**
 * Reads a positions range with its header row into a Portfolio. Columns are found by header name
 * (docs/functions.md, the positions table: any order, case- and space-insensitive, unknown columns ignored); fully blank rows
 * are skipped; the first bad value is a #VALUE! naming the column and the row (1-based within the
 * range, the header being row 1).
 */
export function parsePositions(raw: unknown, where: Where, asOf: SerialDate, options: PositionsOptions = {}): Portfolio {
  return readPositions(raw, where, asOf, options, (_, read) => read());
}

/**
 * Every problem the functions would report for a positions table, row by row, with the same messages
 * and row numbers (the task pane's validation report). Stops after `limit` bad rows. Without `asOf`
 * the checks against the as-of date are left out.
 */
export function positionsIssues(raw: unknown, where: Where, asOf: SerialDate | undefined, options: PositionsOptions = {}, limit = 100): RangeIssue[] {
  const issues: RangeIssue[] = [];
  const table = rowIssue(() => readPositions(raw, where, asOf, options, collectRows(issues, limit)));
  if (table) issues.unshift({ message: table.message });
  return issues;
}

function readPositions(raw: unknown, where: Where, asOf: SerialDate | undefined, options: PositionsOptions, eachRow: RowReader): Portfolio {
  const m = toMatrix(raw, where);
  if (m.length === 0) fail(messages.shape(where, "is empty; expected a header row and position rows"));
  const header = m[0];
  const index = new Map<Column, number>();
  const found: string[] = [];
  header.forEach((cell, j) => {
    if (typeof cell !== "string" || cell.trim() === "") return;
    found.push(cell.trim());
    const column = columnOfHeader(cell)?.name as Column | undefined;
    if (!column) return;
    if (index.has(column)) fail(messages.shape({ ...where, row: 1 }, `the column "${column}" appears twice`));
    index.set(column, j);
  });
  for (const required of ["Balance", "Rate"] as const) {
    if (!index.has(required)) fail(messages.missingColumn(where.fn, where.arg, required, found));
  }
  const col = (c: Column) => index.get(c) ?? -1;
  const cBalance = col("Balance"), cSide = col("Side"), cRate = col("Rate"), cMaturity = col("Maturity"), cType = col("Type");
  const cAmort = col("Amortization"), cFreq = col("Frequency"), cReset = col("NextReset"), cResetMonths = col("ResetMonths");
  const cSpread = col("Spread"), cBasis = col("Basis"), cCategory = col("Category"), cCoreShare = col("CoreShare");
  const cCoreMaturity = col("CoreMaturity"), cCpr = col("CPR"), cTdrr = col("TDRR"), cBeta = col("Beta"), cStart = col("Start");
  const cCap = col("Cap"), cFloor = col("Floor"), cMultiplier = col("Multiplier"), cFixingDays = col("FixingDays");
  const cFirstPayment = col("FirstPayment"), cPrincipalFreq = col("PrincipalFrequency"), cFirstPrincipal = col("FirstPrincipal");
  const cStub = col("Stub"), cBusinessDay = col("BusinessDay"), cCalendar = col("Calendar"), cEom = col("EndOfMonth");
  const cRedemption = col("Redemption"), cAccrued = col("AccruedInterest");
  // Tables without any contract-term column (most) skip their reader altogether.
  const anyTerms = [cMultiplier, cFixingDays, cFirstPayment, cFirstPrincipal, cStub, cBusinessDay, cCalendar, cEom, cRedemption, cAccrued].some((c) => c >= 0);
  const cId = col("Id"), cCurrency = col("Currency");
  const currency = options.currency?.trim().toUpperCase();
  const filterCurrency = currency !== undefined && cCurrency >= 0;
  const currencyCodes = new Map<unknown, string>();
  const currencyOf = (cell: unknown): string => {
    let code = currencyCodes.get(cell);
    if (code === undefined) currencyCodes.set(cell, (code = String(cell ?? "").trim().toUpperCase()));
    return code;
  };

  const keep: number[] = [];
  for (let r = 1; r < m.length; r++) {
    const row = m[r];
    if (row.every(isBlank)) continue;
    if (filterCurrency && currencyOf(row[cCurrency]) !== currency) continue;
    keep.push(r);
  }
  if (!filterCurrency && cCurrency >= 0 && options.mixedCurrencies !== "allow") {
    const codes = [...new Set(keep.map((k) => currencyOf(m[k][cCurrency])).filter((c) => c !== ""))];
    if (codes.length > 1) fail(messages.mixedCurrencies(where, codes));
  }
  if (!index.has("Maturity") && keep.some((r) => cCategory < 0 || isBlank(m[r][cCategory]))) {
    fail(messages.missingColumn(where.fn, where.arg, "Maturity", found));
  }

  const latestMaturity = asOf === undefined ? MAX_SERIAL : addMonths(asOf, 12 * MAX_YEARS);
  const p = allocatePortfolio(keep.length);
  // Cell readers with a fast path for well-formed cells; the Where of a message is only built on failure.
  let row: unknown[] = [];
  let r = 0;
  const at = (column: Column): Where => ({ ...where, row: r + 1, column });
  const has = (c: number) => c >= 0 && !isBlank(row[c]);
  const num = (c: number, column: Column, expected: string): number => {
    const v = row[c];
    return typeof v === "number" && Number.isFinite(v) ? v : numberCell(v, at(column), expected);
  };
  const date = (c: number, column: Column): SerialDate => {
    const v = row[c];
    const serial = typeof v === "number" ? toEngineSerial(v) : NaN;
    return serial >= 61 && serial <= MAX_SERIAL ? Math.trunc(serial) : dateCell(v, at(column));
  };
  const known = header.map(() => new Map<string, string>());
  const choice = <T extends string>(c: number, column: Column, choices: readonly T[]): T => {
    const v = row[c];
    if (typeof v !== "string") return choiceCell(v, at(column), choices);
    const hit = known[c].get(v);
    if (hit !== undefined) return hit as T;
    const parsed = choiceCell(v, at(column), choices);
    known[c].set(v, parsed);
    return parsed;
  };
  const fraction = (c: number, column: Column) => {
    const v = num(c, column, "a fraction between 0 and 1");
    if (v < 0 || v > 1) fail(messages.expected(at(column), v, "a fraction between 0 and 1"));
    return v;
  };
  /** A cycle cell, payments per year (1, 2, 4, 6, 12) or a tenor (nD, nW, nM, nY): months, or −days. */
  const cycleCell = (c: number, column: Column): number => {
    const v = row[c];
    const expected = "payments per year (1, 2, 4, 6 or 12) or a cycle such as 1M, 3M, 2W, 10D or 1Y";
    if (typeof v === "number") {
      if (!(FREQUENCIES as readonly number[]).includes(v)) fail(messages.expected(at(column), v, expected));
      return 12 / v;
    }
    const tenor = typeof v === "string" ? parseTenor(v) : undefined;
    if (!tenor || !(tenor.count >= 1)) fail(messages.expected(at(column), v, expected));
    const days = tenor.unit === "W" ? 7 * tenor.count : tenor.count;
    if (tenor.unit === "M" ? tenor.count > 1200 : days > 36500) fail(messages.expected(at(column), v, `${expected}, at most 100 years`));
    return tenor.unit === "M" ? tenor.count : -days;
  };
  /** An anchor date: on or after Start, on or before Maturity. */
  const anchorCell = (c: number, column: Column, i: number): SerialDate => {
    const d = date(c, column);
    if (p.maturity[i] > 0 && d > p.maturity[i]) fail(messages.dateExpected(at(column), toIso(d), `an anchor on or before the maturity (${toIso(p.maturity[i])})`));
    if (p.start[i] > 0 && d < p.start[i]) fail(messages.dateExpected(at(column), toIso(d), `an anchor on or after Start (${toIso(p.start[i])})`));
    return d;
  };
  /** The ACTUS contract terms: anchors, stubs, business days, redemption, accrued interest, floating projection. */
  const readTerms = (i: number, amortization: string, floating: boolean): void => {
    if (has(cFirstPayment)) p.firstPayment[i] = anchorCell(cFirstPayment, "FirstPayment", i);
    if (has(cFirstPrincipal)) {
      if (amortization === "BULLET") fail(messages.expected(at("FirstPrincipal"), row[cFirstPrincipal], "blank on a BULLET position, which repays all its principal at maturity"));
      p.firstPrincipal[i] = anchorCell(cFirstPrincipal, "FirstPrincipal", i);
    }
    if (has(cStub)) p.longStub[i] = choice(cStub, "Stub", STUBS) === "LONG" ? 1 : 0;
    if (has(cBusinessDay)) p.businessDay[i] = BUSINESS_DAY_CONVENTIONS.indexOf(choice(cBusinessDay, "BusinessDay", BUSINESS_DAY_CONVENTIONS));
    if (has(cCalendar)) p.calendar[i] = CALENDARS.indexOf(choice(cCalendar, "Calendar", CALENDARS));
    if (has(cEom)) p.endOfMonth[i] = choice(cEom, "EndOfMonth", END_OF_MONTH) === "EOM" ? 1 : 0;
    if (asOf !== undefined && p.maturity[i] > 0 && p.businessDay[i] > 0) {
      const convention = BUSINESS_DAY_CONVENTIONS[p.businessDay[i]];
      const paid = adjust(p.maturity[i], convention, CALENDARS[p.calendar[i]]);
      if (paid <= asOf) fail(messages.dateExpected(at("Maturity"), toIso(p.maturity[i]), `a maturity paid after as_of (${toIso(asOf)}); ${convention} on the ${CALENDARS[p.calendar[i]]} calendar moves it to ${toIso(paid)}`));
    }
    const sign = p.balance[i] < 0 ? -1 : 1;
    if (has(cRedemption)) {
      const amount = num(cRedemption, "Redemption", "a periodic principal payment or instalment");
      if (amortization === "BULLET") fail(messages.expected(at("Redemption"), amount, "blank on a BULLET position, which repays all its principal at maturity"));
      if (!(amount > 0)) fail(messages.expected(at("Redemption"), amount, "a positive payment: a redemption of 0 or less never amortises"));
      if (amortization === "ANNUITY" && p.category[i] === 0) {
        const interest = Math.abs(p.balance[i]) * p.rate[i] * (p.principalUnit[i] === CYCLE_DAYS ? p.principalCount[i] / 365 : p.principalCount[i] / 12);
        if (amount <= interest) fail(messages.expected(at("Redemption"), amount, `an instalment above one period's interest (${interest.toFixed(2)}); this one never amortises — use NEGATIVE for a negative amortiser`));
      }
      p.redemption[i] = sign * amount;
    }
    if (has(cAccrued)) {
      if (asOf !== undefined && p.start[i] > asOf) fail(messages.expected(at("AccruedInterest"), row[cAccrued], `blank on a forward-starting position (Start ${toIso(p.start[i])} is after as_of), which has accrued nothing`));
      p.accrued[i] = sign * num(cAccrued, "AccruedInterest", "interest accrued before as_of, as an amount");
    }
    if (has(cMultiplier)) p.multiplier[i] = num(cMultiplier, "Multiplier", "a factor on the index such as 1");
    if (has(cFixingDays)) {
      const days = num(cFixingDays, "FixingDays", "a whole number of business days, 0 or more");
      if (!Number.isInteger(days) || days < 0 || days > 366) fail(messages.expected(at("FixingDays"), days, "a whole number of business days between 0 and 366"));
      p.fixingDays[i] = days;
    }
    if (!floating && (has(cMultiplier) || has(cFixingDays))) {
      const column = has(cMultiplier) ? "Multiplier" : "FixingDays";
      fail(messages.expected(at(column), row[col(column)], "blank on a FIXED position (it applies at a floater's resets)"));
    }
  };
  const readRow = (rowIndex: number, i: number): void => {
    r = rowIndex;
    row = m[r];
    p.row[i] = r + 1;
    let balance = num(cBalance, "Balance", "an outstanding principal amount");
    if (has(cSide)) {
      if (balance < 0) fail(messages.expected(at("Balance"), balance, "a positive amount (the Side column gives the sign)"));
      const side = choice(cSide, "Side", SIDES);
      if (side === "L" || side === "LIABILITY") balance = -balance;
    }
    p.balance[i] = balance;
    p.rate[i] = num(cRate, "Rate", "an annual interest rate as a decimal (0.035 for 3.5 %)");
    if (has(cCategory)) {
      const category = choice(cCategory, "Category", NMD_CATEGORIES);
      p.category[i] = 1 + NMD_CATEGORIES.indexOf(category);
      const caps = NMD_CAPS[category];
      if (!has(cCoreShare)) fail(messages.missing(at("CoreShare")));
      if (!has(cCoreMaturity)) fail(messages.missing(at("CoreMaturity")));
      const share = fraction(cCoreShare, "CoreShare");
      if (share > caps.coreShare) fail(messages.expected(at("CoreShare"), share, `at most ${caps.coreShare}, the Basel cap on the core share of ${category} (SRP31 Table 4)`));
      const maturity = num(cCoreMaturity, "CoreMaturity", "an average maturity of core deposits in years");
      if (maturity < 0 || maturity > caps.coreMaturity) fail(messages.expected(at("CoreMaturity"), maturity, `between 0 and ${caps.coreMaturity} years, the Basel cap on the average maturity of core ${category} (SRP31 Table 4)`));
      if (share > 0 && maturity === 0) fail(messages.expected(at("CoreMaturity"), maturity, "a positive average maturity when CoreShare is above 0"));
      p.coreShare[i] = share;
      p.coreMaturity[i] = maturity;
    } else {
      if (cMaturity < 0 || isBlank(row[cMaturity])) fail(messages.missing(at("Maturity")));
      const maturity = date(cMaturity, "Maturity");
      if (asOf !== undefined && maturity <= asOf) fail(messages.dateExpected(at("Maturity"), toIso(maturity), `a maturity after as_of (${toIso(asOf)}); matured positions must be removed`));
      if (maturity > latestMaturity) fail(messages.dateExpected(at("Maturity"), toIso(maturity), `a maturity at most ${MAX_YEARS} years after as_of (${toIso(latestMaturity)}), which bounds the cash flows of a row`));
      p.maturity[i] = maturity;
    }
    const amortization = has(cAmort) ? choice(cAmort, "Amortization", AMORTIZATIONS) : "BULLET";
    p.amortization[i] = AMORTIZATIONS.indexOf(amortization);
    const cycle = has(cFreq) ? cycleCell(cFreq, "Frequency") : amortization === "BULLET" ? 12 : 1;
    p.cycleCount[i] = Math.abs(cycle);
    p.cycleUnit[i] = cycle < 0 ? CYCLE_DAYS : CYCLE_MONTHS;
    const principalCycle = has(cPrincipalFreq) ? cycleCell(cPrincipalFreq, "PrincipalFrequency") : cycle;
    p.principalCount[i] = Math.abs(principalCycle);
    p.principalUnit[i] = principalCycle < 0 ? CYCLE_DAYS : CYCLE_MONTHS;
    const floating = has(cType) && choice(cType, "Type", RATE_TYPES) === "FLOATING";
    if (floating) {
      if (p.category[i] > 0) fail(messages.expected(at("Type"), row[cType], "FIXED or blank for a non-maturity deposit"));
      if (!has(cReset)) fail(messages.missing(at("NextReset")));
      const reset = date(cReset, "NextReset");
      if ((asOf !== undefined && reset <= asOf) || reset > p.maturity[i]) {
        fail(messages.dateExpected(at("NextReset"), toIso(reset), `a date after as_of (${asOf === undefined ? "not given" : toIso(asOf)}) and on or before the maturity (${toIso(p.maturity[i])})`));
      }
      p.floating[i] = 1;
      p.nextReset[i] = reset;
    }
    if (has(cResetMonths)) {
      const months = num(cResetMonths, "ResetMonths", "a whole number of months between resets, 1 or more");
      if (!Number.isInteger(months) || months < 1 || months > 1200) fail(messages.expected(at("ResetMonths"), months, "a whole number of months between 1 and 1200"));
      p.resetMonths[i] = months;
    } else if (p.cycleUnit[i] === CYCLE_MONTHS) {
      p.resetMonths[i] = p.cycleCount[i];
    } else if (floating) {
      fail(messages.shape(at("ResetMonths"), `a value is required here: a floater whose Frequency is in days or weeks (${String(row[cFreq])}) needs its ResetMonths, the months between resets`));
    }
    if (has(cSpread)) {
      p.spread[i] = num(cSpread, "Spread", "a margin as a decimal");
      p.spreadGiven[i] = 1;
    }
    if (has(cBasis)) {
      const b = num(cBasis, "Basis", "a day-count code 0–4");
      if (!(BASIS_CODES as readonly number[]).includes(b)) fail(messages.unknownChoice(at("Basis"), b, BASIS_CODES.map(String)));
      p.basis[i] = b;
    }
    if (has(cCpr)) p.cpr[i] = fraction(cCpr, "CPR");
    if (has(cTdrr)) p.tdrr[i] = fraction(cTdrr, "TDRR");
    if (has(cBeta)) p.beta[i] = num(cBeta, "Beta", "a pass-through factor such as 0.4");
    if (has(cCap)) p.cap[i] = num(cCap, "Cap", "a cap rate as a decimal");
    if (has(cFloor)) p.floor[i] = num(cFloor, "Floor", "a floor rate as a decimal");
    if (p.cap[i] < p.floor[i]) fail(messages.expected(at("Cap"), row[cCap], `a cap at or above the Floor (${p.floor[i]})`));
    if (has(cStart)) {
      const start = date(cStart, "Start");
      if (p.maturity[i] > 0 && start >= p.maturity[i]) fail(messages.dateExpected(at("Start"), toIso(start), `an origination date before the maturity (${toIso(p.maturity[i])})`));
      p.start[i] = start;
    }
    if (anyTerms) readTerms(i, amortization, floating);
    if (has(cId)) p.id[i] = String(row[cId]);
    if (cCurrency >= 0 && !isBlank(row[cCurrency])) p.currency[i] = currencyOf(row[cCurrency]);
  };
  keep.forEach((rowIndex, i) => eachRow(rowIndex + 1, () => readRow(rowIndex, i)));
  return p;
}
