import type { Importer, SourceFile } from "../types";
import { readTerraform } from "./read";

const CONFIGURATION = /\.tf(\.json)?$/i;

/** `terraform show -json` output names its format version and holds planned values or state values. */
function looksLikePlanOrState(file: SourceFile): boolean {
  if (!/\.json$/i.test(file.path) || CONFIGURATION.test(file.path)) return false;
  const head = file.text.slice(0, 4096);
  return /"format_version"\s*:/.test(head) && /"(planned_values|values|prior_state|terraform_version)"\s*:/.test(file.text.slice(0, 64 * 1024));
}

function isTerraform(file: SourceFile): boolean {
  return CONFIGURATION.test(file.path) || looksLikePlanOrState(file);
}

/**
 * Terraform for AWS: `.tf` files (read with HashiCorp's HCL parser from @cdktf/hcl2json; modules are listed, not
 * fetched), `.tf.json` files, and `terraform show -json` plans or states.
 */
export const terraformImporter: Importer = {
  format: "terraform",
  label: "Terraform (AWS)",
  detect: (files) => files.some(isTerraform),
  read: (files, options) => readTerraform(files.filter(isTerraform), options.name),
};
