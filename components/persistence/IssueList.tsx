import type { DesignIssue } from "@/lib/model";
import styles from "./IssueList.module.css";

const SHOWN = 20;

/** Each failing path with its message, as the parser or the API reported them. */
export function IssueList({ issues }: { issues: readonly DesignIssue[] }) {
  const shown = issues.slice(0, SHOWN);
  return (
    <ul className={styles.list}>
      {shown.map((issue, index) => (
        <li key={`${issue.path}-${index}`} className={styles.issue}>
          <code className={styles.path}>{issue.path || "(whole file)"}</code>
          <span>{issue.message}</span>
        </li>
      ))}
      {issues.length > SHOWN ? <li className={styles.more}>and {issues.length - SHOWN} more</li> : null}
    </ul>
  );
}
