package dev.newsflow.cli;

/** Something the status screen wants an operator to notice. */
public record Finding(Severity severity, String message) {

    /**
     * A problem makes the status fail; a cluster that lost redundancy but still serves is degraded
     * (its own exit code); a warning only fails the status with {@code --strict}.
     */
    public enum Severity { PROBLEM, DEGRADED, WARNING }

    public static Finding problem(String message) {
        return new Finding(Severity.PROBLEM, message);
    }

    public static Finding degraded(String message) {
        return new Finding(Severity.DEGRADED, message);
    }

    public static Finding warning(String message) {
        return new Finding(Severity.WARNING, message);
    }
}
