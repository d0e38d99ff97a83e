import type { DesignIssue } from "@/lib/model";
import { Button } from "@/components/ui/Button";
import { IssueList } from "./IssueList";
import styles from "./ImportErrorAlert.module.css";

interface ImportErrorAlertProps {
  fileName: string;
  issues: readonly DesignIssue[];
  onDismiss: () => void;
}

/** Why an imported file was refused, path by path; says plainly that nothing changed. */
export function ImportErrorAlert({ fileName, issues, onDismiss }: ImportErrorAlertProps) {
  return (
    <div role="alert" className={styles.alert}>
      <div className={styles.heading}>
        <strong>“{fileName}” is not a valid Archway design.</strong>
        <Button variant="ghost" size="small" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
      <p className={styles.lead}>Nothing was changed. {issues.length === 1 ? "This problem was found:" : `These ${issues.length} problems were found:`}</p>
      <IssueList issues={issues} />
    </div>
  );
}
