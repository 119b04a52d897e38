/** Step 2: the base zero curve, from a workbook range or typed pillars, with a chart of its zero rates. */
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { CurvePillars } from "../domain/curve";
import { zeroCurve } from "../domain/evaluate";
import type { Issue } from "../domain/plan";
import { nextId, type Interpolation, type Setup } from "../domain/setup";
import type { RangeData } from "../excel/gateway";
import { IssueList } from "./IssueList";
import { LineChart, formatPct, formatPctTick } from "./LineChart";
import { RangeField } from "./RangeField";
import { ReadRangeButton } from "./ReadRangeButton";
import { useStyles } from "./styles";

export interface CurveStepProps {
  setup: Setup;
  update: (recipe: (s: Setup) => Setup) => void;
  data: RangeData | null;
  reading: boolean;
  readError: string | null;
  onRead: () => void;
  curve: CurvePillars | null;
  issues: readonly Issue[];
}

const INTERPOLATION_LABELS: Record<Interpolation, string> = {
  LINEAR: "Linear on zero rates",
  LOGLINEAR: "Log-linear on discount factors",
  CUBIC: "Natural cubic spline on zero rates",
};

const usePillarStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "minmax(4rem, 1fr) minmax(5rem, 1fr) auto", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: "center" },
  head: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
});

export function CurveStep({ setup, update, data, reading, readError, onRead, curve, issues }: CurveStepProps) {
  const styles = useStyles();
  const ps = usePillarStyles();
  const c = setup.curve;
  const setCurve = (patch: Partial<Setup["curve"]>) => update((s) => ({ ...s, curve: { ...s.curve, ...patch } }));
  const setPillar = (id: string, patch: { tenor?: string; ratePct?: string }) => update((s) => ({ ...s, curve: { ...s.curve, pillars: s.curve.pillars.map((p) => (p.id === id ? { ...p, ...patch } : p)) } }));
  const issueFor = (field: string) => issues.find((i) => i.field === field)?.message;

  const chart = useMemo(() => (curve ? zeroCurve(curve, c.interpolation) : null), [curve, c.interpolation]);

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

      <Field label="Interpolation" hint="Used for this chart; the ALM formulas interpolate the curve as the functions define (linear by default).">
        <RadioGroup value={c.interpolation} onChange={(_, d) => setCurve({ interpolation: d.value as Interpolation })}>
          {(Object.keys(INTERPOLATION_LABELS) as Interpolation[]).map((k) => (
            <Radio key={k} value={k} label={INTERPOLATION_LABELS[k]} />
          ))}
        </RadioGroup>
      </Field>

      <IssueList issues={issues} title="The curve is not ready" />

      {curve && chart && !chart.ok && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>No chart</MessageBarTitle>
            {chart.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {curve && chart?.ok && (
        <LineChart
          title="Base zero curve"
          summary={`Zero rates from ${formatPct(curve.zeros[0])} at ${curve.cells[0][0]} to ${formatPct(curve.zeros[curve.zeros.length - 1])} at ${curve.cells[curve.cells.length - 1][0]}, ${INTERPOLATION_LABELS[c.interpolation].toLowerCase()}.`}
          series={[{ id: "base", label: `Zero rate, ${INTERPOLATION_LABELS[c.interpolation].toLowerCase()}`, points: chart.value, markers: curve.times.map((x, i) => ({ x, y: curve.zeros[i] })), emphasis: true }]}
          xLabel="Tenor (years)"
          yLabel="Zero rate"
          formatY={formatPctTick}
          table={{ columns: ["Tenor", "Years", "Zero rate"], rows: curve.cells.map((cell, i) => [String(cell[0]), curve.times[i].toFixed(4).replace(/\.?0+$/, ""), formatPct(curve.zeros[i], 3)]) }}
        />
      )}
    </div>
  );
}
