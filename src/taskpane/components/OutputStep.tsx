/**
 * Step 4: what will be written, then the write itself through the gateway. A write that would touch
 * cells the add-in did not write stops and asks (listing the cells); a protected sheet or a failed write
 * says exactly what happened. The setup in the pane is never cleared by any outcome.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { STEPS, type Issue, type PlanCheck, type StepId } from "../domain/plan";
import type { OutlierMethod, OutlierRule, Setup } from "../domain/setup";
import type { Conflict } from "../excel/ownership";
import { useGateway } from "../excel/GatewayContext";
import type { GatewayError, WriteReport } from "../excel/gateway";
import { SHEETS, outputPlan, planFormulas } from "../excel/sheetLayouts";
import { ConfirmDialog } from "./ConfirmDialog";
import { useStyles } from "./styles";

export interface OutputStepProps {
  setup: Setup;
  update: (recipe: (s: Setup) => Setup) => void;
  check: PlanCheck;
  onGoTo: (step: StepId) => void;
  beforeWrite: () => Promise<void>;
}

const STEP_NAMES: Record<StepId, string> = { positions: "Positions", curve: "Curve", scenarios: "Scenarios", output: "Output" };
const REASONS: Record<Conflict["reason"], string> = {
  occupied: "holds data the add-in did not write",
  edited: "was written by the add-in and edited since",
  "name-exists": "is a name the add-in did not define",
  "name-edited": "is the add-in's name, changed since",
};
const MAX_LISTED = 25;

const METHOD_LABELS: Record<OutlierMethod, string> = {
  FULL: "Full revaluation (as ALM.DELTAEVE)",
  STANDARD: "Standardised framework (as ALM.STANDARDEVE)",
};
const RULE_LABELS: Record<OutlierRule, string> = {
  BCBS: "BCBS: the sum of the currencies' losses (gains count 0)",
  EU: "EU: losses plus 50 % of gains; also the 5 % NII test",
};

type Outcome = { kind: "idle" } | { kind: "writing" } | { kind: "done"; report: WriteReport } | { kind: "failed"; error: GatewayError } | { kind: "cancelled" };

export function OutputStep({ setup, update, check, onGoTo, beforeWrite }: OutputStepProps) {
  const styles = useStyles();
  const gateway = useGateway();
  const o = setup.output;
  const setO = (patch: Partial<Setup["output"]>) => update((s) => ({ ...s, output: { ...s.output, ...patch } }));
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const [conflicts, setConflicts] = useState<readonly Conflict[] | null>(null);
  const [recalc, setRecalc] = useState<string | null>(null);
  const plan = useMemo(() => (check.input ? outputPlan(check.input) : null), [check.input]);
  const formulas = useMemo(() => (plan ? planFormulas(plan) : []), [plan]);
  const blocking = check.issues.filter((i) => i.blocking);
  const tier1Issue = check.issues.find((i) => i.field === "tier1")?.message;
  const currencies = check.book.currencies;
  const several = currencies.length > 1;
  const reporting = setup.fx.reporting.trim().toUpperCase();

  const write = async (allowOverwrite?: readonly string[]) => {
    if (!plan) return;
    setConflicts(null);
    setOutcome({ kind: "writing" });
    await beforeWrite();
    const res = await gateway.writeOutput(plan, { allowOverwrite });
    if (res.ok) setOutcome({ kind: "done", report: res.value });
    else if (res.error.code === "NEEDS_CONFIRMATION" && res.error.conflicts) {
      setConflicts(res.error.conflicts);
      setOutcome({ kind: "idle" });
    } else setOutcome({ kind: "failed", error: res.error });
  };

  const recalculate = async () => {
    setRecalc("Recalculating…");
    const res = await gateway.recalculate();
    setRecalc(res.ok ? "Recalculation requested: Excel is recalculating every formula." : `Could not recalculate: ${res.error.message}`);
  };

  const byStep = (step: StepId) => blocking.filter((i) => i.step === step);

  return (
    <div className={styles.stack}>
      <Field
        label={several ? `Tier 1 capital${reporting ? ` (${reporting})` : ""}${o.outlierTest ? "" : " (optional)"}` : "Tier 1 capital (optional)"}
        hint={several ? "For the outlier test (ALM.OUTLIERTEST), in the reporting currency; written as ALM_Tier1." : "For the outlier test of ALM.STANDARDEVE; written as ALM_Tier1."}
        validationMessage={tier1Issue}
        validationState={tier1Issue ? "error" : "none"}
      >
        <Input id="tier1" value={o.tier1} onChange={(_, d) => setO({ tier1: d.value })} inputMode="decimal" />
      </Field>

      {several && (
        <section className={styles.section} aria-labelledby="outlier-title">
          <h3 id="outlier-title" className={styles.sectionTitle}>
            Outlier test across {currencies.join(", ")}
          </h3>
          <Checkbox
            label="Write the supervisory outlier test (ALM.OUTLIERTEST): each currency's ΔEVE and ΔNII in the reporting currency, the aggregate and its % of Tier 1"
            checked={o.outlierTest}
            onChange={(_, d) => setO({ outlierTest: d.checked === true })}
          />
          {o.outlierTest && (
            <>
              <Field label="Method">
                <RadioGroup value={o.method} onChange={(_, d) => setO({ method: d.value as OutlierMethod })}>
                  {(Object.keys(METHOD_LABELS) as OutlierMethod[]).map((k) => (
                    <Radio key={k} value={k} label={METHOD_LABELS[k]} />
                  ))}
                </RadioGroup>
              </Field>
              <Field label="Aggregation across currencies">
                <RadioGroup value={o.rule} onChange={(_, d) => setO({ rule: d.value as OutlierRule })}>
                  {(Object.keys(RULE_LABELS) as OutlierRule[]).map((k) => (
                    <Radio key={k} value={k} label={RULE_LABELS[k]} />
                  ))}
                </RadioGroup>
              </Field>
            </>
          )}
        </section>
      )}

      <div role="group" aria-labelledby="outputs-label" className={styles.tight}>
        <Text id="outputs-label" weight="semibold">
          Results to write on “{SHEETS.results}”{several ? ", one section per currency" : ""}
        </Text>
        <Checkbox label="ΔEVE under the six Basel scenarios (ALM.DELTAEVE)" checked={o.deltaEve} onChange={(_, d) => setO({ deltaEve: d.checked === true })} />
        <Checkbox label="Standardised EVE (ALM.STANDARDEVE)" checked={o.standardEve} onChange={(_, d) => setO({ standardEve: d.checked === true })} />
        <Checkbox label="ΔNII, 12 months (ALM.DELTANII)" checked={o.deltaNii} onChange={(_, d) => setO({ deltaNii: d.checked === true })} />
        <Checkbox label="Repricing gap (ALM.REPRICINGGAP)" checked={o.repricingGap} onChange={(_, d) => setO({ repricingGap: d.checked === true })} />
        <Checkbox label="Charts: ΔEVE bars and repricing-gap columns" checked={o.charts} onChange={(_, d) => setO({ charts: d.checked === true })} />
      </div>

      {blocking.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not ready to write</MessageBarTitle>
            <ul className={styles.list}>
              {blocking.map((i: Issue, n) => (
                <li key={n}>
                  {STEP_NAMES[i.step]}: {i.message}
                </li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            {STEPS.filter((s) => s !== "output" && byStep(s).length > 0).map((s) => (
              <Button key={s} size="small" onClick={() => onGoTo(s)}>
                Go to {STEP_NAMES[s]}
              </Button>
            ))}
          </MessageBarActions>
        </MessageBar>
      )}

      {plan && (
        <section className={styles.section} aria-labelledby="write-summary-title">
          <h3 id="write-summary-title" className={styles.sectionTitle}>
            What the add-in will write
          </h3>
          <ul className={styles.list}>
            <li>
              Sheet “{SHEETS.scenarios}”: the inputs and {plan.sheets[0].spills.length} scenario curve{plan.sheets[0].spills.length === 1 ? "" : "s"} as ALM.SHOCK formulas
              {several ? `, for ${currencies.join(", ")}` : ""}.
            </li>
            <li>
              Sheet “{SHEETS.results}”: {formulas.filter((f) => f.address.startsWith(`'${SHEETS.results}'`)).length} live ALM formulas
              {plan.charts.length > 0 ? ` and ${plan.charts.length} chart${plan.charts.length === 1 ? "" : "s"}` : ""}.
            </li>
            <li>Names: {plan.names.map((n) => n.name).join(", ")}.</li>
          </ul>
          <Text size={200} className={styles.muted}>
            It writes only cells it wrote before or empty cells, and asks before anything else.
          </Text>
          <Accordion collapsible>
            <AccordionItem value="formulas">
              <AccordionHeader size="small">Show the {formulas.length} formulas</AccordionHeader>
              <AccordionPanel>
                <ul className={styles.plainList} aria-label="Formulas to write">
                  {formulas.map((f) => (
                    <li key={f.address}>
                      <Text weight="semibold" size={200}>
                        {f.address}
                      </Text>
                      <div className={styles.code}>{f.formula}</div>
                    </li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </section>
      )}

      <div className={styles.row}>
        <Button appearance="primary" disabled={!plan || outcome.kind === "writing"} onClick={() => void write()}>
          Write to workbook
        </Button>
        <Button onClick={() => void recalculate()}>Recalculate workbook</Button>
        {outcome.kind === "writing" && <Spinner size="tiny" label="Writing…" />}
      </div>
      <div aria-live="polite" className={styles.stack}>
        {outcome.kind === "done" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Written</MessageBarTitle>
              {outcome.report.cellsWritten} cells on {outcome.report.sheets.map((s) => `“${s}”`).join(" and ")}
              {outcome.report.names.length > 0 ? `, names ${outcome.report.names.join(", ")}` : ""}
              {outcome.report.charts.length > 0 ? `, charts ${outcome.report.charts.join(", ")}` : ""}
              {outcome.report.cellsCleared > 0 ? `; cleared ${outcome.report.cellsCleared} cell${outcome.report.cellsCleared === 1 ? "" : "s"} it no longer needs` : ""}.
              {outcome.report.overwritten.length > 0 && ` Overwrote ${outcome.report.overwritten.length} cell${outcome.report.overwritten.length === 1 ? "" : "s"} you confirmed.`}
              {outcome.report.released.length > 0 && ` Left ${outcome.report.released.length} cell${outcome.report.released.length === 1 ? "" : "s"} you edited as they are: ${outcome.report.released.join(", ")}.`}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => void gateway.selectRange(`'${SHEETS.results}'!A1`)}>
                Show results
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {outcome.kind === "cancelled" && (
          <MessageBar intent="info">
            <MessageBarBody>Nothing was written. Move or clear those cells, or write again and confirm.</MessageBarBody>
          </MessageBar>
        )}
        {outcome.kind === "failed" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{outcome.error.code === "PROTECTED" ? "Protected sheet" : outcome.error.code === "PARTIAL_WRITE" ? "Write interrupted" : "Not written"}</MessageBarTitle>
              {outcome.error.message}
              {outcome.error.left && (
                <ul className={styles.list}>
                  {outcome.error.left.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {recalc && <Text>{recalc}</Text>}
      </div>

      <ConfirmDialog
        open={conflicts !== null}
        title="Overwrite cells the add-in did not write?"
        confirmLabel={`Overwrite ${conflicts?.length ?? 0} cell${conflicts?.length === 1 ? "" : "s"}`}
        onConfirm={() => void write(conflicts?.map((c) => c.key))}
        onCancel={() => {
          setConflicts(null);
          setOutcome({ kind: "cancelled" });
        }}
      >
        <p>Nothing has been written yet. Writing now would replace:</p>
        <ul className={styles.list} aria-label="Cells that would be overwritten">
          {(conflicts ?? []).slice(0, MAX_LISTED).map((c) => (
            <li key={c.key}>
              <strong>{c.address}</strong> “{c.current}” — {REASONS[c.reason]}
            </li>
          ))}
        </ul>
        {(conflicts?.length ?? 0) > MAX_LISTED && <p>…and {(conflicts?.length ?? 0) - MAX_LISTED} more.</p>}
      </ConfirmDialog>
    </div>
  );
}
