/**
 * The wizard in jsdom, driven by role and label as a user (or a screen reader) finds things, with the
 * real gateway over the fake Excel host (methods replaced where a test needs another answer).
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import { tier1In } from "../../src/sample/sampleBank";
import { defaultSetup, type Setup } from "../../src/taskpane/domain/setup";
import { SETTINGS } from "../../src/taskpane/excel/gateway";
import { renderPane, spyGateway } from "./support/renderPane";
import { SAMPLE_CURVE_RANGES, withFakeHost } from "./support/fakeHost";

const fake = withFakeHost();

jest.setTimeout(30000);

/**
 * The open confirmation dialog with this title. Under load, tabster (Fluent's focus manager) in jsdom can
 * leave `aria-hidden` on a freshly opened dialog, which hides it from role queries; the dialog's roles and
 * names are checked by axe-core in the browser test, so here it is found by role attribute and title.
 */
async function findDialog(title: string): Promise<HTMLElement> {
  return waitFor(() => {
    const dialog = [...document.querySelectorAll<HTMLElement>("[role=alertdialog]")].find((d) => {
      const label = document.getElementById(d.getAttribute("aria-labelledby") ?? "");
      return label?.textContent === title;
    });
    if (!dialog) throw new Error(`no open dialog titled "${title}"`);
    return dialog;
  });
}

async function readPositionsTable(user: ReturnType<typeof renderPane>["user"]) {
  await screen.findByRole("option", { name: "Positions" });
  await user.selectOptions(await screen.findByRole("combobox", { name: "Positions table" }), "Positions");
  await user.click(screen.getByRole("button", { name: "Read positions" }));
  await screen.findByText(/Read 10 rows and 13 columns from Positions!\$A\$1:\$M\$11/);
}

describe("positions step", () => {
  it("reads a table, shows the detected column mapping (every column of the schema) and a clean validation report", async () => {
    const { user } = renderPane();
    await readPositionsTable(user);
    expect(screen.getByRole("combobox", { name: /^Balance \(required\)/ })).toHaveValue("Balance");
    expect(screen.getByRole("combobox", { name: /^Maturity/ })).toHaveValue("Maturity");
    // The contract terms of the ACTUS issue are offered among the optional columns, unmapped in this table.
    await user.click(screen.getByRole("button", { name: /^Optional columns/ }));
    for (const term of ["FirstPayment", "PrincipalFrequency", "FirstPrincipal", "Stub", "BusinessDay", "Calendar", "EndOfMonth", "Redemption", "AccruedInterest", "Cap", "Floor", "Multiplier", "FixingDays"]) {
      expect(screen.getByRole("combobox", { name: new RegExp(`^${term}\\b`) })).toHaveValue("");
    }
    expect(screen.getByText("No problems found in 10 rows.")).toBeInTheDocument();
  });

  it("lists every bad row of a range with a button that selects it in the sheet", async () => {
    const gateway = spyGateway();
    const { user } = renderPane(gateway);
    await user.click(screen.getByRole("radio", { name: "A range" }));
    await user.type(screen.getByRole("textbox", { name: /Positions range/ }), "Draft!A1:M5");
    await user.click(screen.getByRole("button", { name: "Read positions" }));
    const rows = await screen.findByRole("list", { name: "Rows that need attention" });
    const items = within(rows).getAllByRole("listitem").filter((li) => li.parentElement === rows);
    expect(items).toHaveLength(2);
    // Row numbers and wording are the functions' own: ALM.EVE would say "positions, row 3, column Balance: …".
    expect(items[0]).toHaveTextContent('Row 3 (X-2), sheet row 3column Balance: got the text "n/a"; expected an outstanding principal amount');
    expect(items[1]).toHaveTextContent("Row 4 (X-3), sheet row 4column Maturity: a value is required here, but the cell is empty");
    await user.click(screen.getByRole("button", { name: "Select row 4 (X-3) in the sheet" }));
    expect(gateway.selectRange).toHaveBeenLastCalledWith("Draft!A4:M4");
    expect(fake.current().wb.selection).toEqual({ sheet: "Draft", box: { top: 3, left: 0, bottom: 3, right: 12 } });
  });

  it("fills the range from the selection in Excel", async () => {
    const { user } = renderPane();
    fake.current().wb.selection = { sheet: "Draft", box: { top: 0, left: 0, bottom: 4, right: 12 } };
    await user.click(screen.getByRole("radio", { name: "A range" }));
    await user.click(screen.getByRole("button", { name: "Use selection for the positions range" }));
    expect(screen.getByRole("textbox", { name: /Positions range/ })).toHaveValue("Draft!A1:M5");
  });

  it("asks before renaming a header the user mapped to a field, then renames only that cell", async () => {
    const { wb } = fake.current();
    wb.setInput(wb.sheet("Draft")!, { row: 0, col: 2 }, "Outstanding");
    const gateway = spyGateway();
    const { user } = renderPane(gateway);
    await user.click(screen.getByRole("radio", { name: "A range" }));
    await user.type(screen.getByRole("textbox", { name: /Positions range/ }), "Draft!A1:M5");
    await user.click(screen.getByRole("button", { name: "Read positions" }));
    await screen.findByText(/^Missing required column: Balance\.$/);
    await user.selectOptions(screen.getByRole("combobox", { name: /^Balance \(required\)/ }), "Outstanding");
    await user.click(screen.getByRole("button", { name: "Rename in the sheet…" }));
    const dialog = await findDialog("Rename headers in your sheet?");
    expect(dialog).toHaveTextContent("“Outstanding” becomes “Balance”");
    await user.click(within(dialog).getByRole("button", { name: "Rename 1 header", hidden: true }));
    await waitFor(() => expect(wb.formulaOf(wb.sheet("Draft")!, { row: 0, col: 2 })).toBe("Balance"));
    expect(gateway.renameHeaders).toHaveBeenCalledWith([{ sheet: "Draft", cell: { row: 0, col: 2 }, from: "Outstanding", to: "Balance" }]);
  });

  it("takes the as-of date from a labelled date field", async () => {
    const { user } = renderPane();
    const date = screen.getByLabelText(/As-of date/);
    expect(date).toHaveAttribute("type", "date");
    await user.type(date, "2025-12-31");
    expect(date).toHaveValue("2025-12-31");
  });
});

describe("curve step", () => {
  it("charts typed pillars with a text alternative and a table of the numbers", async () => {
    const { user } = renderPane();
    await user.click(screen.getByRole("tab", { name: "2 Curve" }));
    await user.click(screen.getByRole("radio", { name: "Pillars typed here" }));
    const rates = ["2.1", "2.3", "2.4", "2.6", "2.9", "3.0"];
    for (const [i, r] of rates.entries()) await user.type(screen.getByRole("textbox", { name: `Zero rate of pillar ${i + 1}, percent` }), r);
    const chart = await screen.findByRole("img", { name: /Base zero curve\. Zero rates from 2\.10% at 3M to 3\.00% at 30Y/ });
    expect(chart).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Show the numbers as a table" }));
    const table = screen.getByRole("table", { name: "Base zero curve: values" });
    expect(within(table).getAllByRole("row")).toHaveLength(7);
  });

  it("names the pillar that is wrong and removes pillars by a labelled button", async () => {
    const { user } = renderPane();
    await user.click(screen.getByRole("tab", { name: "2 Curve" }));
    await user.click(screen.getByRole("radio", { name: "Pillars typed here" }));
    await user.type(screen.getByRole("textbox", { name: "Zero rate of pillar 1, percent" }), "abc");
    expect(await screen.findByText(/Pillar 1: zero rate "abc" is not a number/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Remove pillar 6 (30Y)" }));
    expect(screen.queryByRole("textbox", { name: "Tenor of pillar 6" })).not.toBeInTheDocument();
  });

  it("reads a curve range and charts it", async () => {
    const { user } = renderPane();
    await user.click(screen.getByRole("tab", { name: "2 Curve" }));
    await user.type(screen.getByRole("textbox", { name: /Curve range/ }), "Curve!A1:B10");
    await user.click(screen.getByRole("button", { name: "Read curve" }));
    expect(await screen.findByText("Read 9 pillars from Curve!$A$1:$B$10.")).toBeInTheDocument();
    expect(screen.getByRole("img", { name: /Base zero curve/ })).toBeInTheDocument();
  });
});

describe("scenarios step", () => {
  async function withCurve(user: ReturnType<typeof renderPane>["user"]) {
    await user.click(screen.getByRole("tab", { name: "2 Curve" }));
    await user.type(screen.getByRole("textbox", { name: /Curve range/ }), "Curve!A1:B10");
    await user.click(screen.getByRole("button", { name: "Read curve" }));
    await screen.findByText(/Read 9 pillars/);
    await user.click(screen.getByRole("button", { name: "Next: Scenarios" }));
  }

  it("charts the six Basel curves against the base, computed by ALM.SHOCK", async () => {
    const { user } = renderPane();
    await withCurve(user);
    expect(screen.getByRole("heading", { name: "Step 3 of 4: Scenarios" })).toHaveFocus();
    const chart = await screen.findByRole("img", { name: /Shocked curves against the base\. 6 shocked curves of EUR \(BCBS2024\)/ });
    expect(chart).toBeInTheDocument();
    const legend = screen.getByRole("list", { name: "Legend of shocked curves against the base" });
    expect(within(legend).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Base", "Parallel up", "Parallel down", "Steepener", "Flattener", "Short rates up", "Short rates down"]);
    await user.click(screen.getByRole("checkbox", { name: "Steepener" }));
    expect(screen.getByRole("img", { name: /5 shocked curves/ })).toBeInTheDocument();
  });

  it("adds, edits and removes custom scenarios with labelled fields, and flags bad input", async () => {
    const { user } = renderPane();
    await withCurve(user);
    await user.click(screen.getByRole("button", { name: "Add custom scenario" }));
    await user.click(await screen.findByRole("menuitem", { name: "Twist around a pivot" }));
    const card = screen.getByRole("listitem", { name: "Custom scenario 1: Twist around a pivot" });
    const pivot = within(card).getByRole("textbox", { name: /Pivot tenor/ });
    await user.clear(pivot);
    await user.type(pivot, "40Y");
    expect(pivot).toHaveAccessibleDescription(/Pivot must be a tenor between 0 and 30 years, like 5Y/);
    await user.clear(pivot);
    await user.type(pivot, "7Y");
    expect(screen.getByRole("img", { name: /7 shocked curves/ })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Add custom scenario" }));
    await user.click(await screen.findByRole("menuitem", { name: "Ramp (NII)" }));
    expect(screen.getByRole("listitem", { name: "Custom scenario 2: Ramp (NII)" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: /Remove custom scenario 1/ }));
    expect(screen.getByRole("listitem", { name: "Custom scenario 1: Ramp (NII)" })).toBeInTheDocument();
  });

  it("explains an unknown currency instead of drawing wrong curves", async () => {
    const { user } = renderPane();
    await withCurve(user);
    const currency = screen.getByRole("combobox", { name: /Currency/ });
    await user.clear(currency);
    await user.type(currency, "XXX");
    await user.keyboard("{Escape}");
    expect(await screen.findByText("Not in the chart")).toBeInTheDocument();
    expect(screen.getAllByText(/Parallel up: #VALUE!/).length).toBeGreaterThan(0);
  });

  it("asks for a floor rate when the floor is a rate", async () => {
    const { user } = renderPane();
    await user.click(screen.getByRole("tab", { name: "3 Scenarios" }));
    await user.click(screen.getByRole("radio", { name: "A rate" }));
    const rate = screen.getByRole("textbox", { name: "Floor rate (%)" });
    expect(rate).toHaveAccessibleDescription(/Floor rate must be a number of percent, like -1/);
    await user.type(rate, "-0.5");
    expect(rate).not.toHaveAccessibleDescription(/Floor rate must be/);
  });
});

/** A setup ready to write: demo table, as-of date, demo curve range. */
function readySetup(): Setup {
  const s = defaultSetup();
  return {
    ...s,
    positions: { ...s.positions, sourceKind: "table", tableName: "Positions", asOf: "2025-12-31" },
    curve: { ...s.curve, sourceKind: "range", rangeAddress: "Curve!A1:B10" },
  };
}

describe("output step", () => {
  it("restores a saved setup, re-reads the workbook and writes formulas, names and charts", async () => {
    fake.current().wb.settings.set(SETTINGS.setup, JSON.stringify(readySetup()));
    const gateway = spyGateway();
    const { user } = renderPane(gateway);
    expect(await screen.findByText("Restored the setup saved in this workbook.")).toBeInTheDocument();
    await waitFor(() => expect(gateway.readTable).toHaveBeenCalledWith({ kind: "table", name: "Positions" }));
    await waitFor(() => expect(gateway.readRange).toHaveBeenCalledWith("Curve!A1:B10"));
    await user.click(screen.getByRole("tab", { name: "4 Output" }));
    await user.click(screen.getByRole("button", { name: /Show the \d+ formulas/ }));
    expect(screen.getByRole("list", { name: "Formulas to write" })).toHaveTextContent('=ALM.DELTAEVE(ALM_Positions,ALM_AsOf,ALM_Curve,ALM_Currency,"BCBS2024","NONE")');
    await user.click(screen.getByRole("button", { name: "Write to workbook" }));
    expect(await screen.findByText("Written")).toBeInTheDocument();
    const { wb } = fake.current();
    expect(wb.sheet("ALM Results")?.charts.map((c) => c.name)).toEqual(["ALM DeltaEVE", "ALM RepricingGap"]);
    expect(wb.names.get("ALM_AsOf")?.formula).toBe("='ALM Scenarios'!$B$5");
    expect(wb.formulaOf(wb.sheet("ALM Scenarios")!, { row: 4, col: 1 })).toBe(46022);
  });

  it("stops with a question listing occupied cells; Cancel writes nothing, Overwrite passes exactly those cells", async () => {
    const { wb } = fake.current();
    wb.settings.set(SETTINGS.setup, JSON.stringify(readySetup()));
    wb.setInput(wb.addSheet("ALM Results"), { row: 4, col: 0 }, "Q3 notes");
    const gateway = spyGateway();
    const { user } = renderPane(gateway);
    await screen.findByText("Restored the setup saved in this workbook.");
    await user.click(screen.getByRole("tab", { name: "4 Output" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Write to workbook" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: "Write to workbook" }));
    const dialog = await findDialog("Overwrite cells the add-in did not write?");
    expect(within(dialog).getByRole("list", { name: "Cells that would be overwritten", hidden: true })).toHaveTextContent("'ALM Results'!A5 “Q3 notes” — holds data the add-in did not write");
    await user.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
    expect(await screen.findByText(/Nothing was written/)).toBeInTheDocument();
    expect(wb.sheet("ALM Scenarios")).toBeUndefined();
    expect(wb.formulaOf(wb.sheet("ALM Results")!, { row: 4, col: 0 })).toBe("Q3 notes");

    await user.click(screen.getByRole("button", { name: "Write to workbook" }));
    await user.click(within(await findDialog("Overwrite cells the add-in did not write?")).getByRole("button", { name: "Overwrite 1 cell", hidden: true }));
    expect(await screen.findByText("Written")).toBeInTheDocument();
    expect(gateway.writeOutput).toHaveBeenLastCalledWith(expect.anything(), { allowOverwrite: ["'ALM Results'!A5"] });
  });

  it("shows a protected sheet's refusal and keeps everything the user typed", async () => {
    const { wb } = fake.current();
    wb.settings.set(SETTINGS.setup, JSON.stringify(readySetup()));
    wb.addSheet("ALM Results").protected = true;
    const { user } = renderPane();
    await screen.findByText("Restored the setup saved in this workbook.");
    await user.click(screen.getByRole("tab", { name: "4 Output" }));
    await user.type(screen.getByRole("textbox", { name: /Tier 1 capital/ }), "2500000");
    await waitFor(() => expect(screen.getByRole("button", { name: "Write to workbook" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: "Write to workbook" }));
    expect(await screen.findByText("Protected sheet")).toBeInTheDocument();
    expect(screen.getByText(/'ALM Results' is protected, so the add-in wrote nothing/)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /Tier 1 capital/ })).toHaveValue("2500000");
  });

  it("says what an interrupted write left", async () => {
    const gateway = spyGateway({
      writeOutput: async () => ({ ok: false, error: { code: "PARTIAL_WRITE", message: "Excel stopped the write while writing 'ALM Results'!A38:G58.", left: ["'ALM Results'!A1:G58"] } }),
    });
    fake.current().wb.settings.set(SETTINGS.setup, JSON.stringify(readySetup()));
    const { user } = renderPane(gateway);
    await screen.findByText("Restored the setup saved in this workbook.");
    await user.click(screen.getByRole("tab", { name: "4 Output" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Write to workbook" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: "Write to workbook" }));
    expect(await screen.findByText("Write interrupted")).toBeInTheDocument();
    expect(screen.getByText("'ALM Results'!A1:G58")).toBeInTheDocument();
  });

  it("lists what blocks the write with buttons to the steps", async () => {
    const { user } = renderPane();
    await user.click(screen.getByRole("tab", { name: "4 Output" }));
    expect(screen.getByRole("button", { name: "Write to workbook" })).toBeDisabled();
    expect(screen.getByText("Positions: Pick the as-of date.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Go to Curve" }));
    expect(screen.getByRole("heading", { name: "Step 2 of 4: Curve" })).toHaveFocus();
  });

  it("asks Excel to recalculate", async () => {
    const gateway = spyGateway();
    const { user } = renderPane(gateway);
    await user.click(screen.getByRole("tab", { name: "4 Output" }));
    await user.click(screen.getByRole("button", { name: "Recalculate workbook" }));
    expect(gateway.recalculate).toHaveBeenCalled();
    expect(await screen.findByText(/Recalculation requested/)).toBeInTheDocument();
  });
});

describe("setup memory and keyboard", () => {
  it("saves what the user types in the workbook settings", async () => {
    const { user } = renderPane();
    await user.type(screen.getByLabelText(/As-of date/), "2026-03-31");
    await waitFor(() => expect(JSON.parse(String(fake.current().wb.settings.get(SETTINGS.setup))).positions.asOf).toBe("2026-03-31"), { timeout: 3000 });
    expect(await screen.findByText("Setup saved in this workbook")).toBeInTheDocument();
  });

  it("offers a saved setup that arrives after the user started typing instead of overwriting the typing", async () => {
    let release: (v: { ok: true; value: unknown }) => void = () => undefined;
    const saved = readySetup();
    const gateway = spyGateway({ loadSetup: () => new Promise((r) => (release = r)) });
    const { user } = renderPane(gateway);
    await user.click(screen.getByRole("tab", { name: "4 Output" }));
    await user.type(screen.getByRole("textbox", { name: /Tier 1 capital/ }), "123");
    await act(async () => release({ ok: true, value: saved }));
    expect(await screen.findByText("This workbook has a saved setup. Use it instead of what you have typed?")).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /Tier 1 capital/ })).toHaveValue("123");
    expect(gateway.saveSetup).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Keep mine" }));
    await waitFor(() => expect(gateway.saveSetup).toHaveBeenCalled(), { timeout: 3000 });
    expect(gateway.saveSetup.mock.calls.at(-1)?.[0].output.tier1).toBe("123");
  });

  // Arrow-key movement in the tab list is Fluent's (tabster), which jsdom cannot run; the browser test
  // walks the tabs with the keyboard.
  it("opens a step from the keyboard and moves focus to the new step with Next", async () => {
    const { user } = renderPane();
    screen.getByRole("tab", { name: "2 Curve" }).focus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("tab", { name: "2 Curve" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel")).toHaveAccessibleName("2 Curve");
    await user.click(screen.getByRole("button", { name: "Next: Scenarios" }));
    expect(screen.getByRole("heading", { name: "Step 3 of 4: Scenarios" })).toHaveFocus();
  });

  it("labels every form control", async () => {
    const { user } = renderPane();
    for (const tab of ["1 Positions", "2 Curve", "3 Scenarios", "4 Output"]) {
      await user.click(screen.getByRole("tab", { name: tab }));
      const controls = document.querySelectorAll("input, select, textarea, button");
      for (const el of controls) {
        if ((el as HTMLElement).closest("[aria-hidden='true']")) continue;
        const role = el.tagName === "SELECT" ? "combobox" : undefined;
        const name = el.getAttribute("aria-label") || (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent) || el.getAttribute("aria-labelledby") || el.textContent || (el as HTMLInputElement).labels?.[0]?.textContent;
        expect({ tab, el: el.outerHTML.slice(0, 80), role, named: Boolean(name && name.trim()) }).toMatchObject({ named: true });
      }
    }
  });
});

describe("try the sample bank", () => {
  it("writes the sample bank, fills every step with it and opens the Output step ready to write", async () => {
    const gateway = spyGateway();
    const { user } = renderPane(gateway);
    const button = screen.getByRole("button", { name: "Try the sample bank" });
    expect(button).toHaveAccessibleDescription(/adds a new sheet with the sample positions as an Excel table/);
    await user.click(button);
    expect(await screen.findByRole("heading", { name: "Step 4 of 4: Output" })).toHaveFocus();
    expect(gateway.writeSampleBank).toHaveBeenCalledTimes(1);
    expect(screen.getByText("Sample bank ready")).toBeInTheDocument();
    expect(screen.getByText(/Added the sheet “ALM Sample Bank” with the table ALMSampleBank \(\d+ USD positions\)/)).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: /Tier 1 capital/ })).toHaveValue(String(tier1In("USD")));
    await waitFor(() => expect(screen.getByRole("button", { name: "Write to workbook" })).toBeEnabled());
    expect(gateway.readTable).toHaveBeenCalledWith({ kind: "table", name: "ALMSampleBank" });
    expect(gateway.readRange).toHaveBeenCalledWith(`'ALM Sample Bank'!${SAMPLE_CURVE_RANGES.USD}`);

    await user.click(screen.getByRole("tab", { name: "1 Positions" }));
    expect(screen.getByLabelText(/As-of date/)).toHaveValue("2026-09-30");
    expect(screen.getByRole("combobox", { name: "Positions table" })).toHaveValue("ALMSampleBank");
    expect(await screen.findByText(/No problems found in \d+ rows\./)).toBeInTheDocument();
    await user.click(screen.getByRole("tab", { name: "3 Scenarios" }));
    expect(screen.getByRole("combobox", { name: /Currency/ })).toHaveValue("USD");

    await user.click(screen.getByRole("tab", { name: "4 Output" }));
    await user.click(screen.getByRole("button", { name: "Write to workbook" }));
    expect(await screen.findByText("Written")).toBeInTheDocument();
    const { wb } = fake.current();
    expect(wb.names.get("ALM_Positions")?.formula).toBe("=ALMSampleBank[#All]");
    expect(wb.names.get("ALM_Curve")?.formula).toBe(`='ALM Sample Bank'!${SAMPLE_CURVE_RANGES.USD.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`);
    const baseEve = wb.valueOf(wb.sheet("ALM Results")!, { row: 5, col: 1 });
    expect(typeof baseEve === "number" && Number.isFinite(baseEve)).toBe(true);
  });

  it("shows the gateway's error and leaves the setup as it was when the sample bank cannot be written", async () => {
    const gateway = spyGateway({
      writeSampleBank: async () => ({ ok: false, error: { code: "WRITE_FAILED", message: "Excel stopped the sample bank while writing (no). The add-in took out the sheet and everything else it had added, so the workbook is as it was." } }),
    });
    const { user } = renderPane(gateway);
    await user.click(screen.getByRole("button", { name: "Try the sample bank" }));
    expect(await screen.findByText("Sample bank not written")).toBeInTheDocument();
    expect(screen.getByText(/so the workbook is as it was/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Step 1 of 4: Positions" })).toBeInTheDocument();
    expect(screen.getByLabelText(/As-of date/)).toHaveValue("");
    expect(gateway.readTable).not.toHaveBeenCalled();
  });
});
