/** An address input with a "Use selection" button that fills it from the selected range in Excel. */
import { Button, Field, Input } from "@fluentui/react-components";
import { useState } from "react";
import { useGateway } from "../excel/GatewayContext";
import { useStyles } from "./styles";

export interface RangeFieldProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  validation?: string;
}

export function RangeField({ id, label, hint, value, onChange, validation }: RangeFieldProps) {
  const gateway = useGateway();
  const styles = useStyles();
  const [error, setError] = useState<string | null>(null);
  const useSelection = async () => {
    const res = await gateway.getSelection();
    if (res.ok) {
      setError(null);
      onChange(res.value);
    } else setError(res.error.message);
  };
  const message = error ?? validation;
  return (
    <div className={styles.row}>
      <Field className={styles.grow} label={label} hint={hint} validationMessage={message} validationState={message ? "error" : "none"}>
        <Input id={id} value={value} onChange={(_, d) => onChange(d.value)} placeholder="Sheet1!A1:N200" spellCheck={false} autoComplete="off" />
      </Field>
      <Button onClick={() => void useSelection()} aria-label={`Use selection for the ${label.toLowerCase()}`}>
        Use selection
      </Button>
    </div>
  );
}
