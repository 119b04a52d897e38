/** Components reach Excel only through the gateway they get from this context; tests provide a fake. */
import { createContext, useContext, type ReactNode } from "react";
import type { Gateway } from "./gateway";

const GatewayContext = createContext<Gateway | null>(null);

export function GatewayProvider({ gateway, children }: { gateway: Gateway; children: ReactNode }) {
  return <GatewayContext.Provider value={gateway}>{children}</GatewayContext.Provider>;
}

export function useGateway(): Gateway {
  const gateway = useContext(GatewayContext);
  if (!gateway) throw new Error("useGateway needs a <GatewayProvider>");
  return gateway;
}
