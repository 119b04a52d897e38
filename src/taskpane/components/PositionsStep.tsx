/** Step 1: where the positions are, how their columns map to the fields of docs/getting-started.md, the as-of date, and a report of bad rows. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Text,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Issue } from "../domain/plan";
import { POSITION_FIELDS, effectiveMapping, headerRenames, requirementText, type ValidationReport } from "../domain/positions";
import type { Setup } from "../domain/setup";
import { qualified } from "../excel/a1";
import { useGateway } from "../excel/GatewayContext";
import type { RangeData, TableInfo } from "../excel/gateway";
import { ConfirmDialog } from "./ConfirmDialog";
import { ReadRangeButton } from "./ReadRangeButton";
import { IssueList } from "./IssueList";
import { RangeField } from "./RangeField";
import { useStyles } from "./styles";

export interface PositionsStepProps {
  setup: Setup;
  update: (recipe: (s: Setup) => Setup) => void;
  data: RangeData | null;
  reading: boolean;
  readError: string | null;
  onRead: () => void;
  report: ValidationReport | null;
  issues: readonly Issue[];
}

const MAX_LISTED_ROWS = 100;

export function PositionsStep({ setup, update, data, reading, readError, onRead, report, issues }: PositionsStepProps) {
  const styles = useStyles();
  const gateway = useGateway();
  const p = setup.positions;
  const [tables, setTables] = useState<TableInfo[] | null>(null);
  const [tablesError, setTablesError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState(false);
  const [renameError, setRenameError] = useState<string | null>(null);
  const [selectError, setSelectError] = useState<string | null>(null);

  const [tablesRequest, setTablesRequest] = useState(0);
  useEffect(() => {
    let alive = true;
    void gateway.listTables().then((res) => {
      if (!alive) return;
      if (res.ok) {
        setTables(res.value);
        setTablesError(null);
      } else setTablesError(res.error.message);
    });
    return () => {
      alive = false;
    };
  }, [gateway, tablesRequest]);

  const setPositions = (patch: Partial<Setup["positions"]>) => update((s) => ({ ...s, positions: { ...s.positions, ...patch } }));
  const issueFor = (field: string) => issues.find((i) => i.field === field)?.message;

  const header = data?.values[0] ?? [];
  const headers = header.map((h) => String(h ?? "")).filter((h) => h !== "");
  const mapping = data ? effectiveMapping(header, p.columnChoices) : null;
  const renames = data && mapping ? headerRenames(header, mapping) : [];
  const tableNames = [...new Set([...(tables ?? []).map((t) => t.name), ...(p.tableName ? [p.tableName] : [])])];

  const selectRow = async (index: number) => {
    if (!data) return;
    const res = await gateway.selectRange(qualified(data.sheet, { ...data.box, top: data.box.top + index, bottom: data.box.top + index }, false));
    setSelectError(res.ok ? null : res.error.message);
  };

  const doRename = async () => {
    if (!data) return;
    setRenaming(false);
    const res = await gateway.renameHeaders(renames.map((r) => ({ sheet: data.sheet, cell: { row: data.box.top, col: data.box.left + r.column }, from: r.from, to: r.field })));
    if (!res.ok) {
      setRenameError(res.error.message);
      return;
    }
    setRenameError(null);
    setPositions({ columnChoices: Object.fromEntries(Object.entries(p.columnChoices).filter(([f]) => !renames.some((r) => r.field === f))) });
    onRead();
  };

  const mappingSelect = (field: (typeof POSITION_FIELDS)[number]) => {
    const col = mapping?.[field.name] ?? null;
    const value = col === null ? "" : String(header[col] ?? "");
    const req = requirementText(field);
    return (
      <Field key={field.name} label={req ? `${field.name} (${req})` : field.name} hint={field.doc}>
        <Select
          id={`map-${field.name}`}
          value={value}
          onChange={(_, d) => setPositions({ columnChoices: { ...p.columnChoices, [field.name]: d.value } })}
        >
          <option value="">(no column)</option>
          {headers.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </Select>
      </Field>
    );
  };

  const optionalFound = mapping ? POSITION_FIELDS.filter((f) => f.required === "optional" && mapping[f.name] !== null).length : 0;

  return (
    <div className={styles.stack}>
      <Field label="Where are the positions?">
        <RadioGroup value={p.sourceKind} onChange={(_, d) => setPositions({ sourceKind: d.value as "table" | "range" })} layout="horizontal">
          <Radio value="table" label="An Excel table" />
          <Radio value="range" label="A range" />
        </RadioGroup>
      </Field>

      {p.sourceKind === "table" ? (
        <div className={styles.row}>
          <Field className={styles.grow} label="Positions table" hint="The ALM functions find its columns (Balance, Rate, Maturity, …) by the names in its header row." validationMessage={tablesError ?? issueFor("positions-table")} validationState={tablesError || issueFor("positions-table") ? "error" : "none"}>
            <Select id="positions-table" value={p.tableName} onChange={(_, d) => setPositions({ tableName: d.value })}>
              <option value="">{tables === null ? "Loading tables…" : tableNames.length === 0 ? "No tables in this workbook" : "Choose a table"}</option>
              {tableNames.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          </Field>
          <Button onClick={() => setTablesRequest((n) => n + 1)}>Refresh list</Button>
        </div>
      ) : (
        <RangeField
          id="positions-range"
          label="Positions range"
          hint="Include the header row, e.g. Positions!A1:N500."
          value={p.rangeAddress}
          onChange={(v) => setPositions({ rangeAddress: v })}
          validation={issueFor("positions-range")}
        />
      )}

      <ReadRangeButton id="read-positions" what="positions" onRead={onRead} reading={reading} error={readError ?? undefined} />
      {data && !reading && (
        <Text role="status">
          Read {Math.max(0, data.values.length - 1)} rows and {header.length} columns from {data.address}.
        </Text>
      )}

      <Field label="As-of date" hint="The valuation date of the analysis; written to the workbook as ALM_AsOf." required validationMessage={issueFor("as-of")} validationState={issueFor("as-of") ? "error" : "none"}>
        <Input id="as-of" type="date" value={p.asOf} onChange={(_, d) => setPositions({ asOf: d.value })} />
      </Field>

      {data && mapping && (
        <section className={styles.section} aria-labelledby="mapping-title">
          <h3 id="mapping-title" className={styles.sectionTitle}>
            Column mapping
          </h3>
          <Text className={styles.muted}>The ALM functions find columns by their header name (case and spaces ignored). Change a choice to use another column; its header then needs the field's name.</Text>
          {POSITION_FIELDS.filter((f) => f.required === "always" || f.required === "unless-nmd").map(mappingSelect)}
          <Accordion collapsible>
            <AccordionItem value="optional">
              <AccordionHeader size="small">Optional columns ({optionalFound} found)</AccordionHeader>
              <AccordionPanel>
                <div className={styles.stack}>{POSITION_FIELDS.filter((f) => f.required !== "always" && f.required !== "unless-nmd").map(mappingSelect)}</div>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
          {renames.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Headers to rename</MessageBarTitle>
                {renames.map((r) => `"${r.from}" → ${r.field}`).join(", ")}. The formulas only see the new mapping once the headers are renamed.
              </MessageBarBody>
              <MessageBarActions>
                <Button onClick={() => setRenaming(true)}>Rename in the sheet…</Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {renameError && (
            <MessageBar intent="error">
              <MessageBarBody>{renameError}</MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}

      {report && (
        <section className={styles.section} aria-labelledby="report-title">
          <h3 id="report-title" className={styles.sectionTitle}>
            Validation report
          </h3>
          {report.missingColumns.length === 0 && report.issues.length === 0 && !report.tableProblem ? (
            <Text role="status">No problems found in {report.rows} rows.</Text>
          ) : (
            <>
              <Text role="status">
                {report.missingColumns.length > 0 && `Missing required column${report.missingColumns.length > 1 ? "s" : ""}: ${report.missingColumns.join(", ")}. `}
                {report.tableProblem && `The table: ${report.tableProblem}. `}
                {report.issues.length > 0 && `${report.issues.length} of ${report.rows} rows need attention.`}
              </Text>
              <ul className={styles.plainList} aria-label="Rows that need attention">
                {report.issues.slice(0, MAX_LISTED_ROWS).map((issue) => {
                  const sheetRow = (data?.box.top ?? 0) + issue.index + 1;
                  return (
                    <li key={issue.index} className={styles.card}>
                      <Text weight="semibold">
                        Row {issue.row}
                        {issue.id ? ` (${issue.id})` : ""}, sheet row {sheetRow}
                      </Text>
                      <ul className={styles.list}>
                        {issue.problems.map((pr) => (
                          <li key={pr}>{pr}</li>
                        ))}
                      </ul>
                      <div>
                        <Button size="small" onClick={() => void selectRow(issue.index)} aria-label={`Select row ${issue.row}${issue.id ? ` (${issue.id})` : ""} in the sheet`}>
                          Select row {issue.row}
                        </Button>
                      </div>
                    </li>
                  );
                })}
              </ul>
              {report.issues.length > MAX_LISTED_ROWS && <Text>…and {report.issues.length - MAX_LISTED_ROWS} more rows.</Text>}
            </>
          )}
          {selectError && (
            <MessageBar intent="error">
              <MessageBarBody>{selectError}</MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}
      <IssueList issues={issues.filter((i) => !i.field || i.field === "read-positions")} />

      <ConfirmDialog
        open={renaming}
        title="Rename headers in your sheet?"
        confirmLabel={`Rename ${renames.length} header${renames.length === 1 ? "" : "s"}`}
        onConfirm={() => void doRename()}
        onCancel={() => setRenaming(false)}
      >
        <p>These header cells of {data?.address} will change; nothing else is touched:</p>
        <ul className={styles.list}>
          {renames.map((r) => (
            <li key={r.field}>
              “{r.from}” becomes “{r.field}”
            </li>
          ))}
        </ul>
      </ConfirmDialog>
    </div>
  );
}
