package dev.newsflow.bench;

/** A stage's figure over its raw ceiling, the number the README quotes because it travels between machines. */
final class Ratio {

    private Ratio() {
    }

    /** {@code value / ceiling}; NaN when either is missing, or the ceiling is not positive. */
    static double of(double value, double ceiling) {
        if (Double.isNaN(value) || Double.isNaN(ceiling) || ceiling <= 0) {
            return Double.NaN;
        }
        return value / ceiling;
    }
}
