/**
 * Entry of the functions bundle. Importing each adapter module is enough: at build time
 * custom-functions-metadata-plugin writes functions.json from their JSDoc and appends a
 * `CustomFunctions.associate(id, fn)` call to each module.
 */
import "./adapters/cashflows";
import "./adapters/curves";
import "./adapters/gap";
import "./adapters/irrbb";
import "./adapters/liquidity";
import "./adapters/meta";
import "./adapters/outlier";
import "./adapters/scenarios";
import { detectDateSystem } from "./dateSystem";

// In Excel's shared runtime: ask the workbook's date system once; calls wait for the answer.
detectDateSystem();
