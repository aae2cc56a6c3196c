package dev.newsflow.cli;

import dev.newsflow.core.ConfigException;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine;

/** Builds the picocli command line every operator command runs through, with one way of reporting failures. */
public final class CommandLines {

    /** Exit code of a wrong command line or configuration, as picocli uses for usage errors. */
    public static final int USAGE = 2;

    private CommandLines() {
    }

    public static CommandLine create(Object command, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(command)
                .registerConverter(Duration.class, new DurationConverter())
                .setOut(out)
                .setErr(err);
        // A stack trace tells an operator less than the message does; the message names what to fix.
        line.setExecutionExceptionHandler((error, cmd, parsed) -> {
            cmd.getErr().println("newsflow: " + error.getMessage());
            cmd.getErr().flush();
            return error instanceof ConfigException ? USAGE : 1;
        });
        return line;
    }

    public static CommandLine create(Object command) {
        return create(command, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }
}
