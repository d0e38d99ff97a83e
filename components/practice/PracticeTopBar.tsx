import Link from "next/link";
import styles from "./Practice.module.css";

/** The bar above every practice page: back to designs, the scenario bank and the history. */
export function PracticeTopBar() {
  return (
    <header className={styles.topBar}>
      <Link href="/" className={styles.brand}>
        Archway
      </Link>
      <nav aria-label="Practice" className={styles.headerGroup}>
        <Link href="/practice">Scenarios</Link>
        <Link href="/practice/history">History</Link>
      </nav>
    </header>
  );
}
