package dev.newsflow.cli;

/** Something the status screen wants an operator to notice. */
public record Finding(Severity severity, String message) {

    /** A problem makes the status fail; a warning only does so with {@code --strict}. */
    public enum Severity { PROBLEM, WARNING }

    public static Finding problem(String message) {
        return new Finding(Severity.PROBLEM, message);
    }

    public static Finding warning(String message) {
        return new Finding(Severity.WARNING, message);
    }
}
