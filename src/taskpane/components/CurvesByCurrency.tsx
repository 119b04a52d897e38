/**
 * Step 2 for a book in several currencies: one range holding a curve per currency (header `Tenor`, then
 * one column of zero rates per currency code; ALM.OUTLIERTEST's `curves`) with a chart per currency, and
 * the exchange rates to the reporting currency (typed here, or a Currency, Rate range; its `fx`).
 */
import { Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Text } from "@fluentui/react-components";
import type { Issue, PlanCheck } from "../domain/plan";
import type { Setup } from "../domain/setup";
import type { RangeReadView } from "../state/useRangeRead";
import { InterpolationField, ZeroCurveChart } from "./ZeroCurveChart";
import { IssueList } from "./IssueList";
import { RangeField } from "./RangeField";
import { ReadRangeButton } from "./ReadRangeButton";
import { useStyles } from "./styles";

export interface CurvesByCurrencyProps {
  setup: Setup;
  update: (recipe: (s: Setup) => Setup) => void;
  curvesRead: RangeReadView;
  fxRead: RangeReadView;
  check: PlanCheck;
  issues: readonly Issue[];
}

export function CurvesByCurrency({ setup, update, curvesRead, fxRead, check, issues }: CurvesByCurrencyProps) {
  const styles = useStyles();
  const { currencies, curves } = check.book;
  const list = currencies.join(", ");
  const interpolation = setup.curve.interpolation;
  const issueFor = (field: string) => issues.find((i) => i.field === field)?.message;
  const setFx = (patch: Partial<Setup["fx"]>) => update((s) => ({ ...s, fx: { ...s.fx, ...patch } }));
  const fx = setup.fx;
  const reporting = fx.reporting.trim().toUpperCase();

  const curveIssues = issues.filter((i) => !i.field?.startsWith("fx") && i.field !== "reporting-currency");
  const fxIssues = issues.filter((i) => i.field?.startsWith("fx") || i.field === "reporting-currency");

  return (
    <div className={styles.stack}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{currencies.length} currencies</MessageBarTitle>
          The positions hold {list}. Each currency is valued on its own curve and shocked with its own sizes, and the outlier test adds the currencies up in the
          reporting currency.
        </MessageBarBody>
      </MessageBar>

      <RangeField
        id="curves-range"
        label="Curves by currency range"
        hint={`A header row with Tenor, then one column per currency code (${list}); below it, tenors (years or 3M, 5Y…) and continuously-compounded zero rates (decimals), no blank rows.`}
        value={setup.curve.curvesAddress}
        onChange={(v) => update((s) => ({ ...s, curve: { ...s.curve, curvesAddress: v } }))}
        validation={issueFor("curves-range")}
      />
      <ReadRangeButton what="curves" onRead={curvesRead.onRead} reading={curvesRead.reading} error={curvesRead.error ?? undefined} />
      {curvesRead.data && curves && !curvesRead.reading && (
        <Text role="status">
          Read {check.book.pillars} pillars for {curves.map((c) => c.currency).join(", ")} from {curvesRead.data.address}.
        </Text>
      )}

      <InterpolationField setup={setup} update={update} />
      <IssueList issues={curveIssues} title="The curves are not ready" />

      {(curves ?? []).map(({ currency, curve }) => (
        <ZeroCurveChart key={currency} title={`${currency} zero curve`} label={`${currency} zero rate`} curve={curve} interpolation={interpolation} />
      ))}

      <section className={styles.section} aria-labelledby="fx-title">
        <h3 id="fx-title" className={styles.sectionTitle}>
          Exchange rates
        </h3>
        <Text className={styles.muted}>The outlier test converts each currency&apos;s change in value to the reporting currency; Tier 1 capital is in it.</Text>
        <Field
          label="Reporting currency"
          hint={`Usually one of ${list}; the outlier test and Tier 1 are in it.`}
          validationMessage={issueFor("reporting-currency")}
          validationState={issueFor("reporting-currency") ? "error" : "none"}
        >
          <Input id="reporting-currency" list="reporting-currencies" value={fx.reporting} onChange={(_, d) => setFx({ reporting: d.value.toUpperCase() })} autoComplete="off" spellCheck={false} />
        </Field>
        {/* Suggestions, not a closed list: the reporting currency may be one the book does not hold. */}
        <datalist id="reporting-currencies">
          {currencies.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <Field label="Where are the rates?">
          <RadioGroup value={fx.sourceKind} onChange={(_, d) => setFx({ sourceKind: d.value as "typed" | "range" })} layout="horizontal">
            <Radio value="typed" label="Typed here" />
            <Radio value="range" label="A range in the workbook" />
          </RadioGroup>
        </Field>
        {fx.sourceKind === "typed" ? (
          <div className={styles.tight}>
            {currencies
              .filter((c) => c !== reporting)
              .map((c) => {
                const err = issueFor(`fx-${c}`);
                return (
                  <Field key={c} label={`${c} rate (${reporting || "reporting currency"} per 1 ${c})`} validationMessage={err} validationState={err ? "error" : "none"}>
                    <Input id={`fx-${c}`} value={fx.rates[c] ?? ""} inputMode="decimal" onChange={(_, d) => setFx({ rates: { ...fx.rates, [c]: d.value } })} />
                  </Field>
                );
              })}
            <Text size={200} className={styles.muted}>
              The add-in writes the rates, {reporting || "the reporting currency"} at 1, to the scenarios sheet as ALM_FX.
            </Text>
          </div>
        ) : (
          <>
            <RangeField
              id="fx-range"
              label="FX rates range"
              hint="Two columns: Currency, and units of the reporting currency per unit of it (the reporting currency at 1); a header row is fine."
              value={fx.rangeAddress}
              onChange={(v) => setFx({ rangeAddress: v })}
              validation={issueFor("fx-range")}
            />
            <ReadRangeButton what="FX rates" onRead={fxRead.onRead} reading={fxRead.reading} error={fxRead.error ?? undefined} />
            {fxRead.data && check.book.rates && !fxRead.reading && (
              <Text role="status">
                Read {check.book.rates.size} rates from {fxRead.data.address}.
              </Text>
            )}
          </>
        )}
        <IssueList issues={fxIssues} title="The exchange rates are not ready" />
      </section>
    </div>
  );
}
