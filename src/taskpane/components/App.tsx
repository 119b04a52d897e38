/**
 * The wizard: four steps (docs/taskpane.md) as tabs, each usable on its own, with Back/Next, the setup
 * saved in the workbook as it changes, and the reads of positions and curve kept for the checks and charts.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toIso } from "../../engine/time/serialDate";
import { STEPS, checkSetup, type StepId } from "../domain/plan";
import { positionsSource, type Setup } from "../domain/setup";
import { useGateway } from "../excel/GatewayContext";
import type { GatewayError, RangeData, SampleBankReport } from "../excel/gateway";
import { useRangeRead } from "../state/useRangeRead";
import { useSetupStore } from "../state/useSetupStore";
import { CurveStep } from "./CurveStep";
import { OutputStep } from "./OutputStep";
import { PositionsStep } from "./PositionsStep";
import { ScenariosStep } from "./ScenariosStep";

const TITLES: Record<StepId, string> = { positions: "Positions", curve: "Curve", scenarios: "Scenarios", output: "Output" };
const INTROS: Record<StepId, string> = {
  positions: "Pick the positions table, check its columns and rows, and set the as-of date.",
  curve: "Pick or type the base zero curve (one per currency when the positions hold several) and check its shape.",
  scenarios: "Choose the currency, the shock calibration, the scenarios and the floor.",
  output: "Write live ALM formulas, names and charts into the workbook.",
};

const useAppStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    maxWidth: "48rem",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexWrap: "wrap", alignItems: "baseline", justifyContent: "space-between", columnGap: tokens.spacingHorizontalM },
  title: { margin: 0 },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  tabList: { flexWrap: "wrap" },
  stepHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px", borderRadius: tokens.borderRadiusSmall },
  },
  nav: { display: "flex", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, paddingTop: tokens.spacingVerticalM, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  status: { color: tokens.colorNeutralForeground3 },
  sample: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  sampleTitle: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
});

type SampleState = { kind: "idle" } | { kind: "writing" } | { kind: "done"; report: SampleBankReport } | { kind: "failed"; error: GatewayError };

/** The setup that runs the wizard on what "Try the sample bank" wrote. */
export function sampleSetup(s: Setup, r: SampleBankReport): Setup {
  return {
    ...s,
    positions: { ...s.positions, sourceKind: "table", tableName: r.table, asOf: toIso(r.asOf), columnChoices: {} },
    curve: { ...s.curve, sourceKind: "range", rangeAddress: r.curves[r.currency] },
    scenarios: { ...s.scenarios, currency: r.currency },
    output: { ...s.output, tier1: String(r.tier1) },
  };
}

interface ReadSlot {
  key: string | null;
  data: RangeData | null;
  reading: boolean;
  error: string | null;
}
const EMPTY_SLOT: ReadSlot = { key: null, data: null, reading: false, error: null };

const positionsKey = (s: Setup) => {
  const src = positionsSource(s.positions);
  return src ? `${src.kind}:${src.kind === "table" ? src.name : src.address}` : null;
};

export function App() {
  const styles = useAppStyles();
  const gateway = useGateway();
  const store = useSetupStore(gateway);
  const { setup, update } = store;
  const [step, setStep] = useState<StepId>("positions");
  const [focusHeading, setFocusHeading] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [positions, setPositions] = useState<ReadSlot>(EMPTY_SLOT);
  const curve = useRangeRead(gateway);
  const curves = useRangeRead(gateway);
  const fx = useRangeRead(gateway);
  const ownSizes = useRangeRead(gateway);
  const [restoredNote, setRestoredNote] = useState(true);
  const [sample, setSample] = useState<SampleState>({ kind: "idle" });

  const pKey = positionsKey(setup);
  const views = {
    curve: curve.view(setup.curve.rangeAddress),
    curves: curves.view(setup.curve.curvesAddress),
    fx: fx.view(setup.fx.rangeAddress),
    ownSizes: ownSizes.view(setup.scenarios.ownSizesAddress),
  };
  const positionsRead = positions.key !== null && positions.key === pKey ? positions.data : null;
  const read = useMemo(
    () => ({ positions: positionsRead, curve: views.curve.data, curves: views.curves.data, fx: views.fx.data, ownSizes: views.ownSizes.data }),
    [positionsRead, views.curve.data, views.curves.data, views.fx.data, views.ownSizes.data]
  );
  const check = useMemo(() => checkSetup(setup, read), [setup, read]);

  const readPositions = useCallback(
    async (s: Setup) => {
      const src = positionsSource(s.positions);
      if (!src) {
        setPositions({ ...EMPTY_SLOT, error: s.positions.sourceKind === "table" ? "Choose a table first." : "Type or select the range first." });
        return;
      }
      setPositions((x) => ({ ...x, reading: true, error: null }));
      const res = await gateway.readTable(src);
      setPositions(res.ok ? { key: positionsKey(s), data: res.value, reading: false, error: null } : { ...EMPTY_SLOT, error: res.error.message });
    },
    [gateway]
  );

  // A restored setup is read again from the workbook, so the checks and charts show this month's data.
  const restoredFor = useRef<Setup | null>(null);
  const { read: readCurve } = curve;
  const { read: readCurves } = curves;
  const { read: readFx } = fx;
  const { read: readOwnSizes } = ownSizes;
  useEffect(() => {
    if (store.load !== "restored" || restoredFor.current === setup) return;
    if (restoredFor.current !== null) return;
    restoredFor.current = setup;
    if (positionsKey(setup)) void readPositions(setup);
    if (setup.curve.sourceKind === "range" && setup.curve.rangeAddress.trim()) void readCurve(setup.curve.rangeAddress);
    if (setup.curve.curvesAddress.trim()) void readCurves(setup.curve.curvesAddress);
    if (setup.fx.sourceKind === "range" && setup.fx.rangeAddress.trim()) void readFx(setup.fx.rangeAddress);
    if (setup.scenarios.calibration === "OWN" && setup.scenarios.ownSizesAddress.trim()) void readOwnSizes(setup.scenarios.ownSizesAddress);
  }, [store.load, setup, readPositions, readCurve, readCurves, readFx, readOwnSizes]);

  useEffect(() => {
    if (focusHeading) {
      headingRef.current?.focus();
      setFocusHeading(false);
    }
  }, [focusHeading, step]);

  const go = (target: StepId, focus: boolean) => {
    setStep(target);
    setFocusHeading(focus);
    void store.flush();
  };
  // "Try the sample bank": a new sheet with the sample positions and curves, then the whole setup
  // pointed at them, read, and the Output step opened.
  const trySample = async () => {
    setSample({ kind: "writing" });
    const res = await gateway.writeSampleBank();
    if (!res.ok) {
      setSample({ kind: "failed", error: res.error });
      return;
    }
    const next = sampleSetup(setup, res.value);
    update((s) => sampleSetup(s, res.value));
    await Promise.all([readPositions(next), readCurve(next.curve.rangeAddress)]);
    setSample({ kind: "done", report: res.value });
    go("output", true);
  };

  const index = STEPS.indexOf(step);
  const stepIssues = check.issues.filter((i) => i.step === step);
  const blocking = stepIssues.filter((i) => i.blocking).length;
  const warnings = stepIssues.length - blocking;
  const status = blocking > 0 ? `${blocking} thing${blocking === 1 ? "" : "s"} to do` : warnings > 0 ? `Ready, ${warnings} warning${warnings === 1 ? "" : "s"}` : "Ready";

  const saveText =
    store.save.status === "saving" ? "Saving…" : store.save.status === "saved" ? "Setup saved in this workbook" : store.save.status === "failed" ? `Setup not saved: ${store.save.message}` : "";

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          ALM scenarios
        </Title3>
        <Text size={200} className={styles.status} role="status" aria-live="polite">
          {saveText}
        </Text>
      </header>

      {store.load === "restored" && restoredNote && (
        <MessageBar intent="info">
          <MessageBarBody>Restored the setup saved in this workbook.</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => setRestoredNote(false)}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {store.load === "offered" && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>This workbook has a saved setup. Use it instead of what you have typed?</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={store.acceptOffered}>
              Use saved setup
            </Button>
            <Button size="small" onClick={store.dismissOffered}>
              Keep mine
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {store.load === "failed" && store.loadMessage && (
        <MessageBar intent="warning">
          <MessageBarBody>{store.loadMessage}</MessageBarBody>
        </MessageBar>
      )}
      {store.save.status === "failed" && (
        <MessageBar intent="warning">
          <MessageBarBody>The setup could not be saved in the workbook; what you typed is still here.</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void store.flush()}>
              Try again
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      <div aria-live="polite">
        {sample.kind === "done" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Sample bank ready</MessageBarTitle>
              Added the sheet “{sample.report.sheet}” with the table {sample.report.table} ({sample.report.positions} {sample.report.currency} positions) and the USD and EUR
              zero curves. Every step now uses them: as of {toIso(sample.report.asOf)}, the {sample.report.currency} curve, currency {sample.report.currency}, Tier 1{" "}
              {sample.report.tier1.toLocaleString("en")}. Write the results below.
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => setSample({ kind: "idle" })}>
                Dismiss
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {sample.kind === "failed" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Sample bank not written</MessageBarTitle>
              {sample.error.message}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => setSample({ kind: "idle" })}>
                Dismiss
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>

      <nav aria-label="Wizard steps" className={styles.tabs}>
        <TabList className={styles.tabList} selectedValue={step} onTabSelect={(_, d) => go(d.value as StepId, false)} size="small">
          {STEPS.map((s, i) => (
            <Tab key={s} id={`tab-${s}`} value={s} aria-controls="step-panel">
              {`${i + 1} ${TITLES[s]}`}
            </Tab>
          ))}
        </TabList>
      </nav>

      <main id="step-panel" role="tabpanel" aria-labelledby={`tab-${step}`}>
        <div style={{ display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM }}>
          <div>
            <h2 ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
              Step {index + 1} of {STEPS.length}: {TITLES[step]}
            </h2>
            <Text size={200} className={styles.status}>
              {INTROS[step]} Status: {status}.
            </Text>
          </div>
          {step === "positions" && (
            <section className={styles.sample} aria-labelledby="sample-title">
              <h3 id="sample-title" className={styles.sampleTitle}>
                No positions at hand?
              </h3>
              <Text id="sample-text" size={200}>
                Try the add-in on an illustrative bank: it adds a new sheet with the sample positions as an Excel table and USD and EUR zero curves, fills in every
                step, and opens the Output step. Nothing already in the workbook is changed.
              </Text>
              <Button aria-describedby="sample-text" disabled={sample.kind === "writing"} onClick={() => void trySample()}>
                Try the sample bank
              </Button>
              {sample.kind === "writing" && <Spinner size="tiny" label="Writing the sample bank…" />}
            </section>
          )}
          {step === "positions" && (
            <PositionsStep
              setup={setup}
              update={update}
              data={read.positions}
              reading={positions.reading}
              readError={positions.error}
              onRead={() => void readPositions(setup)}
              report={check.report}
              issues={stepIssues}
            />
          )}
          {step === "curve" && <CurveStep setup={setup} update={update} curveRead={views.curve} curvesRead={views.curves} fxRead={views.fx} check={check} issues={stepIssues} />}
          {step === "scenarios" && <ScenariosStep setup={setup} update={update} ownSizesRead={views.ownSizes} check={check} issues={stepIssues} />}
          {step === "output" && <OutputStep setup={setup} update={update} check={check} onGoTo={(s) => go(s, true)} beforeWrite={store.flush} />}
        </div>
      </main>

      <nav aria-label="Step navigation" className={styles.nav}>
        <Button disabled={index === 0} onClick={() => go(STEPS[index - 1], true)}>
          {index > 0 ? `Back: ${TITLES[STEPS[index - 1]]}` : "Back"}
        </Button>
        {index < STEPS.length - 1 && (
          <Button appearance="primary" onClick={() => go(STEPS[index + 1], true)}>
            Next: {TITLES[STEPS[index + 1]]}
          </Button>
        )}
      </nav>
    </div>
  );
}
