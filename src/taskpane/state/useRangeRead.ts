/**
 * One range the pane reads from the workbook (a curve, the curves by currency, FX rates, own shock
 * sizes): the last read, kept under the address it was read from, so a step uses it only while the
 * setup still names that address.
 */
import { useCallback, useState } from "react";
import type { Gateway, RangeData } from "../excel/gateway";

interface Slot {
  readonly key: string | null;
  readonly data: RangeData | null;
  readonly reading: boolean;
  readonly error: string | null;
}

const EMPTY: Slot = { key: null, data: null, reading: false, error: null };

/** What a step shows of a read range, and the button that reads it again. */
export interface RangeReadView {
  /** The range as read, while the setup still names the address it was read from. */
  readonly data: RangeData | null;
  readonly reading: boolean;
  readonly error: string | null;
  readonly onRead: () => void;
}

export interface RangeRead {
  /** Reads the range at `address` (typed or selected; sheet-qualified or on the active sheet). */
  read(address: string): Promise<void>;
  /** What the step shows for the address the setup names now. */
  view(address: string): RangeReadView;
}

export function useRangeRead(gateway: Gateway): RangeRead {
  const [slot, setSlot] = useState<Slot>(EMPTY);
  const read = useCallback(
    async (address: string) => {
      const key = address.trim();
      if (!key) {
        setSlot({ ...EMPTY, error: "Type or select the range first." });
        return;
      }
      setSlot((x) => ({ ...x, reading: true, error: null }));
      const res = await gateway.readRange(key);
      setSlot(res.ok ? { key, data: res.value, reading: false, error: null } : { ...EMPTY, error: res.error.message });
    },
    [gateway]
  );
  const view = (address: string): RangeReadView => ({
    data: slot.key !== null && slot.key === address.trim() ? slot.data : null,
    reading: slot.reading,
    error: slot.error,
    onRead: () => void read(address),
  });
  return { read, view };
}
