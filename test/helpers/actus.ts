/**
 * ACTUS reference test contracts (test/golden/actus/, from actusfrf/actus-tests) as rows of today's
 * positions table. `stateContract` either gives the row and the `as_of` at which the table states the
 * contract exactly, or every reason it cannot: each reason names the ACTUS term and its value. It is
 * strict: a contract is stated only when the columns reproduce all of its terms, so that the flows the
 * engine generates for the row must equal ACTUS's events after `as_of`.
 */

/** One event of an ACTUS test's expected `results`. Amounts are numbers or numeric strings in the files. */
export interface ActusEvent {
  readonly eventDate: string;
  readonly eventType: string;
  readonly payoff: number | string;
}

/** One contract of an ACTUS test file (`{ identifier: contract }`). */
export interface ActusContract {
  readonly identifier: string;
  readonly terms: Readonly<Record<string, string | number>>;
  /** The horizon ACTUS evaluated the contract to (blank: to maturity). */
  readonly to?: string;
  readonly results: readonly ActusEvent[];
}

/** The positions-table row for a contract, and the date it is stated at. */
export interface Statement {
  readonly header: readonly string[];
  readonly row: readonly (string | number)[];
  /** ISO date used as `as_of`: statusDate, or initialExchangeDate when the contract starts after statusDate. */
  readonly asOf: string;
  /** ISO date of the last event ACTUS evaluated (its `to`), when earlier than maturity. */
  readonly horizon?: string;
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
  "businessDayConvention",
  "rate reset",
  "purchaseDate",
  "terminationDate",
  "capitalizationEndDate",
  "accruedInterest",
  "scaling",
  "interestCalculationBase",
  "amortizationDate",
  "no maturityDate",
  "cycleOfInterestPayment",
  "cycleOfPrincipalRedemption",
  "interest anchor",
  "principal anchor",
  "end-of-month rolling",
  "nextPrincipalRedemptionPayment",
  "maturityDate",
] as const;

/** ACTUS day-count codes whose accrual is exactly an Excel basis. `AA` (Actual/Actual ISDA) is not Excel's basis 1. */
const BASIS_OF_DAY_COUNT: Readonly<Record<string, number>> = { A360: 2, A365: 3, "30E360": 4 };

/** Months per period → payments per year that today's `Frequency` column accepts. */
const FREQUENCY_OF_MONTHS: Readonly<Record<number, number>> = { 1: 12, 3: 4, 6: 2, 12: 1 };

interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const iso = (s: string | number): string => String(s).trim().slice(0, 10);
const ymd = (s: string): Ymd => ({ y: Number(s.slice(0, 4)), m: Number(s.slice(5, 7)), d: Number(s.slice(8, 10)) });
const show = ({ y, m, d }: Ymd): string => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** EDATE: the same day `months` later, clamped to the month's end. */
function addMonths(date: string, months: number): string {
  const { y, m, d } = ymd(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return show({ y: ny, m: nm, d: Math.min(d, lastDay(ny, nm)) });
}

/** Excel serial (1900 date system) of an ISO date. */
export function serialOf(date: string): number {
  const { y, m, d } = ymd(date);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
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

/** A cycle `PnXLs` (n periods of D/W/M/Q/H/Y, stub s) as whole months, or undefined when not in months. */
function cycleMonths(cycle: string): number | undefined {
  const match = /^P(\d+)([DWMQHY])L[01]$/.exec(cycle.trim());
  if (!match) return undefined;
  const n = Number(match[1]);
  const per: Record<string, number> = { M: 1, Q: 3, H: 6, Y: 12 };
  return match[2] in per ? n * per[match[2]] : undefined;
}

const number = (v: string | number | undefined): number => Number(String(v ?? "").trim());
const blank = (v: string | number | undefined): boolean => v === undefined || String(v).trim() === "";

/** Dates EDATE(maturity, −k·months), k = 0, 1, …, down to (not before) `from`: the engine's roll-back schedule. */
function rollBack(maturity: string, months: number, from: string): string[] {
  const dates: string[] = [];
  for (let k = 0; ; k++) {
    const date = addMonths(maturity, -k * months);
    if (date < from) break;
    dates.push(date);
  }
  return dates.reverse();
}

/** The contract as a row of today's positions table, or why it cannot be one. */
export function stateContract(contract: ActusContract): Conversion {
  const t = contract.terms;
  const term = (name: string): string => String(t[name] ?? "").trim();
  const reasons: string[] = [];

  const type = term("contractType");
  const amortization = ({ PAM: "BULLET", LAM: "LINEAR", ANN: "ANNUITY" } as Record<string, string | undefined>)[type];
  if (!amortization) reasons.push(`contractType ${type}${type === "NAM" ? " (negative amortisation)" : ""}`);

  const role = term("contractRole");
  if (role !== "RPA" && role !== "RPL") reasons.push(`contractRole ${role}`);

  const dayCount = term("dayCountConvention");
  const basis = BASIS_OF_DAY_COUNT[dayCount];
  if (basis === undefined) reasons.push(`dayCountConvention ${dayCount}${dayCount === "AA" ? " (Actual/Actual ISDA is not Excel basis 1)" : ""}`);

  // Without a shifting convention the calendar changes no date, so only the convention is checked.
  const bdc = term("businessDayConvention");
  if (bdc !== "" && bdc !== "NOS") reasons.push(`businessDayConvention ${bdc}`);

  if (!blank(t.cycleOfRateReset) || !blank(t.cycleAnchorDateOfRateReset) || !blank(t.nextResetRate)) {
    reasons.push(`rate reset (${blank(t.cycleOfRateReset) ? `cycleAnchorDateOfRateReset ${iso(t.cycleAnchorDateOfRateReset ?? "")}` : `cycleOfRateReset ${term("cycleOfRateReset")}`})`);
  }
  if (!blank(t.purchaseDate)) reasons.push(`purchaseDate ${iso(t.purchaseDate)}`);
  if (!blank(t.terminationDate)) reasons.push(`terminationDate ${iso(t.terminationDate)}`);
  if (!blank(t.capitalizationEndDate)) reasons.push(`capitalizationEndDate ${iso(t.capitalizationEndDate)}`);
  if (!blank(t.accruedInterest)) reasons.push(`accruedInterest ${term("accruedInterest")}`);
  // premiumDiscountAtIED changes only the initial exchange's payoff, which is on or before as_of (see asOf
  // below) and so not among the compared flows: it does not stop a contract being stated.
  if (!blank(t.scalingEffect) || !blank(t.marketObjectCodeOfScalingIndex)) reasons.push(`scaling (scalingEffect ${term("scalingEffect") || "?"})`);
  const icb = term("interestCalculationBase");
  if (icb !== "" && icb !== "NT") reasons.push(`interestCalculationBase ${icb}`);
  if (!blank(t.amortizationDate)) reasons.push(`amortizationDate ${iso(t.amortizationDate)}`);

  const statusDate = iso(term("statusDate"));
  const ied = iso(term("initialExchangeDate"));
  // A contract that starts after its statusDate is stated at its initialExchangeDate: nothing happens in
  // between, and the exchange itself (the balance paid out) is not among the compared events.
  const asOf = ied > statusDate ? ied : statusDate;

  const maturity = blank(t.maturityDate) ? undefined : iso(term("maturityDate"));
  if (!maturity) reasons.push("no maturityDate (ACTUS derives it from the redemption schedule)");
  else if (maturity <= asOf) reasons.push(`maturityDate ${maturity} not after ${asOf}`);

  // The interest schedule must be the engine's: rolled back from maturity by whole months, Frequency 1, 2, 4 or 12.
  const ipCycle = term("cycleOfInterestPayment");
  const ipMonths = cycleMonths(ipCycle);
  const frequency = ipMonths === undefined ? undefined : FREQUENCY_OF_MONTHS[ipMonths];
  if (frequency === undefined) reasons.push(`cycleOfInterestPayment ${ipCycle || "(none)"} (${ipMonths === undefined ? "not in whole months" : `every ${ipMonths} months`})`);
  const ipAnchor = blank(t.cycleAnchorDateOfInterestPayment) ? ied : iso(term("cycleAnchorDateOfInterestPayment"));

  let schedule: string[] = [];
  if (maturity && ipMonths !== undefined && frequency !== undefined) {
    if (ymd(ipAnchor).d > 28 || ymd(maturity).d > 28) reasons.push(`end-of-month rolling (interest anchor ${ipAnchor}, maturity ${maturity}, endOfMonthConvention ${term("endOfMonthConvention") || "SD"})`);
    const rolled = rollBack(maturity, ipMonths, addMonths(ipAnchor < ied ? ipAnchor : ied, -ipMonths));
    schedule = rolled.filter((d) => d > ied);
    const firstAfter = rolled.find((d) => d > asOf);
    // ACTUS pays interest on anchor + k·cycle only; the engine on every roll-back date after as_of.
    if (!rolled.includes(ipAnchor)) reasons.push(`interest anchor ${ipAnchor} not on the schedule rolled back from maturity`);
    else if (ipAnchor > asOf && firstAfter !== ipAnchor) reasons.push(`interest anchor ${ipAnchor} after the first roll-back date ${firstAfter} (a long first period)`);
  }

  if (type === "LAM" || type === "ANN") {
    const prCycle = term("cycleOfPrincipalRedemption");
    const prMonths = cycleMonths(prCycle);
    if (prMonths !== ipMonths) reasons.push(`cycleOfPrincipalRedemption ${prCycle} differs from cycleOfInterestPayment ${ipCycle}`);
    const prAnchor = blank(t.cycleAnchorDateOfPrincipalRedemption) ? ied : iso(term("cycleAnchorDateOfPrincipalRedemption"));
    if (prAnchor <= ied) reasons.push(`principal anchor ${prAnchor} on or before initialExchangeDate ${ied} (a redemption at the exchange)`);
    else if (prAnchor !== ipAnchor && !(prAnchor <= asOf && ipAnchor <= asOf)) reasons.push(`principal anchor ${prAnchor} differs from interest anchor ${ipAnchor}`);

    const given = t.nextPrincipalRedemptionPayment;
    if (!blank(given) && schedule.length > 0 && basis !== undefined) {
      const rate = number(t.nominalInterestRate);
      const balance = number(t.notionalPrincipal);
      const expected = type === "LAM" ? balance / schedule.length : levelInstalment(balance, rate, dayCount, ied, schedule);
      if (Math.abs(number(given) - expected) > 1e-9 * Math.abs(expected)) {
        reasons.push(`nextPrincipalRedemptionPayment ${term("nextPrincipalRedemptionPayment")} (the amount that amortises to zero is ${expected.toFixed(6)})`);
      }
    }
  }

  if (reasons.length > 0 || !maturity || !amortization || basis === undefined || frequency === undefined) return { stated: false, reasons };

  const to = blank(contract.to) ? undefined : iso(contract.to ?? "");
  const header = ["Id", "Side", "Balance", "Rate", "Maturity", "Type", "Amortization", "Frequency", "Basis", "Start"];
  const row = [contract.identifier, role === "RPA" ? "A" : "L", number(t.notionalPrincipal), number(t.nominalInterestRate), maturity, "FIXED", amortization, frequency, basis, ied];
  return { stated: true, statement: { header, row, asOf, horizon: to !== undefined && to < maturity ? to : undefined, sign: role === "RPA" ? 1 : -1 } };
}

/** The level payment that repays `balance` over `dates` (from `start`) under the contract's own accrual fractions. */
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

/** ACTUS's events strictly after `asOf` (and up to `horizon`), summed by date: interest (IP) and principal (PR, MD). */
export function actusFlows(contract: ActusContract, asOf: string, horizon?: string): { date: string; principal: number; interest: number; other: string[] }[] {
  const byDate = new Map<string, { date: string; principal: number; interest: number; other: string[] }>();
  for (const e of contract.results) {
    const date = iso(e.eventDate);
    if (date <= asOf || (horizon !== undefined && date > horizon)) continue;
    const entry = byDate.get(date) ?? { date, principal: 0, interest: 0, other: [] };
    const payoff = number(e.payoff);
    if (e.eventType === "IP") entry.interest += payoff;
    else if (e.eventType === "PR" || e.eventType === "MD") entry.principal += payoff;
    else if (payoff !== 0) entry.other.push(`${e.eventType} ${payoff}`);
    byDate.set(date, entry);
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Excel serial → ISO date. */
export function isoOfSerial(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}
