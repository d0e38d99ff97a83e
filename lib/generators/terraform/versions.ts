import { cite } from "../../model";
import { object, nested, ref, type HclBlock } from "./hcl";
import { tagValue, type TerraformContext } from "./context";

/** The AWS provider schema the generated files are checked against (tests/data/aws-provider-resources.json). */
const AWS_PROVIDER_VERSION = "~> 6.25";

export function versionBlocks(context: TerraformContext): HclBlock[] {
  return [
    {
      type: "terraform",
      labels: [],
      body: {
        required_version: ">= 1.10",
        required_providers: nested({ aws: object({ source: "hashicorp/aws", version: AWS_PROVIDER_VERSION }) }),
      },
    },
    {
      type: "provider",
      labels: ["aws"],
      comments: [context.cite(cite("003", "1. AWS Route 53 (DNS Service)")) + ": everything in one region, us-east-1 unless the design says otherwise."],
      body: {
        region: ref("var.aws_region"),
        default_tags: nested({
          tags: object({ Project: tagValue(context.design.name, context.project), ManagedBy: "archway" }),
        }),
      },
    },
  ];
}
