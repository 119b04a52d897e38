/**
 * Step 2: the base zero curve, from a workbook range or typed pillars, with a chart of its zero rates;
 * when the positions hold several currencies, the curves by currency and the FX rates instead
 * (CurvesByCurrency).
 */
import { Button, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue, PlanCheck } from "../domain/plan";
import { nextId, type Setup } from "../domain/setup";
import type { RangeReadView } from "../state/useRangeRead";
import { CurvesByCurrency } from "./CurvesByCurrency";
import { InterpolationField, ZeroCurveChart } from "./ZeroCurveChart";
import { IssueList } from "./IssueList";
import { RangeField } from "./RangeField";
import { ReadRangeButton } from "./ReadRangeButton";
import { useStyles } from "./styles";

export interface CurveStepProps {
  setup: Setup;
  update: (recipe: (s: Setup) => Setup) => void;
  /** The one curve's range, the curves by currency and the FX range, as read. */
  curveRead: RangeReadView;
  curvesRead: RangeReadView;
  fxRead: RangeReadView;
  check: PlanCheck;
  issues: readonly Issue[];
}

const usePillarStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "minmax(4rem, 1fr) minmax(5rem, 1fr) auto", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: "center" },
  head: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
});

export function CurveStep(props: CurveStepProps) {
  if (props.check.book.currencies.length > 1) return <CurvesByCurrency {...props} />;
  return <OneCurve {...props} />;
}

/** A book in one currency: one curve, from a range or typed pillars. */
function OneCurve({ setup, update, curveRead, check, issues }: CurveStepProps) {
  const styles = useStyles();
  const ps = usePillarStyles();
  const c = setup.curve;
  const curve = check.curve;
  const { data, reading, error: readError, onRead } = curveRead;
  const setCurve = (patch: Partial<Setup["curve"]>) => update((s) => ({ ...s, curve: { ...s.curve, ...patch } }));
  const setPillar = (id: string, patch: { tenor?: string; ratePct?: string }) => update((s) => ({ ...s, curve: { ...s.curve, pillars: s.curve.pillars.map((p) => (p.id === id ? { ...p, ...patch } : p)) } }));
  const issueFor = (field: string) => issues.find((i) => i.field === field)?.message;

  return (
    <div className={styles.stack}>
      <Field label="Where is the curve?">
        <RadioGroup value={c.sourceKind} onChange={(_, d) => setCurve({ sourceKind: d.value as "range" | "pillars" })} layout="horizontal">
          <Radio value="range" label="A range in the workbook" />
          <Radio value="pillars" label="Pillars typed here" />
        </RadioGroup>
      </Field>

      {c.sourceKind === "range" ? (
        <>
          <RangeField
            id="curve-range"
            label="Curve range"
            hint="Two columns: tenor (years or 3M, 5Y…) and continuously-compounded zero rate (decimal); a header row is fine."
            value={c.rangeAddress}
            onChange={(v) => setCurve({ rangeAddress: v })}
            validation={issueFor("curve-range")}
          />
          <ReadRangeButton what="curve" onRead={onRead} reading={reading} error={readError ?? undefined} />
          {data && curve && !reading && <Text role="status">Read {curve.cells.length} pillars from {data.address}.</Text>}
        </>
      ) : (
        <fieldset className={styles.card} style={{ margin: 0 }}>
          <legend>Pillars</legend>
          <Text className={styles.muted}>Tenor in years or as text (3M, 5Y); zero rate in percent, continuously compounded. The add-in writes them to the scenarios sheet as ALM_Curve.</Text>
          <div className={ps.grid}>
            <span className={ps.head} aria-hidden="true">
              Tenor
            </span>
            <span className={ps.head} aria-hidden="true">
              Zero rate (%)
            </span>
            <span />
            {c.pillars.map((p, i) => {
              const err = issueFor(`pillar-${p.id}`);
              return (
                <div key={p.id} style={{ display: "contents" }}>
                  <Input aria-label={`Tenor of pillar ${i + 1}`} value={p.tenor} onChange={(_, d) => setPillar(p.id, { tenor: d.value })} aria-invalid={err ? true : undefined} size="small" />
                  <Input aria-label={`Zero rate of pillar ${i + 1}, percent`} value={p.ratePct} onChange={(_, d) => setPillar(p.id, { ratePct: d.value })} inputMode="decimal" aria-invalid={err ? true : undefined} size="small" />
                  <Button
                    size="small"
                    appearance="subtle"
                    aria-label={`Remove pillar ${i + 1}${p.tenor ? ` (${p.tenor})` : ""}`}
                    onClick={() => update((s) => ({ ...s, curve: { ...s.curve, pillars: s.curve.pillars.filter((x) => x.id !== p.id) } }))}
                  >
                    Remove
                  </Button>
                </div>
              );
            })}
          </div>
          <div>
            <Button onClick={() => update((s) => ({ ...s, curve: { ...s.curve, pillars: [...s.curve.pillars, { id: nextId("p", s.curve.pillars), tenor: "", ratePct: "" }] } }))}>Add pillar</Button>
          </div>
        </fieldset>
      )}

      <InterpolationField setup={setup} update={update} />

      <IssueList issues={issues} title="The curve is not ready" />

      {curve && <ZeroCurveChart title="Base zero curve" label="Zero rate" curve={curve} interpolation={c.interpolation} />}
    </div>
  );
}
