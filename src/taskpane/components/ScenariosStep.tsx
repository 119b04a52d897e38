/**
 * Step 3: currency, calibration (a published table or the bank's own shock sizes in a range), the six
 * Basel scenarios, custom scenarios and the floor, with a chart of every shocked curve against the base
 * (computed by ALM.SHOCK itself) — one per currency when the positions hold several.
 */
import {
  Button,
  Checkbox,
  Combobox,
  Field,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Radio,
  RadioGroup,
  Text,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { CurvePillars } from "../domain/curve";
import { shockedCurve, type Point } from "../domain/evaluate";
import type { Issue, PlanCheck } from "../domain/plan";
import { currencies, currenciesOf } from "../../engine/irrbb/calibrations";
import { BASEL_LABELS, CUSTOM_KIND_LABELS, planCustom, planFloor } from "../domain/scenarios";
import { BASEL_SCENARIOS, nextId, type CalibrationKind, type CustomKind, type CustomScenario, type FloorKind, type Setup } from "../domain/setup";
import type { RangeReadView } from "../state/useRangeRead";
import { IssueList } from "./IssueList";
import { LineChart, formatPct, formatPctTick, type ChartSeries } from "./LineChart";
import { RangeField } from "./RangeField";
import { ReadRangeButton } from "./ReadRangeButton";
import { useStyles } from "./styles";

export interface ScenariosStepProps {
  setup: Setup;
  update: (recipe: (s: Setup) => Setup) => void;
  /** The own shock sizes range, as read. */
  ownSizesRead: RangeReadView;
  check: PlanCheck;
  issues: readonly Issue[];
}

const CALIBRATION_LABELS: Record<CalibrationKind, string> = {
  BCBS2024: "BCBS 2024 recalibration (in force from 1 January 2026)",
  BCBS2016: "BCBS 2016",
  EU: "EU RTS 2024/856",
  OWN: "The bank's own shock sizes (a range)",
};

const FLOOR_LABELS: Record<FloorKind, string> = {
  NONE: "No floor",
  EU: "EU floor: −150 bp rising 3 bp a year to 0",
  ZERO: "Zero",
  RATE: "A rate",
};

function newCustom(kind: CustomKind, id: string): CustomScenario {
  switch (kind) {
    case "parallel":
      return { id, kind, name: "", bp: "100" };
    case "twist":
      return { id, kind, name: "", shortBp: "-50", longBp: "50", pivot: "5Y" };
    case "keyrate":
      return { id, kind, name: "", tenor: "10Y", bp: "25" };
    case "ramp":
      return { id, kind, name: "", bp: "200", months: "12" };
  }
}

type Param = { key: string; label: string; hint: string };
const PARAMS: Record<CustomKind, Param[]> = {
  parallel: [{ key: "bp", label: "Shift (bp)", hint: "Added to every zero rate; negative for down." }],
  twist: [
    { key: "shortBp", label: "Short-end shift (bp)", hint: "At tenor 0." },
    { key: "longBp", label: "Long-end shift (bp)", hint: "At 30 years and beyond." },
    { key: "pivot", label: "Pivot tenor", hint: "No shift here, e.g. 5Y; linear in between." },
  ],
  keyrate: [
    { key: "tenor", label: "Key tenor", hint: "e.g. 10Y; the shift fades to 0 at the neighbouring key tenors." },
    { key: "bp", label: "Shift (bp)", hint: "At the key tenor." },
  ],
  ramp: [
    { key: "bp", label: "Shift (bp)", hint: "Reached in full after the ramp (parallel)." },
    { key: "months", label: "Ramp (months)", hint: "NII only: the shift grows linearly over these months." },
  ],
};

export function ScenariosStep({ setup, update, ownSizesRead, check, issues }: ScenariosStepProps) {
  const styles = useStyles();
  const s = setup.scenarios;
  const several = check.book.currencies.length > 1;
  const own = check.scenarios.own;
  /** The currencies the chosen calibration carries (other codes may still be typed). */
  const listed = useMemo(() => {
    if (s.calibration !== "OWN") return currencies(s.calibration);
    const codes = own ? currenciesOf(own) : [];
    return codes === "any" ? [] : codes;
  }, [s.calibration, own]);
  /** The curves to shock in the charts: the one curve, or each currency's. */
  const single = s.currency.trim().toUpperCase();
  const curves: readonly { currency: string; curve: CurvePillars }[] = useMemo(
    () => (several ? (check.book.curves ?? []) : check.curve ? [{ currency: single, curve: check.curve }] : []),
    [several, check.book.curves, check.curve, single]
  );
  const setS = (patch: Partial<Setup["scenarios"]>) => update((x) => ({ ...x, scenarios: { ...x.scenarios, ...patch } }));
  const setCustom = (id: string, patch: Record<string, string>) =>
    update((x) => ({ ...x, scenarios: { ...x.scenarios, custom: x.scenarios.custom.map((c) => (c.id === id ? ({ ...c, ...patch } as CustomScenario) : c)) } }));
  const issueFor = (field: string) => issues.find((i) => i.field === field)?.message;
  const currencyIssue = issues.find((i) => i.field === "currency");

  const calibration = check.scenarios.preview;
  const previews = useMemo(() => {
    const floor = planFloor(s);
    if (!floor.ok || calibration === null) return [];
    return curves.map(({ currency, curve }) => {
      const out: { currency: string; curve: CurvePillars; series: ChartSeries[]; problems: string[] } = { currency, curve, series: [], problems: [] };
      const add = (id: string, label: string, r: ReturnType<typeof shockedCurve>) => {
        if (r.ok) out.series.push({ id, label, points: r.value });
        else out.problems.push(`${several ? `${currency} ` : ""}${label}: ${r.message}`);
      };
      for (const b of s.basel) add(b, BASEL_LABELS[b], shockedCurve(curve, b, currency, calibration, floor.value));
      for (const c of s.custom) {
        const planned = planCustom(c);
        if (planned.ok) add(c.id, planned.value.label, shockedCurve(curve, planned.value.arg, currency, calibration, floor.value));
      }
      return out;
    });
  }, [curves, s, calibration, several]);
  const problems = previews.flatMap((p) => p.problems);

  return (
    <div className={styles.stack}>
      {several ? (
        <Text>
          Currencies: {check.book.currencies.join(", ")} (from the positions). Each is shocked with its own sizes from the calibration.
        </Text>
      ) : (
        <Field
          label="Currency"
          hint="Sets the Basel shock sizes; written as ALM_Currency."
          validationMessage={currencyIssue?.message}
          validationState={currencyIssue ? (currencyIssue.blocking ? "error" : "warning") : "none"}
        >
          <Combobox
            id="currency"
            freeform
            value={s.currency}
            selectedOptions={listed.includes(s.currency) ? [s.currency] : []}
            onChange={(ev) => setS({ currency: ev.target.value.toUpperCase() })}
            onOptionSelect={(_, d) => d.optionValue && setS({ currency: d.optionValue })}
          >
            {listed.map((c) => (
              <Option key={c} value={c}>
                {c}
              </Option>
            ))}
          </Combobox>
        </Field>
      )}

      <Field label="Shock calibration">
        <RadioGroup value={s.calibration} onChange={(_, d) => setS({ calibration: d.value as CalibrationKind })}>
          {(Object.keys(CALIBRATION_LABELS) as CalibrationKind[]).map((k) => (
            <Radio key={k} value={k} label={CALIBRATION_LABELS[k]} />
          ))}
        </RadioGroup>
      </Field>
      {s.calibration === "OWN" && (
        <>
          <RangeField
            id="own-sizes-range"
            label="Own shock sizes range"
            hint="A header row Currency, Parallel, Short, Long, then one row per currency, sizes in bp (SRP31.93); or one row of three numbers for every currency."
            value={s.ownSizesAddress}
            onChange={(v) => setS({ ownSizesAddress: v })}
            validation={issueFor("own-sizes-range")}
          />
          <ReadRangeButton what="own shock sizes" onRead={ownSizesRead.onRead} reading={ownSizesRead.reading} error={ownSizesRead.error ?? undefined} />
          {ownSizesRead.data && own && !ownSizesRead.reading && (
            <Text role="status">
              Read the own shock sizes from {ownSizesRead.data.address}
              {listed.length > 0 ? ` for ${listed.join(", ")}` : ", for every currency"}.
            </Text>
          )}
        </>
      )}

      <div role="group" aria-labelledby="basel-label" className={styles.tight}>
        <Text id="basel-label" weight="semibold">
          Basel scenarios to write as curves
        </Text>
        <Text size={200} className={styles.muted}>
          ΔEVE and standardised EVE always cover all six.
        </Text>
        {BASEL_SCENARIOS.map((b) => (
          <Checkbox
            key={b}
            label={BASEL_LABELS[b]}
            checked={s.basel.includes(b)}
            onChange={(_, d) => setS({ basel: BASEL_SCENARIOS.filter((x) => (x === b ? d.checked === true : s.basel.includes(x))) })}
          />
        ))}
      </div>

      <section className={styles.section} aria-labelledby="custom-title">
        <h3 id="custom-title" className={styles.sectionTitle}>
          Custom scenarios
        </h3>
        {s.custom.length === 0 && <Text className={styles.muted}>None yet. Add a parallel shift, a twist, a key-rate shift or an NII ramp.</Text>}
        <ul className={styles.plainList}>
          {s.custom.map((c, i) => {
            const planned = planCustom(c);
            const label = planned.ok ? planned.value.label : `Custom scenario ${i + 1}`;
            return (
              <li key={c.id} className={styles.card} aria-label={`Custom scenario ${i + 1}: ${CUSTOM_KIND_LABELS[c.kind]}`}>
                <Text weight="semibold">
                  {i + 1}. {CUSTOM_KIND_LABELS[c.kind]}
                </Text>
                <Field label="Name (optional)" hint={`Shown as “${label}” when blank.`}>
                  <Input value={c.name} onChange={(_, d) => setCustom(c.id, { name: d.value })} />
                </Field>
                {PARAMS[c.kind].map((param) => {
                  const err = planned.ok ? undefined : planned.issues.find((x) => x.field === param.key)?.message;
                  return (
                    <Field key={param.key} label={param.label} hint={param.hint} validationMessage={err} validationState={err ? "error" : "none"}>
                      <Input id={`custom-${c.id}-${param.key}`} value={(c as unknown as Record<string, string>)[param.key]} onChange={(_, d) => setCustom(c.id, { [param.key]: d.value })} />
                    </Field>
                  );
                })}
                <div>
                  <Button size="small" onClick={() => setS({ custom: s.custom.filter((x) => x.id !== c.id) })} aria-label={`Remove custom scenario ${i + 1} (${label})`}>
                    Remove
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
        <div>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button>Add custom scenario</Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {(Object.keys(CUSTOM_KIND_LABELS) as CustomKind[]).map((k) => (
                  <MenuItem key={k} onClick={() => update((x) => ({ ...x, scenarios: { ...x.scenarios, custom: [...x.scenarios.custom, newCustom(k, nextId("c", x.scenarios.custom))] } }))}>
                    {CUSTOM_KIND_LABELS[k]}
                  </MenuItem>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>
        </div>
      </section>

      <Field label="Floor on shocked rates">
        <RadioGroup value={s.floor} onChange={(_, d) => setS({ floor: d.value as FloorKind })}>
          {(Object.keys(FLOOR_LABELS) as FloorKind[]).map((k) => (
            <Radio key={k} value={k} label={FLOOR_LABELS[k]} />
          ))}
        </RadioGroup>
      </Field>
      {s.floor === "RATE" && (
        <Field label="Floor rate (%)" validationMessage={issueFor("floor-rate")} validationState={issueFor("floor-rate") ? "error" : "none"}>
          <Input id="floor-rate" value={s.floorRatePct} onChange={(_, d) => setS({ floorRatePct: d.value })} inputMode="decimal" />
        </Field>
      )}

      <IssueList issues={issues} title="The scenarios are not ready" />

      {curves.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>The chart of shocked curves appears once the {several ? "curves" : "curve"} (step 2) {several ? "are" : "is"} ready.</MessageBarBody>
        </MessageBar>
      )}
      {curves.length > 0 && calibration === null && (
        <MessageBar intent="info">
          <MessageBarBody>The chart of shocked curves appears once the own shock sizes are read.</MessageBarBody>
        </MessageBar>
      )}
      {problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not in the chart</MessageBarTitle>
            <ul className={styles.list}>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {previews.map((p) => (
        <ShockChart key={p.currency} {...p} calibration={s.calibration === "OWN" ? "own sizes" : s.calibration} prefix={several} />
      ))}
    </div>
  );
}

/** Every shocked curve of one currency against its base curve. */
function ShockChart({ currency, curve, series, calibration, prefix }: { currency: string; curve: CurvePillars; series: ChartSeries[]; calibration: string; prefix: boolean }) {
  const base: Point[] = curve.times.map((x, i) => ({ x, y: curve.zeros[i] }));
  const all: ChartSeries[] = [{ id: "base", label: "Base", points: base, emphasis: true }, ...series];
  return (
    <LineChart
      title={`${prefix ? `${currency}: s` : "S"}hocked curves against the base`}
      summary={`${series.length} shocked curve${series.length === 1 ? "" : "s"} of ${currency} (${calibration}) and the base curve, zero rate by tenor.`}
      series={all}
      xLabel="Tenor (years)"
      yLabel="Zero rate"
      formatY={formatPctTick}
      table={{
        columns: ["Tenor", ...all.map((x) => x.label)],
        rows: curve.cells.map((cell, i) => [String(cell[0]), ...all.map((x) => (x.points[i] ? formatPct(x.points[i].y, 3) : "—"))]),
      }}
    />
  );
}
