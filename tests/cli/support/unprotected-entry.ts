import type { Design } from "@/lib/model";
import { designBuilder } from "@/tests/helpers/design-builder";

/** Client → public load balancer → service, no WAF: one error (WAF) and some warnings. */
export const sketch = designBuilder()
  .component("client", "web", { name: "Web client" })
  .component("load-balancer", "lb", { name: "Public LB" })
  .component("service", "orders", { name: "Orders" })
  .connect("web", "lb")
  .connect("lb", "orders")
  .build();

/** The same design with its WAF finding acknowledged by the team. */
export const accepted: Design = { ...sketch, acknowledgements: [{ ruleId: "waf-before-public-entry", targetId: "lb", reason: "Internal demo behind the VPN" }] };
