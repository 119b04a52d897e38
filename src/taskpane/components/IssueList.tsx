/** The problems of a step, as a message bar listing each one (text, not colour, carries the meaning). */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Issue } from "../domain/plan";
import { useStyles } from "./styles";

export function IssueList({ issues, title }: { issues: readonly Issue[]; title?: string }) {
  const styles = useStyles();
  if (issues.length === 0) return null;
  const blocking = issues.filter((i) => i.blocking);
  const warnings = issues.filter((i) => !i.blocking);
  return (
    <>
      {blocking.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{title ?? "To do before writing"}</MessageBarTitle>
            <ul className={styles.list}>
              {blocking.map((i, n) => (
                <li key={n}>{i.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Warning</MessageBarTitle>
            <ul className={styles.list}>
              {warnings.map((i, n) => (
                <li key={n}>{i.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
