/**
 * ACTUS reference test contracts (test/golden/actus/, from actusfrf/actus-tests) as rows of the positions
 * table. `stateContract` either gives the row, the `as_of` it is stated at, the index fixings a floater
 * needs and the window of ACTUS's events the row must reproduce, or every reason it cannot: each reason
 * names the ACTUS term and its value. It is strict: a contract is stated only when the columns reproduce
 * all of its terms, so that the flows the engine generates for the row must equal ACTUS's events.
 * Nothing here is derived from the engine's output; where the row needs a number the terms imply but do
 * not give (a maturity, an instalment, a balance after a redemption on the exchange day), it is computed
 * here from the terms, the way ACTUS's reference implementation does, as noted at each rule.
 *
 * Mapping (ACTUS term → column):
 * - contractType PAM/LAM/ANN/NAM → Amortization BULLET/LINEAR/ANNUITY/NEGATIVE; contractRole RPA/RPL → Side A/L;
 *   notionalPrincipal → Balance (unsigned, like every amount); nominalInterestRate → Rate;
 *   dayCountConvention A360/A365/30E360 → Basis 2/3/4 (AA, Actual/Actual ISDA, is not Excel's basis 1: a reason).
 * - cycleOfInterestPayment PnXs → Frequency (payments a year where n months divide a year, else the tenor
 *   nD/nW/nM); cycleAnchorDateOfInterestPayment (default initialExchangeDate + cycle) → FirstPayment;
 *   cycleOfPrincipalRedemption / its anchor → PrincipalFrequency / FirstPrincipal where they differ.
 *   The stub s (L0 long, L1 short) → Stub. A stub changes a schedule only when its end is off the cycle,
 *   so only such a stub is material; two material stubs that differ are a reason. For ANN and NAM, ACTUS
 *   pays interest on the principal dates once they start (techspec, NAM IP schedule (u, v)), so the
 *   interest stub matters only before the first principal date.
 * - businessDayConvention → BusinessDay; calendar (MF/MondayToFriday → WEEKENDS, NC/blank → NONE) →
 *   Calendar; endOfMonthConvention → EndOfMonth.
 * - nextPrincipalRedemptionPayment → Redemption. Without it the default of the row (the amount that
 *   amortises to zero at maturity) is ACTUS's default: for LAM the notional over the number of principal
 *   dates (maturity included), for ANN the level instalment discounted from the last interest date before
 *   the first principal date (checked against ACTUS's results: ann01, ann07, ann15, ann23). An ANN whose
 *   amortizationDate differs from its maturityDate has its instalment computed here to amortizationDate.
 * - Floating (cycleOfRateReset in whole months): Type FLOATING, NextReset = the first reset date after
 *   as_of, ResetMonths, Spread = rateSpread, Multiplier = rateMultiplier, Rate = nominalInterestRate (the
 *   rate until that reset), and the index fixings from dataObserved. nextResetRate (a rate fixed for the
 *   first reset) has no column: a reason. fixingDays other than P0D is a reason: ACTUS's results observe
 *   the index on the reset date itself (lam14, nam13, ann16 give P2D and still use the reset date's fixing).
 *   A long reset stub that drops a reset before maturity is a reason (resets have no Stub column), and so
 *   is a reset schedule the engine cannot follow: it resets on EDATE(NextReset, k·ResetMonths) while ACTUS
 *   steps from its anchor, so an anchor on the 31st reached through a shorter month drifts (lam24: ACTUS
 *   resets on 2014-05-31, EDATE(2013-11-30, 6) is 2014-05-30, which would also miss the fixing of the 31st).
 *   A reset on or before as_of: see capitalizationEndDate; otherwise a reason (interest accrued to as_of
 *   at two rates has no column).
 *
 * Judgement calls:
 * - as_of is statusDate when the contract has started by then. A contract starting after statusDate is
 *   stated forward-starting at statusDate (Start after as_of; its initial exchange is compared as
 *   principal) unless the exchange is not the plain balance (premiumDiscountAtIED), interest is already
 *   accrued at the exchange (accruedInterest) or principal is redeemed on the exchange day; those are
 *   stated at initialExchangeDate, after the exchange day's events, which are not compared.
 * - A principal anchor on the initial exchange date: ACTUS redeems on the exchange day. Stated at
 *   initialExchangeDate with Balance = notional less that redemption (nextPrincipalRedemptionPayment; for
 *   an ANN without it, the level instalment over all principal dates, computed here; a NAM's redemption on
 *   that day has no interest to pay), FirstPrincipal the next principal date.
 * - accruedInterest: the accrued interest ACTUS carries at statusDate (unsigned; RPL makes it a liability's,
 *   nam04). When it is paid on or before as_of (an interest date on the exchange day, pam14) it is among
 *   the as_of events and no column is needed; otherwise it is AccruedInterest. Without it, a contract
 *   already running at statusDate with no interest date between its start and statusDate accrues from
 *   statusDate in ACTUS (lam21: 75 days from 2012-12-15, not 85 from the 2012-12-05 exchange), so the
 *   row says AccruedInterest 0.
 * - purchaseDate / terminationDate change the holder, not the contract's flows: the row states the whole
 *   contract and ACTUS's events are compared strictly after purchaseDate and up to terminationDate; the
 *   PRD and TD payoffs (prices, accrued interest) are not flows of the contract and are not compared.
 * - capitalizationEndDate: stated at capitalizationEndDate with AccruedInterest 0 and Balance the notional
 *   capitalised here from the terms: from initialExchangeDate, interest accrues on the balance at the rate
 *   in force and is added to it on each interest date up to and on capitalizationEndDate (pam18, keeping
 *   the last regular date before it under a long stub: 2013-05-01 and 2013-05-20); an interest cycle
 *   anchored after capitalizationEndDate capitalises on that date only (ann14: 5000 + 181 days at 8 %).
 *   A reset before it changes the rate from its date on, Multiplier × the latest fixing on or before the
 *   reset date + Spread, as the engine projects resets; on a day with both, the interest is capitalised at
 *   the rate before the reset (lam22, nam19 on 2013-07-01; lam24, nam22); Rate is the rate set by the last
 *   reset on or before as_of, NextReset the first after it. Interest dates stay on the interest cycle
 *   after it, as ACTUS's results show (the techspec would re-anchor them there). An ANN's instalment is
 *   then ACTUS's default recomputed on the capitalised notional, the level instalment over the principal
 *   dates with interest from the last interest date before the first of them (ann14: 762.518135 on
 *   5198.356164 from 2013-09-01; on the 5000 at the exchange it would be 733.42, from capitalizationEndDate
 *   772.81): the row's default Redemption, computed by the engine at as_of. A LAM's or NAM's maturity
 *   derived from its redemption uses the notional at the exchange, not the capitalised one (lam22: MD
 *   2014-07-01, nam19: 2014-08-01). Reasons: a capitalisation or reset date up to capitalizationEndDate
 *   that is not a business day under a shifting convention (pam19 has SCF on MondayToFriday, but its
 *   capitalisations, 2013-01-01 and 2013-07-01, fall on business days: no result shows what ACTUS
 *   accrues between shifted capitalisation dates), an ANN with nextPrincipalRedemptionPayment (no result
 *   shows whether ACTUS keeps it or recomputes it), and capitalizationEndDate before as_of.
 * - maturityDate or amortizationDate at T23:59:59: ACTUS accrues through that day (pam25: 61 days to
 *   2013-12-31T23:59:59 from 2013-11-01) but dates the event on it; no whole-day date states that: a reason.
 * - No maturityDate: LAM from the redemption amount as ACTUS's implementation does, anchor +
 *   (ceil(notional / redemption) − 1) principal cycles (lam01, lam02, lam05–lam07: the techspec's formula
 *   has no −1 but the results do); ANN with amortizationDate: that date (ACTUS pays the MD there, ann07,
 *   ann13); ANN with a redemption amount only: anchor + (n − 1) cycles with n = ceil(N / (R − N·Y·r))
 *   (techspec Md, the same −1; ann11, ann28); NAM the same, techspec NAM Md with the −1 (nam19: n =
 *   ceil(5000 / (500 − 5000 · 31/365 · 8 %)) = 11, MD 2014-08-01 = 2013-10-01 + 10 months).
 * - A rate-reset cycle not in whole months, interestCalculationBase other than NT and scaling are reasons.
 */

/** One event of an ACTUS test's expected `results`. Amounts are numbers or numeric strings in the files. */
export interface ActusEvent {
  readonly eventDate: string;
  readonly eventType: string;
  readonly payoff: number | string;
}

/** Observed market data: `{ code: { identifier, data: [{ timestamp, value }] } }`. */
export type ActusData = Readonly<Record<string, { readonly data: readonly { readonly timestamp: string; readonly value: number | string }[] }>>;

/** One contract of an ACTUS test file (`{ identifier: contract }`). */
export interface ActusContract {
  readonly identifier: string;
  readonly terms: Readonly<Record<string, string | number>>;
  /** The horizon ACTUS evaluated the contract to (blank: to maturity). */
  readonly to?: string;
  readonly dataObserved?: ActusData;
  readonly results: readonly ActusEvent[];
}

/** The positions-table row for a contract, and what of ACTUS's events it must reproduce. */
export interface Statement {
  readonly header: readonly string[];
  readonly row: readonly (string | number)[];
  /** ISO date used as `as_of`. */
  readonly asOf: string;
  /** Events are compared strictly after this date (as_of, or purchaseDate when later). */
  readonly from: string;
  /** ISO date of the last event compared (ACTUS's `to`, or terminationDate), when earlier than maturity. */
  readonly horizon?: string;
  /** The index fixings of a floater: a header row `Date, Rate`, then ISO dates and rates. */
  readonly index?: readonly (readonly (string | number)[])[];
  /** +1 for an asset (RPA), −1 for a liability (RPL). */
  readonly sign: 1 | -1;
}

export type Conversion = { readonly stated: true; readonly statement: Statement } | { readonly stated: false; readonly reasons: readonly string[] };

/**
 * Every reason starts with one of these phrases (the ACTUS term it is about). The conformance test checks
 * that no other kind of reason appears, so a new one is a deliberate change here.
 */
export const REASON_PHRASES = [
  "contractType",
  "contractRole",
  "dayCountConvention",
  "calendar",
  "rate reset",
  "nextResetRate",
  "fixingDays",
  "capitalizationEndDate",
  "scaling",
  "interestCalculationBase",
  "no maturityDate",
  "maturityDate",
  "cycleOfInterestPayment",
  "cycleOfPrincipalRedemption",
  "interest anchor",
  "principal anchor",
  "stub",
  "nextPrincipalRedemptionPayment",
  "amortizationDate",
  "term",
] as const;

/** Terms this converter reads, or knows to leave the compared flows unchanged. Any other term is a reason. */
const KNOWN_TERMS = new Set([
  "contractID", "contractType", "contractRole", "contractDealDate", "currency", "statusDate", "initialExchangeDate", "maturityDate",
  "notionalPrincipal", "nominalInterestRate", "dayCountConvention", "businessDayConvention", "calendar", "endOfMonthConvention",
  "cycleOfInterestPayment", "cycleAnchorDateOfInterestPayment", "cycleOfPrincipalRedemption", "cycleAnchorDateOfPrincipalRedemption",
  "nextPrincipalRedemptionPayment", "amortizationDate", "accruedInterest", "premiumDiscountAtIED", "purchaseDate", "priceAtPurchaseDate",
  "terminationDate", "priceAtTerminationDate", "cycleOfRateReset", "cycleAnchorDateOfRateReset", "marketObjectCodeOfRateReset",
  "rateSpread", "rateMultiplier", "nextResetRate", "fixingDays", "capitalizationEndDate", "interestCalculationBase",
  "interestCalculationBaseAmount", "cycleOfInterestCalculationBase", "cycleAnchorDateOfInterestCalculationBase", "scalingEffect",
  "marketObjectCodeOfScalingIndex", "scalingIndexAtContractDealDate", "notionalScalingMultiplier", "interestScalingMultiplier",
  "cycleOfScalingIndex", "cycleAnchorDateOfScalingIndex",
]);

/** ACTUS day-count codes whose accrual is exactly an Excel basis. `AA` (Actual/Actual ISDA) is not Excel's basis 1. */
const BASIS_OF_DAY_COUNT: Readonly<Record<string, number>> = { A360: 2, A365: 3, "30E360": 4 };

const CALENDARS: Readonly<Record<string, string>> = { "": "NONE", NC: "NONE", NOCALENDAR: "NONE", MF: "WEEKENDS", MONDAYTOFRIDAY: "WEEKENDS", TARGET: "TARGET" };
const CONVENTIONS = ["NOS", "SCF", "SCMF", "CSF", "CSMF", "SCP", "SCMP", "CSP", "CSMP"];

interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const iso = (s: string | number): string => String(s).trim().slice(0, 10);
const ymd = (s: string): Ymd => ({ y: Number(s.slice(0, 4)), m: Number(s.slice(5, 7)), d: Number(s.slice(8, 10)) });
const show = ({ y, m, d }: Ymd): string => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** EDATE: the same day `months` later, clamped to the month's end; `eom` keeps a month-end anchor on month ends. */
function addMonths(date: string, months: number, eom = false): string {
  const { y, m, d } = ymd(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  const end = eom && d === lastDay(y, m);
  return show({ y: ny, m: nm, d: end ? lastDay(ny, nm) : Math.min(d, lastDay(ny, nm)) });
}

/** Excel serial (1900 date system) of an ISO date. */
export function serialOf(date: string): number {
  const { y, m, d } = ymd(date);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Excel serial → ISO date. */
export function isoOfSerial(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/** Year fraction under an ACTUS day count this helper maps (independent of the engine's). */
function yearFraction(code: string, from: string, to: string): number {
  const days = serialOf(to) - serialOf(from);
  if (code === "A360") return days / 360;
  if (code === "A365") return days / 365;
  const a = ymd(from);
  const b = ymd(to);
  return (360 * (b.y - a.y) + 30 * (b.m - a.m) + (Math.min(b.d, 30) - Math.min(a.d, 30))) / 360;
}

/** An ACTUS cycle `PnXLs`. */
interface Cycle {
  readonly n: number;
  readonly unit: "D" | "W" | "M";
  /** Whole months, or undefined for days and weeks. */
  readonly months?: number;
  readonly stub: "LONG" | "SHORT";
  readonly text: string;
}

function parseCycle(text: string): Cycle | undefined {
  const match = /^P(\d+)([DWMQHY])L([01])$/.exec(text.trim());
  if (!match) return undefined;
  const n = Number(match[1]);
  const stub = match[3] === "0" ? "LONG" : "SHORT";
  const per: Record<string, number> = { M: 1, Q: 3, H: 6, Y: 12 };
  if (match[2] in per) return { n: n * per[match[2]], unit: "M", months: n * per[match[2]], stub, text };
  return { n, unit: match[2] as "D" | "W", stub, text };
}

/** The k-th date of a cycle from its anchor. */
function step(anchor: string, cycle: Cycle, k: number, eom: boolean): string {
  if (cycle.months !== undefined) return addMonths(anchor, k * cycle.months, eom);
  return isoOfSerial(serialOf(anchor) + k * cycle.n * (cycle.unit === "W" ? 7 : 1));
}

/** A cycle as the Frequency column writes it: payments a year when the months divide a year, else a tenor. */
function frequencyOf(cycle: Cycle): number | string {
  if (cycle.months !== undefined && [1, 2, 3, 6, 12].includes(cycle.months)) return 12 / cycle.months;
  if (cycle.months !== undefined) return cycle.months % 12 === 0 ? `${cycle.months / 12}Y` : `${cycle.months}M`;
  return `${cycle.n}${cycle.unit}`;
}

/**
 * ACTUS's schedule S(anchor, cycle, end): anchor + k·cycle before `end`, the last of them dropped by a long
 * stub when it is not a whole cycle before `end`, then `end` itself.
 */
function schedule(anchor: string, cycle: Cycle, end: string, eom: boolean): string[] {
  const dates: string[] = [];
  for (let k = 0; ; k++) {
    const date = step(anchor, cycle, k, eom);
    if (date >= end) break;
    dates.push(date);
  }
  if (cycle.stub === "LONG" && dates.length > 1 && step(anchor, cycle, dates.length, eom) !== end) dates.pop();
  return [...dates, end];
}

/** Whether `end` is on the cycle from `anchor` (so that the stub changes nothing). */
function onCycle(anchor: string, cycle: Cycle, end: string, eom: boolean): boolean {
  for (let k = 0; ; k++) {
    const date = step(anchor, cycle, k, eom);
    if (date === end) return true;
    if (date > end) return false;
  }
}

const number = (v: string | number | undefined): number => Number(String(v ?? "").trim());
const blank = (v: string | number | undefined): boolean => v === undefined || String(v).trim() === "";

/** The level instalment that repays `balance` on `dates`, interest accruing from `start` (ACTUS's annuity). */
function levelInstalment(balance: number, rate: number, dayCount: string, start: string, dates: readonly string[]): number {
  let discount = 1;
  let sum = 0;
  let previous = start;
  for (const date of dates) {
    discount /= 1 + rate * yearFraction(dayCount, previous, date);
    sum += discount;
    previous = date;
  }
  return balance / sum;
}

/** The contract as a row of the positions table, or why it cannot be one. */
export function stateContract(contract: ActusContract): Conversion {
  const t = contract.terms;
  const term = (name: string): string => String(t[name] ?? "").trim();
  const date = (name: string): string | undefined => (blank(t[name]) ? undefined : iso(term(name)));
  const reasons: string[] = [];

  for (const name of Object.keys(t)) if (!KNOWN_TERMS.has(name) && !blank(t[name])) reasons.push(`term ${name} ${term(name)} (not read by this converter)`);

  const type = term("contractType");
  const amortization = ({ PAM: "BULLET", LAM: "LINEAR", ANN: "ANNUITY", NAM: "NEGATIVE" } as Record<string, string | undefined>)[type];
  if (!amortization) reasons.push(`contractType ${type}`);
  const amortizing = type === "LAM" || type === "ANN" || type === "NAM";
  const instalments = type === "ANN" || type === "NAM";

  const role = term("contractRole");
  if (role !== "RPA" && role !== "RPL") reasons.push(`contractRole ${role}`);
  const sign = role === "RPL" ? -1 : 1;

  const dayCount = term("dayCountConvention");
  const basis = BASIS_OF_DAY_COUNT[dayCount];
  if (basis === undefined) reasons.push(`dayCountConvention ${dayCount}${dayCount === "AA" ? " (Actual/Actual ISDA is not Excel basis 1)" : ""}`);

  const calendar = CALENDARS[term("calendar").toUpperCase()];
  if (calendar === undefined) reasons.push(`calendar ${term("calendar")}`);
  const bdc = term("businessDayConvention") || "NOS";
  if (!CONVENTIONS.includes(bdc)) reasons.push(`calendar (businessDayConvention ${bdc})`);
  const eomText = term("endOfMonthConvention") || "SD";
  const eom = eomText === "EOM";

  const capitalizationEnd = date("capitalizationEndDate");
  if (!blank(t.scalingEffect) || !blank(t.marketObjectCodeOfScalingIndex)) reasons.push(`scaling (scalingEffect ${term("scalingEffect") || "?"})`);
  const icb = term("interestCalculationBase");
  if (icb !== "" && icb !== "NT") reasons.push(`interestCalculationBase ${icb}`);

  // ACTUS reads 23:59:59 as the end of the day (techspec, Date/Time): interest accrues through that day,
  // while the event is dated on it; a row's dates are whole days.
  for (const name of ["maturityDate", "amortizationDate"]) {
    if (/T23:59:59/.test(term(name))) reasons.push(`${name} ${term(name)} (ACTUS accrues to the end of that day; the table's dates are whole days)`);
  }

  const statusDate = iso(term("statusDate"));
  const ied = iso(term("initialExchangeDate"));
  const notional = number(t.notionalPrincipal);
  const rate = number(t.nominalInterestRate);

  // Interest schedule.
  const ipCycle = parseCycle(term("cycleOfInterestPayment"));
  if (!ipCycle) reasons.push(`cycleOfInterestPayment ${term("cycleOfInterestPayment") || "(none)"}`);
  const ipAnchor = date("cycleAnchorDateOfInterestPayment") ?? (ipCycle ? step(ied, ipCycle, 1, eom) : ied);
  if (ipAnchor < ied) reasons.push(`interest anchor ${ipAnchor} before initialExchangeDate ${ied}`);

  // Principal schedule.
  const prCycle = amortizing ? parseCycle(term("cycleOfPrincipalRedemption")) : undefined;
  if (amortizing && !prCycle) reasons.push(`cycleOfPrincipalRedemption ${term("cycleOfPrincipalRedemption") || "(none)"}`);
  const prAnchor = amortizing ? (date("cycleAnchorDateOfPrincipalRedemption") ?? (prCycle ? step(ied, prCycle, 1, eom) : ied)) : undefined;
  if (prAnchor !== undefined && prAnchor < ied) reasons.push(`principal anchor ${prAnchor} before initialExchangeDate ${ied}`);
  const redemptionOnExchange = prAnchor === ied;
  const given = blank(t.nextPrincipalRedemptionPayment) ? undefined : number(t.nextPrincipalRedemptionPayment);

  // Maturity: given, or derived as ACTUS derives it.
  const amortizationDate = date("amortizationDate");
  let maturity = date("maturityDate");
  if (!maturity && prCycle && prAnchor) {
    if (type === "LAM" && given !== undefined) maturity = step(prAnchor, prCycle, Math.ceil(notional / given) - 1, eom);
    else if (type === "ANN" && amortizationDate) maturity = amortizationDate;
    else if ((type === "ANN" || type === "NAM") && given !== undefined && basis !== undefined) {
      const interest = notional * yearFraction(dayCount, prAnchor, step(prAnchor, prCycle, 1, eom)) * rate;
      maturity = given > interest ? step(prAnchor, prCycle, Math.ceil(notional / (given - interest)) - 1, eom) : undefined;
    }
  }
  if (!maturity) reasons.push("no maturityDate (nothing to derive it from)");

  // as_of, and the window of compared events.
  const purchase = date("purchaseDate");
  const termination = date("terminationDate");
  const accrued = blank(t.accruedInterest) ? undefined : number(t.accruedInterest);
  const pdied = blank(t.premiumDiscountAtIED) ? 0 : number(t.premiumDiscountAtIED);
  const forward = ied > statusDate && pdied === 0 && accrued === undefined && !redemptionOnExchange && !capitalizationEnd;
  let asOf = ied > statusDate && !forward ? ied : statusDate;
  if (capitalizationEnd && capitalizationEnd > asOf) asOf = capitalizationEnd;
  if (capitalizationEnd && capitalizationEnd < asOf) reasons.push(`capitalizationEndDate ${capitalizationEnd} before as_of ${asOf} (the notional at as_of is not known)`);
  if (maturity && maturity <= asOf) reasons.push(`maturityDate ${maturity} not after ${asOf}`);
  const from = purchase !== undefined && purchase > asOf ? purchase : asOf;
  const to = [blank(contract.to) ? undefined : iso(contract.to ?? ""), termination].filter((d): d is string => d !== undefined).sort()[0];

  const columns: [string, string | number][] = [];
  const put = (name: string, value: string | number) => columns.push([name, value]);

  if (maturity && ipCycle && (!amortizing || (prCycle && prAnchor))) {
    // Stubs: which schedule ends off its cycle.
    const stubs: string[] = [];
    const prEnd = amortizing && prCycle && prAnchor ? !onCycle(prAnchor, prCycle, maturity, eom) : false;
    if (prEnd && prCycle) stubs.push(prCycle.stub);
    if (instalments && prCycle && prAnchor) {
      // Interest follows the principal dates from the first one; before it, the interest cycle runs to one
      // principal cycle before the principal anchor (ACTUS NAM/ANN IP schedule u), which must be on it.
      if (ipCycle.n !== prCycle.n || ipCycle.unit !== prCycle.unit) reasons.push(`cycleOfInterestPayment ${ipCycle.text} differs from cycleOfPrincipalRedemption ${prCycle.text} (ACTUS pays interest on the principal dates)`);
      if (ipAnchor > prAnchor) reasons.push(`interest anchor ${ipAnchor} after the principal anchor ${prAnchor}`);
      const uEnd = step(prAnchor, prCycle, -1, eom);
      if (uEnd >= ipAnchor && !onCycle(ipAnchor, ipCycle, uEnd, eom)) reasons.push(`interest anchor ${ipAnchor}: its cycle does not reach ${uEnd}, one principal cycle before the principal anchor`);
      if (!onCycle(ipAnchor, ipCycle, prAnchor, eom)) reasons.push(`interest anchor ${ipAnchor}: the principal anchor ${prAnchor} is not on its cycle`);
    } else if (!onCycle(ipAnchor, ipCycle, maturity, eom)) stubs.push(ipCycle.stub);
    if (new Set(stubs).size > 1) reasons.push(`stub: cycleOfInterestPayment ${ipCycle.text} and cycleOfPrincipalRedemption ${prCycle?.text ?? ""} end off their cycles with different stubs`);

    put("Id", contract.identifier);
    put("Side", role === "RPL" ? "L" : "A");
    let balance = notional;
    let firstPrincipal = prAnchor;
    let redemption = given;

    if (amortizing && prCycle && prAnchor && basis !== undefined) {
      const end = type === "ANN" && amortizationDate ? amortizationDate : maturity;
      const prDates = schedule(prAnchor, prCycle, end, eom);
      // ACTUS's ANN instalment accrues from the last interest date before the first principal date.
      const ipBefore = schedule(ipAnchor, ipCycle, maturity, eom).filter((d) => d < prAnchor);
      const accrualStart = ipBefore.length > 0 ? ipBefore[ipBefore.length - 1] : ied;
      const level = type === "ANN" && given === undefined ? levelInstalment(notional, rate, dayCount, accrualStart, prDates) : undefined;
      if (type === "ANN" && given === undefined && amortizationDate && amortizationDate !== maturity) redemption = level;
      if (type === "NAM" && given === undefined) reasons.push("nextPrincipalRedemptionPayment (none; a NAM needs its instalment)");
      if (redemptionOnExchange) {
        // The exchange day's redemption: LAM the redemption, ANN the instalment, NAM the instalment less no interest.
        const paid = type === "LAM" ? (given ?? notional / prDates.length) : (given ?? level ?? 0);
        balance = notional - Math.min(paid, notional);
        firstPrincipal = step(prAnchor, prCycle, 1, eom);
      }
    }

    // Rate resets: ACTUS's reset dates from the anchor, and the rate a reset sets, Multiplier × the latest
    // fixing on or before the reset date + Spread, as the engine projects it from the index.
    const floatingTerms = !blank(t.cycleOfRateReset) || !blank(t.cycleAnchorDateOfRateReset) || !blank(t.nextResetRate);
    const rrCycle = floatingTerms ? parseCycle(term("cycleOfRateReset")) : undefined;
    const spread = blank(t.rateSpread) ? 0 : number(t.rateSpread);
    const multiplier = blank(t.rateMultiplier) ? 1 : number(t.rateMultiplier);
    const code = term("marketObjectCodeOfRateReset");
    const observed = (contract.dataObserved?.[code]?.data ?? []).map((x) => ({ date: iso(x.timestamp), value: number(x.value) })).sort((a, b) => (a.date < b.date ? -1 : 1));
    const resetRate = (d: string): number | undefined => {
      const fixing = observed.filter((x) => x.date <= d).pop();
      return fixing === undefined ? undefined : multiplier * fixing.value + spread;
    };
    let resets: string[] = [];
    if (floatingTerms) {
      if (!rrCycle || rrCycle.months === undefined) reasons.push(`rate reset (cycleOfRateReset ${term("cycleOfRateReset") || "(none)"}: not in whole months)`);
      if (!blank(t.nextResetRate)) reasons.push(`nextResetRate ${term("nextResetRate")} (a rate set for the first reset; no column)`);
      const fixing = term("fixingDays");
      if (fixing !== "" && fixing !== "P0D") reasons.push(`fixingDays ${fixing} (ACTUS's results observe the index on the reset date itself)`);
      if (!blank(t.rateMultiplier) && multiplier === 0) reasons.push("rate reset (rateMultiplier 0)");
      if (observed.length === 0) reasons.push(`rate reset (no data observed for ${code || "(no market object)"})`);
      if (rrCycle && rrCycle.months !== undefined) {
        const rrAnchor = date("cycleAnchorDateOfRateReset") ?? step(ied, rrCycle, 1, eom);
        if (eom && ymd(rrAnchor).d === lastDay(ymd(rrAnchor).y, ymd(rrAnchor).m) && ymd(rrAnchor).d < 31) reasons.push(`rate reset (anchor ${rrAnchor} on a month end under EOM)`);
        resets = schedule(rrAnchor, rrCycle, maturity, eom).slice(0, -1);
        const grid = schedule(rrAnchor, { ...rrCycle, stub: "SHORT" }, maturity, eom).slice(0, -1);
        if (resets.length !== grid.length) reasons.push(`rate reset (cycleOfRateReset ${rrCycle.text}: the long stub drops the reset on ${grid[grid.length - 1]})`);
        // The engine resets on EDATE(NextReset, k·ResetMonths); ACTUS steps from its anchor.
        const ahead = resets.filter((d) => d > asOf);
        const drift = ahead.findIndex((d, k) => d !== addMonths(ahead[0], k * (rrCycle.months ?? 0)));
        if (drift > 0) reasons.push(`rate reset (cycleOfRateReset ${rrCycle.text} from ${rrAnchor}: ACTUS resets on ${ahead[drift]}, EDATE(NextReset ${ahead[0]}, ${drift * rrCycle.months}) is ${addMonths(ahead[0], drift * rrCycle.months)})`);
        const before = resets.filter((d) => d <= asOf && d >= ied);
        // A reset on or before as_of sets the rate in force at as_of; only capitalisation (below) accrues
        // the interest up to as_of at the rates in force, so that the row starts afresh there.
        if (before.length > 0 && !(capitalizationEnd && capitalizationEnd === asOf)) reasons.push(`rate reset (a reset on ${before[0]} on or before as_of ${asOf}: the interest accrued to as_of at two rates has no column)`);
        for (const d of before) if (resetRate(d) === undefined) reasons.push(`rate reset (no fixing of ${code} on or before the reset on ${d})`);
      }
    }
    // The rate in force at as_of: the last reset's on or before it, else the nominal rate.
    const lastReset = resets.filter((d) => d <= asOf && d >= ied).pop();
    const rateAtAsOf = lastReset !== undefined ? (resetRate(lastReset) ?? rate) : rate;

    if (capitalizationEnd && capitalizationEnd === asOf && basis !== undefined) {
      // ACTUS capitalises the interest accrued (at the rates in force, resets included: lam22, lam24, nam22)
      // on each interest date up to capitalizationEndDate, and on that date, keeping the last regular date
      // before it even under a long stub (pam18: 2013-05-01 and 2013-05-20); with the interest cycle
      // anchored after capitalizationEndDate, only on that date (ann14, lam22). A capitalisation on the
      // same day as a reset accrues at the rate before it (lam22, 2013-07-01).
      const capitalised = schedule(ipAnchor, { ...ipCycle, stub: "SHORT" }, capitalizationEnd, eom).filter((d) => d > ied);
      const events = [...capitalised.map((d) => ({ d, ci: true })), ...resets.filter((d) => d <= capitalizationEnd && d >= ied).map((d) => ({ d, ci: false }))];
      events.sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : a.ci ? -1 : 1));
      // Business days: every date here must be one (no case in the suite shows what ACTUS accrues between
      // shifted capitalisation dates).
      if (bdc !== "NOS" && calendar !== "NONE") {
        for (const { d } of events) {
          const weekday = new Date(Date.UTC(ymd(d).y, ymd(d).m - 1, ymd(d).d)).getUTCDay();
          if (calendar !== "WEEKENDS" || weekday === 0 || weekday === 6) reasons.push(`capitalizationEndDate ${capitalizationEnd} (${d} is not a business day of ${calendar} under ${bdc}: no result shows how ACTUS capitalises on a shifted date)`);
        }
      }
      if (type === "ANN" && given !== undefined) reasons.push(`capitalizationEndDate ${capitalizationEnd} (with nextPrincipalRedemptionPayment ${given}: no result shows whether ACTUS keeps it or recomputes the instalment on the capitalised notional)`);
      let current = rate;
      let accruedInterest = 0;
      let previous = ied;
      for (const { d, ci } of events) {
        accruedInterest += balance * current * yearFraction(dayCount, previous, d);
        previous = d;
        if (ci) {
          balance += accruedInterest;
          accruedInterest = 0;
        } else current = resetRate(d) ?? current;
      }
      if (previous !== capitalizationEnd) reasons.push(`capitalizationEndDate ${capitalizationEnd} (not an interest capitalisation date)`);
    }
    put("Balance", balance);
    put("Rate", rateAtAsOf);
    put("Maturity", maturity);
    put("Amortization", amortization ?? "");
    put("Frequency", frequencyOf(ipCycle));
    put("FirstPayment", ipAnchor);
    if (prCycle && (prCycle.n !== ipCycle.n || prCycle.unit !== ipCycle.unit)) put("PrincipalFrequency", frequencyOf(prCycle));
    if (firstPrincipal !== undefined && firstPrincipal !== ipAnchor) put("FirstPrincipal", firstPrincipal);
    if (stubs.length > 0) put("Stub", stubs[0]);
    if (bdc !== "NOS") put("BusinessDay", bdc);
    if (calendar && calendar !== "NONE") put("Calendar", calendar);
    if (eom) put("EndOfMonth", "EOM");
    if (redemption !== undefined) put("Redemption", redemption);
    if (basis !== undefined) put("Basis", basis);
    put("Start", ied);

    // Accrued interest at as_of.
    const ipDates = schedule(ipAnchor, ipCycle, maturity, eom);
    if (capitalizationEnd && capitalizationEnd === asOf) {
      put("AccruedInterest", 0);
    } else if (accrued !== undefined) {
      const firstIp = ipDates.find((d) => d >= ied);
      if (firstIp !== undefined && firstIp > asOf) put("AccruedInterest", accrued);
    } else if (asOf > ied && !ipDates.some((d) => d < asOf)) {
      put("AccruedInterest", 0);
    }

    const next = resets.find((d) => d > asOf);
    if (rrCycle?.months !== undefined && next !== undefined) {
      put("Type", "FLOATING");
      put("NextReset", next);
      put("ResetMonths", rrCycle.months);
      put("Spread", spread);
      put("Multiplier", multiplier);
    }
  }

  if (reasons.length > 0 || !maturity) return { stated: false, reasons };

  const floating = columns.some(([name]) => name === "Type");
  if (!floating) columns.splice(5, 0, ["Type", "FIXED"]);
  const code = term("marketObjectCodeOfRateReset");
  const fixings = (contract.dataObserved?.[code]?.data ?? []).map((x): (string | number)[] => [iso(x.timestamp), number(x.value)]);
  const index = floating ? [["Date", "Rate"], ...fixings] : undefined;
  return {
    stated: true,
    statement: {
      header: columns.map(([name]) => name),
      row: columns.map(([, value]) => value),
      asOf,
      from,
      horizon: to !== undefined && to < maturity ? to : undefined,
      index,
      sign,
    },
  };
}

/** Events that change the holder (purchase, termination) or pay nothing: not flows of the contract. */
const NOT_COMPARED = new Set(["PRD", "TD"]);

/**
 * ACTUS's events strictly after `from` (and up to `horizon`), summed by date: interest (IP) and principal
 * (PR, MD, and the initial exchange IED of a forward-starting contract). Dates whose flows are all zero
 * (a redemption after the balance is repaid) are left out.
 */
export function actusFlows(contract: ActusContract, statement: Pick<Statement, "from" | "horizon">): { date: string; principal: number; interest: number; other: string[] }[] {
  const byDate = new Map<string, { date: string; principal: number; interest: number; other: string[] }>();
  for (const e of contract.results) {
    const date = iso(e.eventDate);
    if (date <= statement.from || (statement.horizon !== undefined && date > statement.horizon)) continue;
    if (NOT_COMPARED.has(e.eventType)) continue;
    const entry = byDate.get(date) ?? { date, principal: 0, interest: 0, other: [] };
    const payoff = number(e.payoff);
    if (e.eventType === "IP") entry.interest += payoff;
    else if (e.eventType === "PR" || e.eventType === "MD" || e.eventType === "IED") entry.principal += payoff;
    else if (payoff !== 0) entry.other.push(`${e.eventType} ${payoff}`);
    byDate.set(date, entry);
  }
  return [...byDate.values()].filter((f) => f.principal !== 0 || f.interest !== 0 || f.other.length > 0).sort((a, b) => (a.date < b.date ? -1 : 1));
}
