import { redirect } from "next/navigation";

/** The designs list lives at "/"; this keeps /designs, the parent of every editor URL, from being a dead end. */
export default function DesignsIndex() {
  redirect("/");
}
