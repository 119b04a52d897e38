/**
 * The setup as React state, remembered in the workbook: loaded once when the pane opens, saved a moment
 * after each change, and never overwritten behind the user's back. If the saved setup arrives after the
 * user has started typing, the pane offers it instead of replacing what was typed, and saving waits for
 * the user's choice.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Gateway } from "../excel/gateway";
import { defaultSetup, restoreSetup, type Setup } from "../domain/setup";

export type LoadState = "loading" | "restored" | "fresh" | "offered" | "failed";
export type SaveState = { status: "idle" | "saving" | "saved" } | { status: "failed"; message: string };

export interface SetupStore {
  readonly setup: Setup;
  readonly load: LoadState;
  readonly loadMessage: string | null;
  readonly save: SaveState;
  update(recipe: (s: Setup) => Setup): void;
  /** Saves now what is not saved yet (before a write, on a step change, to retry a failed save). */
  flush(): Promise<void>;
  /** The saved setup that arrived after the user had typed: take it, or keep what was typed. */
  acceptOffered(): void;
  dismissOffered(): void;
}

export const SAVE_DELAY_MS = 500;

export function useSetupStore(gateway: Gateway): SetupStore {
  const [setup, setSetup] = useState<Setup>(defaultSetup);
  const [load, setLoad] = useState<LoadState>("loading");
  const [loadMessage, setLoadMessage] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  /** The user changed something since the pane opened (decides whether a late saved setup is offered). */
  const dirty = useRef(false);
  /** Changes not yet saved in the workbook. */
  const unsaved = useRef(false);
  const offered = useRef<Setup | null>(null);
  const latest = useRef(setup);
  latest.current = setup;

  useEffect(() => {
    let alive = true;
    void gateway.loadSetup().then((res) => {
      if (!alive) return;
      if (!res.ok) {
        setLoad("failed");
        setLoadMessage(`The saved setup could not be read: ${res.error.message}`);
        return;
      }
      const restored = restoreSetup(res.value);
      if (!restored) {
        setLoad("fresh");
        return;
      }
      if (dirty.current) {
        offered.current = restored;
        setLoad("offered");
        return;
      }
      setSetup(restored);
      setLoad("restored");
    });
    return () => {
      alive = false;
    };
  }, [gateway]);

  const persist = useCallback(async () => {
    setSave({ status: "saving" });
    const saving = latest.current;
    const res = await gateway.saveSetup(saving);
    if (res.ok && latest.current === saving) unsaved.current = false;
    setSave(res.ok ? { status: "saved" } : { status: "failed", message: res.error.message });
  }, [gateway]);

  const canSave = load === "restored" || load === "fresh" || load === "failed";
  useEffect(() => {
    if (!canSave || !unsaved.current) return;
    const timer = setTimeout(() => void persist(), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [setup, canSave, persist]);

  const update = useCallback((recipe: (s: Setup) => Setup) => {
    dirty.current = true;
    unsaved.current = true;
    setSetup((s) => recipe(s));
  }, []);

  return {
    setup,
    load,
    loadMessage,
    save,
    update,
    flush: async () => {
      if (canSave && unsaved.current) await persist();
    },
    acceptOffered: () => {
      if (offered.current) setSetup(offered.current);
      offered.current = null;
      dirty.current = false;
      setLoad("restored");
    },
    dismissOffered: () => {
      offered.current = null;
      unsaved.current = true;
      setLoad("fresh");
    },
  };
}
