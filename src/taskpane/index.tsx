/**
 * Entry of the task pane: waits for Office, picks a Fluent theme that follows Office's (dark or high
 * contrast), and renders the wizard with the Excel gateway.
 */
import { FluentProvider, teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { createExcelGateway } from "./excel/gateway";
import { GatewayProvider } from "./excel/GatewayContext";

function officeTheme(): Theme {
  if (typeof window !== "undefined" && window.matchMedia?.("(forced-colors: active)").matches) return teamsHighContrastTheme;
  const theme = typeof Office !== "undefined" ? Office.context?.officeTheme : undefined;
  if (theme?.bodyBackgroundColor) {
    const hex = theme.bodyBackgroundColor.replace("#", "");
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    if (0.299 * r + 0.587 * g + 0.114 * b < 128) return webDarkTheme;
  }
  return webLightTheme;
}

void Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={officeTheme()}>
      <GatewayProvider gateway={createExcelGateway()}>
        <App />
      </GatewayProvider>
    </FluentProvider>
  );
});
