/**
 * The wizard with a book in two currencies (the demo workbook's Book2 range: EUR and USD positions,
 * Curves!A1:C10, FX!A1:B3), in jsdom, by role and label, with the real gateway over the fake Excel host.
 */
import { screen, waitFor, within } from "@testing-library/react";
import { defaultSetup, type Setup } from "../../src/taskpane/domain/setup";
import { SETTINGS } from "../../src/taskpane/excel/gateway";
import { RESULTS } from "../../src/taskpane/excel/sheetLayouts";
import { renderPane, spyGateway } from "./support/renderPane";
import { withFakeHost } from "./support/fakeHost";

const fake = withFakeHost();

jest.setTimeout(60000);

/** Book2 with its curves by currency and FX range, ready to write but for what a test changes. */
function twoCurrencySetup(): Setup {
  const s = defaultSetup();
  return {
    ...s,
    positions: { ...s.positions, sourceKind: "range", rangeAddress: "Book2!A1:M16", asOf: "2025-12-31" },
    curve: { ...s.curve, curvesAddress: "Curves!A1:C10" },
    fx: { reporting: "EUR", sourceKind: "range", rangeAddress: "FX!A1:B3", rates: {} },
    output: { ...s.output, tier1: "4000000" },
  };
}

async function restored(setup: Setup) {
  fake.current().wb.settings.set(SETTINGS.setup, JSON.stringify(setup));
  const gateway = spyGateway();
  const view = renderPane(gateway);
  await screen.findByText("Restored the setup saved in this workbook.");
  await waitFor(() => expect(gateway.readRange).toHaveBeenCalledWith("Curves!A1:C10"));
  return view;
}

describe("a book in several currencies", () => {
  it("asks for the curves by currency once the positions show two currencies, says what is missing, and charts each curve", async () => {
    const { user } = renderPane();
    await user.click(screen.getByRole("radio", { name: "A range" }));
    await user.type(screen.getByRole("textbox", { name: /Positions range/ }), "Book2!A1:M16");
    await user.click(screen.getByRole("button", { name: "Read positions" }));
    await screen.findByText(/Read 15 rows and 13 columns from Book2!\$A\$1:\$M\$16/);
    await user.click(screen.getByRole("tab", { name: "2 Curve" }));
    expect(screen.getByText(/The positions hold EUR, USD\./)).toBeInTheDocument();
    expect(screen.queryByRole("radio", { name: "Pillars typed here" })).not.toBeInTheDocument();

    const range = screen.getByRole("textbox", { name: /Curves by currency range/ });
    await user.type(range, "Curves!A1:B10");
    await user.click(screen.getByRole("button", { name: "Read curves" }));
    await waitFor(() => expect(range).toHaveAccessibleDescription(/The curves range has no column for USD, a currency of the positions\./));

    await user.clear(range);
    await user.type(range, "Curves!A1:C10");
    await user.click(screen.getByRole("button", { name: "Read curves" }));
    expect(await screen.findByText("Read 9 pillars for EUR, USD from Curves!$A$1:$C$10.")).toBeInTheDocument();
    expect(screen.getByRole("img", { name: /^EUR zero curve\. Zero rates from 2\.15% at 1M/ })).toBeInTheDocument();
    expect(screen.getByRole("img", { name: /^USD zero curve\. Zero rates from 4\.31% at 1M/ })).toBeInTheDocument();
  });

  it("takes a reporting currency and typed rates, and says which rate is wrong", async () => {
    const { user } = await restored({ ...twoCurrencySetup(), fx: { reporting: "", sourceKind: "typed", rangeAddress: "", rates: {} } });
    await user.click(screen.getByRole("tab", { name: "2 Curve" }));
    const reporting = screen.getByRole("combobox", { name: /Reporting currency/ });
    expect(reporting).toHaveAccessibleDescription(/Reporting currency must be a three-letter code such as EUR/);
    await user.type(reporting, "eur");
    await user.keyboard("{Escape}");
    const usd = screen.getByRole("textbox", { name: "USD rate (EUR per 1 USD)" });
    expect(screen.queryByRole("textbox", { name: /^EUR rate/ })).not.toBeInTheDocument();
    await user.type(usd, "abc");
    expect(usd).toHaveAccessibleDescription('The rate of USD must be a positive number of EUR per USD (got "abc").');
    await user.clear(usd);
    await user.type(usd, "0.92");
    expect(usd).not.toHaveAccessibleDescription(/must be/);
    expect(screen.getByText(/writes the rates, EUR at 1, to the scenarios sheet as ALM_FX/)).toBeInTheDocument();
  });

  it("takes the bank's own shock sizes from a range, says which currency they miss, and charts each currency's shocks", async () => {
    const { wb } = fake.current();
    const own = wb.addSheet("Own");
    [["Currency", "Parallel", "Short", "Long"], ["EUR", 200, 250, 100], ["USD", 210, 300, 160]].forEach((row, r) => row.forEach((v, c) => wb.setInput(own, { row: r, col: c }, v)));
    const { user } = await restored(twoCurrencySetup());
    await user.click(screen.getByRole("tab", { name: "3 Scenarios" }));
    expect(screen.getByText(/Currencies: EUR, USD \(from the positions\)/)).toBeInTheDocument();
    expect(screen.queryByRole("combobox", { name: /^Currency/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "The bank's own shock sizes (a range)" }));
    const range = screen.getByRole("textbox", { name: /Own shock sizes range/ });
    expect(range).toHaveAccessibleDescription(/Pick the range that holds the own shock sizes/);
    await user.type(range, "Own!A1:D2");
    await user.click(screen.getByRole("button", { name: "Read own shock sizes" }));
    await waitFor(() => expect(range).toHaveAccessibleDescription(/The own shock sizes in Own!\$A\$1:\$D\$2 have no row for USD\./));
    await user.clear(range);
    await user.type(range, "Own!A1:D3");
    await user.click(screen.getByRole("button", { name: "Read own shock sizes" }));
    expect(await screen.findByText("Read the own shock sizes from Own!$A$1:$D$3 for EUR, USD.")).toBeInTheDocument();
    expect(screen.getByRole("img", { name: /^EUR: shocked curves against the base\. 6 shocked curves of EUR \(own sizes\)/ })).toBeInTheDocument();
    expect(screen.getByRole("img", { name: /^USD: shocked curves against the base\. 6 shocked curves of USD \(own sizes\)/ })).toBeInTheDocument();
  });

  it("needs Tier 1 for the outlier test, then writes ALM.OUTLIERTEST and a ΔEVE table per currency", async () => {
    const { user } = await restored({ ...twoCurrencySetup(), output: { ...twoCurrencySetup().output, tier1: "" } });
    await user.click(screen.getByRole("tab", { name: "4 Output" }));
    const tier1 = screen.getByRole("textbox", { name: /Tier 1 capital \(EUR\)/ });
    expect(tier1).toHaveAccessibleDescription(/Tier 1 capital is needed for the outlier test/);
    expect(screen.getByRole("button", { name: "Write to workbook" })).toBeDisabled();
    await user.type(tier1, "4000000");
    await user.click(screen.getByRole("radio", { name: "Standardised framework (as ALM.STANDARDEVE)" }));
    await user.click(screen.getByRole("radio", { name: /^EU: losses plus 50 % of gains/ }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Write to workbook" })).toBeEnabled());
    await user.click(screen.getByRole("button", { name: /Show the \d+ formulas/ }));
    const list = screen.getByRole("list", { name: "Formulas to write" });
    expect(list).toHaveTextContent('=ALM.OUTLIERTEST(ALM_Positions,ALM_AsOf,ALM_Curves,ALM_Tier1,ALM_FX,"STANDARD","BCBS2024","NONE","EU")');
    expect(list).toHaveTextContent('=ALM.DELTAEVE(ALM_Positions,ALM_AsOf,CHOOSECOLS(ALM_Curves,1,XMATCH("USD",TAKE(ALM_Curves,1))),"USD","BCBS2024","NONE")');
    await user.click(screen.getByRole("button", { name: "Write to workbook" }));
    expect(await screen.findByText("Written")).toBeInTheDocument();
    const { wb } = fake.current();
    const results = wb.sheet("ALM Results")!;
    expect(wb.valueOf(results, RESULTS.outlier.anchor)).toBe("Measure");
    expect(wb.valueOf(results, { row: RESULTS.outlier.anchor.row, col: 2 })).toBe("EUR");
    expect(typeof wb.valueOf(results, { row: RESULTS.outlier.anchor.row + 1, col: 4 })).toBe("number");
    expect(wb.names.get("ALM_FX")?.formula).toBe("=FX!$A$1:$B$3");
    expect(results.charts.map((c) => c.name)).toEqual(["ALM DeltaEVE EUR", "ALM RepricingGap EUR", "ALM DeltaEVE USD", "ALM RepricingGap USD"]);
    const done = screen.getByText("Written").closest("[role=group], div") as HTMLElement;
    expect(within(done).getByText(/names .*ALM_Curves/)).toBeInTheDocument();
  });
});

describe("the several-currency controls", () => {
  it("labels every form control of every step", async () => {
    const { user } = await restored({
      ...twoCurrencySetup(),
      fx: { reporting: "EUR", sourceKind: "typed", rangeAddress: "", rates: { USD: "0.92" } },
      scenarios: { ...defaultSetup().scenarios, calibration: "OWN", ownSizesAddress: "" },
    });
    for (const tab of ["1 Positions", "2 Curve", "3 Scenarios", "4 Output"]) {
      await user.click(screen.getByRole("tab", { name: tab }));
      for (const el of document.querySelectorAll("input, select, textarea, button")) {
        if ((el as HTMLElement).closest("[aria-hidden='true']")) continue;
        const name = el.getAttribute("aria-label") || (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent) || el.getAttribute("aria-labelledby") || el.textContent || (el as HTMLInputElement).labels?.[0]?.textContent;
        expect({ tab, el: el.outerHTML.slice(0, 80), named: Boolean(name && name.trim()) }).toMatchObject({ named: true });
      }
    }
    await user.click(screen.getByRole("tab", { name: "2 Curve" }));
    expect(screen.getByRole("textbox", { name: "USD rate (EUR per 1 USD)" })).toHaveValue("0.92");
  });
});
