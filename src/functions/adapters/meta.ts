import { CALIBRATIONS, currencies } from "../../engine/irrbb/calibrations";
import { PRODUCT_VERSION } from "../../version";
import { describeDateSystem } from "../dateSystem";
import { defineFunction } from "../runner";

/** The shock calibrations this build carries, with their sources, for audit trails. */
const CALIBRATION_SOURCES: Record<(typeof CALIBRATIONS)[number], string> = {
  BCBS2024: "BCBS d578 / SRP31.90 from 2026-01-01",
  BCBS2016: "BCBS d368 Annex 2",
  EU: "Delegated Regulation (EU) 2024/856 Annex A",
};

const VERSION = defineFunction(
  "VERSION",
  [],
  () => `ALM add-in ${PRODUCT_VERSION}; shock calibrations: ${CALIBRATIONS.map((c) => `${c} (${CALIBRATION_SOURCES[c]}, ${currencies(c).length} currencies)`).join("; ")}; ${describeDateSystem()}`
);

/**
 * Product version, the shock calibration tables it carries and the workbook date system it reads dates in, for audit trails in refreshed workbooks.
 * @customfunction VERSION
 * @example =ALM.VERSION() returns "ALM add-in 0.1.0; shock calibrations: BCBS2024 (BCBS d578 / SRP31.90 from 2026-01-01, 21 currencies); …; 1900 date system"
 * @returns Version text.
 */
export function version(): string {
  return VERSION();
}
