package dev.newsflow.bench;

import java.util.Locale;

/**
 * The report as Markdown: the figures table (the one the command prints and the README quotes), the
 * cost per process, and the profile's hotspots when there is one.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(BenchReport report) {
        StringBuilder md = new StringBuilder();
        BenchSettings s = report.settings();
        md.append("### Newsflow benchmark\n\n")
                .append(String.format(Locale.ROOT, "%s; %d articles (seed %d), %d/s offered end to end, %d clients; "
                                + "%srun took %s (stack start included), %s.%n%n",
                        report.machine(), s.articles(), s.seed(), s.rate(), s.clients(),
                        s.stage() == BenchStage.ALL ? "" : s.stage().name().toLowerCase(Locale.ROOT) + " stage alone; ",
                        duration(report.seconds()), report.startedAt()))
                .append(figures(report));
        if (!report.costs().isEmpty()) {
            md.append('\n').append(costs(report));
        }
        if (!report.hotspots().isEmpty()) {
            md.append('\n').append(hotspots(report));
        }
        return md.toString();
    }

    /** The figures alone: one row per measure, its ceiling and their ratio beside it. */
    public static String figures(BenchReport report) {
        StringBuilder md = new StringBuilder();
        md.append("| stage | measure | value | raw ceiling | ceiling value | ratio | target |\n")
                .append("|---|---|---:|---|---:|---:|---|\n");
        for (Figure f : report.figures()) {
            md.append("| ").append(f.stage())
                    .append(" | ").append(f.measure())
                    .append(" | ").append(number(f.value())).append(' ').append(f.unit())
                    .append(" | ").append(f.ceiling() == null ? "" : f.ceiling())
                    .append(" | ").append(f.ceiling() == null ? "" : number(f.ceilingValue()))
                    .append(" | ").append(ratio(f.ratio()))
                    .append(" | ").append(target(f))
                    .append(" |\n");
        }
        return md.toString();
    }

    static String costs(BenchReport report) {
        StringBuilder md = new StringBuilder("| process | CPU s per 1,000 articles | peak RSS |\n|---|---:|---:|\n");
        for (ServiceCost c : report.costs()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.0f MiB |%n", c.process(), decimal(c.cpuSecondsPer1000()),
                    c.peakRssMiB()));
        }
        return md.toString();
    }

    static String hotspots(BenchReport report) {
        StringBuilder md = new StringBuilder("Hotspots (JFR execution samples):\n\n");
        for (Hotspots h : report.hotspots()) {
            md.append("- **").append(h.process()).append("** (").append(h.samples()).append(" samples): top of stack ");
            md.append(shares(h.topFrames())).append("; our code, inclusive ").append(shares(h.topOwn())).append('\n');
        }
        return md.toString();
    }

    private static String shares(java.util.List<Hotspots.Share> shares) {
        StringBuilder text = new StringBuilder();
        for (Hotspots.Share share : shares) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append('`').append(share.method()).append("` ")
                    .append(String.format(Locale.ROOT, "%.0f%%", share.share() * 100));
        }
        return text.isEmpty() ? "none" : text.toString();
    }

    private static String target(Figure f) {
        String bound;
        if (!Double.isNaN(f.minRatio())) {
            bound = String.format(Locale.ROOT, "ratio ≥ %.2f", f.minRatio());
        } else if (!Double.isNaN(f.maxValue())) {
            bound = "≤ " + number(f.maxValue()) + " " + f.unit();
        } else {
            return "";
        }
        return bound + f.met().map(ok -> ok ? " ✓" : " ✗").orElse(" ?");
    }

    /** Large figures as whole numbers with separators, small ones with a decimal; "n/a" when not measured. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : decimal(value);
    }

    static String ratio(double ratio) {
        return Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    private static String decimal(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String duration(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 60 ? String.format(Locale.ROOT, "%dm%02ds", whole / 60, whole % 60) : whole + "s";
    }
}
