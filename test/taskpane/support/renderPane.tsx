/** Renders the wizard with a gateway: the real one over the fake host, with any method replaced. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/components/App";
import { createExcelGateway, type Gateway } from "../../../src/taskpane/excel/gateway";
import { GatewayProvider } from "../../../src/taskpane/excel/GatewayContext";

export type SpyGateway = { [K in keyof Gateway]: jest.Mock<ReturnType<Gateway[K]>, Parameters<Gateway[K]>> };

export function spyGateway(overrides: Partial<Gateway> = {}): SpyGateway {
  const real = createExcelGateway();
  const out = {} as Record<string, jest.Mock>;
  for (const key of Object.keys(real) as (keyof Gateway)[]) {
    const impl = (overrides[key] ?? real[key]) as (...args: unknown[]) => unknown;
    out[key] = jest.fn((...args: unknown[]) => impl(...args));
  }
  return out as unknown as SpyGateway;
}

export function renderPane(gateway: Gateway = spyGateway()) {
  const user = userEvent.setup();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <GatewayProvider gateway={gateway}>
        <App />
      </GatewayProvider>
    </FluentProvider>
  );
  return { user, gateway, ...view };
}
