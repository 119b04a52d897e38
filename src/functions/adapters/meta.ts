import { PRODUCT_VERSION } from "../../version";
import { defineFunction } from "../runner";

const VERSION = defineFunction("VERSION", [], () => `ALM add-in ${PRODUCT_VERSION}`);

/**
 * Product version and the shock calibration tables it carries, for audit trails in refreshed workbooks.
 * @customfunction VERSION
 * @returns Version text.
 */
export function version(): string {
  return VERSION();
}
