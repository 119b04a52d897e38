/**
 * Choice lists of the IRRBB arguments that are not data of the engine (the engine's own lists —
 * calibrations, floors, scenarios, interpolations — are exported where they are defined). The
 * functions parse these arguments with them and the task pane offers them.
 */

/** ALM.OUTLIERTEST `method`: full revaluation (as ALM.DELTAEVE) or the standardised framework (as ALM.STANDARDEVE). */
export const OUTLIER_METHODS = ["FULL", "STANDARD"] as const;
export type OutlierMethod = (typeof OUTLIER_METHODS)[number];

/** ALM.OUTLIERTEST `rule`: BCBS (the currencies' losses) or EU (losses plus 50 % of gains). */
export const OUTLIER_RULES = ["BCBS", "EU"] as const;
export type OutlierRule = (typeof OUTLIER_RULES)[number];

/** `behaviour` of ALM.DELTAEVE and ALM.NII: the table's CPR and TDRR (INPUT) or SRP31's scenario multipliers (BASEL). */
export const BEHAVIOURS = ["INPUT", "BASEL"] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];
