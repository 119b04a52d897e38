/**
 * A zero curve as the curve step shows it: the chart (interpolated by ALM.ZERO itself, pillars as
 * markers, the numbers as a table) or, when the functions reject the curve, their message; and the
 * interpolation choice, which applies to the charts only (the formulas use the functions' default).
 */
import { Field, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup } from "@fluentui/react-components";
import { useMemo } from "react";
import type { CurvePillars } from "../domain/curve";
import { zeroCurve } from "../domain/evaluate";
import type { Interpolation, Setup } from "../domain/setup";
import { LineChart, formatPct, formatPctTick } from "./LineChart";

export const INTERPOLATION_LABELS: Record<Interpolation, string> = {
  LINEAR: "Linear on zero rates",
  LOGLINEAR: "Log-linear on discount factors",
  CUBIC: "Natural cubic spline on zero rates",
};

export function InterpolationField({ setup, update }: { setup: Setup; update: (recipe: (s: Setup) => Setup) => void }) {
  return (
    <Field label="Interpolation" hint="Used for the charts; the ALM formulas interpolate the curve as the functions define (linear by default).">
      <RadioGroup value={setup.curve.interpolation} onChange={(_, d) => update((s) => ({ ...s, curve: { ...s.curve, interpolation: d.value as Interpolation } }))}>
        {(Object.keys(INTERPOLATION_LABELS) as Interpolation[]).map((k) => (
          <Radio key={k} value={k} label={INTERPOLATION_LABELS[k]} />
        ))}
      </RadioGroup>
    </Field>
  );
}

export interface ZeroCurveChartProps {
  readonly title: string;
  /** The series' name in the legend, before the interpolation ("Zero rate", "EUR zero rate"). */
  readonly label: string;
  readonly curve: CurvePillars;
  readonly interpolation: Interpolation;
}

export function ZeroCurveChart({ title, label, curve, interpolation }: ZeroCurveChartProps) {
  const chart = useMemo(() => zeroCurve(curve, interpolation), [curve, interpolation]);
  const how = INTERPOLATION_LABELS[interpolation].toLowerCase();
  if (!chart.ok) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>No chart{title === "Base zero curve" ? "" : ` for ${title}`}</MessageBarTitle>
          {chart.message}
        </MessageBarBody>
      </MessageBar>
    );
  }
  const last = curve.cells.length - 1;
  return (
    <LineChart
      title={title}
      summary={`Zero rates from ${formatPct(curve.zeros[0])} at ${curve.cells[0][0]} to ${formatPct(curve.zeros[last])} at ${curve.cells[last][0]}, ${how}.`}
      series={[{ id: "base", label: `${label}, ${how}`, points: chart.value, markers: curve.times.map((x, i) => ({ x, y: curve.zeros[i] })), emphasis: true }]}
      xLabel="Tenor (years)"
      yLabel="Zero rate"
      formatY={formatPctTick}
      table={{ columns: ["Tenor", "Years", "Zero rate"], rows: curve.cells.map((cell, i) => [String(cell[0]), curve.times[i].toFixed(4).replace(/\.?0+$/, ""), formatPct(curve.zeros[i], 3)]) }}
    />
  );
}
