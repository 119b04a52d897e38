import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import { useStyles } from "./styles";

export interface ReadRangeButtonProps {
  /** What is read, as the button says it: "positions", "curve". */
  what: string;
  onRead: () => void;
  reading: boolean;
  /** The gateway's message when the read failed. */
  error?: string;
  /** @default undefined */
  id?: string;
}

/** The "Read …" button of a step, its progress spinner and the error bar when the read fails. */
export function ReadRangeButton({ what, onRead, reading, error, id }: ReadRangeButtonProps) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.row}>
        <Button id={id} appearance="primary" onClick={onRead} disabled={reading}>
          Read {what}
        </Button>
        {reading && <Spinner size="tiny" label="Reading…" />}
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not read the {what}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
