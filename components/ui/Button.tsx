import type { ButtonHTMLAttributes, ReactNode } from "react";
import styles from "./Button.module.css";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: "default" | "primary" | "ghost" | "danger" | "link";
  size?: "default" | "small";
  icon?: ReactNode;
  /** Show only the icon; the children become the accessible name (kept for screen readers). */
  iconOnly?: boolean;
}

export function Button({ variant = "default", size = "default", icon, iconOnly = false, className, children, type = "button", ...rest }: ButtonProps) {
  const classes = [
    styles.button,
    variant === "default" ? "" : styles[variant],
    size === "small" ? styles.small : "",
    iconOnly ? styles.iconOnly : "",
    className ?? "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <button type={type} className={classes} {...rest}>
      {icon}
      {iconOnly ? <span className="visually-hidden">{children}</span> : children}
    </button>
  );
}
