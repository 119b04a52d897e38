/**
 * Imported first by the worker entry: the build appends `CustomFunctions.associate(...)` to every adapter
 * module, and a worker has no `CustomFunctions`, so it gets an inert one (registration happens in the page).
 */
const g = globalThis as { CustomFunctions?: unknown };
if (!g.CustomFunctions) g.CustomFunctions = { associate: () => undefined };
export {};
