import { cite } from "../../model";
import { output, resource } from "./blocks";
import { tagValue, type TerraformContext, type TerraformSection } from "./context";
import { object, ref } from "./hcl";

/**
 * Secrets Manager per secrets component that uses AWS (002 SECURITY & CONFIGURATION). Only the container
 * is created: values are put in by the team, never written into Terraform. Database passwords need no
 * entry here, RDS manages and rotates them itself (manage_master_user_password in data.tf).
 */
export function secretsSection(context: TerraformContext): TerraformSection {
  const notes: string[] = [];
  const blocks = context.ofKind("secrets-manager").flatMap((secrets) => {
    if (secrets.config.provider !== "aws-secrets-manager") {
      notes.push(`Secrets "${secrets.name}" (${secrets.id}) live in ${secrets.config.provider}, outside AWS; wire its provider separately.`);
      return [];
    }
    return [
      resource(
        "aws_secretsmanager_secret",
        context.label(secrets),
        {
          name_prefix: `${context.project}/${context.nameOf(secrets).base}/`,
          description: tagValue(secrets.name, secrets.id),
          recovery_window_in_days: 7,
          tags: object({ Component: tagValue(secrets.name, secrets.id), RotationDays: String(secrets.config.rotationDays) }),
        },
        [
          context.describe(secrets),
          context.cite(cite("002", "SECURITY & CONFIGURATION")) + `: rotate every ${secrets.config.rotationDays} days with a rotation function of your own.`,
        ],
      ),
    ];
  });
  const outputs = context
    .ofKind("secrets-manager")
    .filter((secrets) => secrets.config.provider === "aws-secrets-manager")
    .map((secrets) => output(`${context.label(secrets)}_arn`, ref(`aws_secretsmanager_secret.${context.label(secrets)}.arn`), `ARN of the secret ${secrets.id}`));
  return { blocks, notes, outputs };
}
