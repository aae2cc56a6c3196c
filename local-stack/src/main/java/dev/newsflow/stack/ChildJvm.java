package dev.newsflow.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Java program to run in a JVM of its own, on the JDK running this code: its JVM options, class path
 * (this JVM's own unless told otherwise), main class, arguments and environment. A builder: each
 * setter returns it, and {@link #start} may be called again for a restart with the same settings.
 *
 * <pre>{@code
 * ChildProcess tool = ChildJvm.of("org.apache.kafka.tools.ProducerPerformance")
 *         .jvmOptions("-Xmx512m").args("--topic", topic).start("ProducerPerformance", logFile);
 * }</pre>
 */
public final class ChildJvm {

    private final String mainClass;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private String classPath = System.getProperty("java.class.path");
    private Path workingDir;

    private ChildJvm(String mainClass) {
        this.mainClass = mainClass;
    }

    public static ChildJvm of(String mainClass) {
        return new ChildJvm(mainClass);
    }

    /** Replaces this JVM's class path, the default. */
    public ChildJvm classPath(String classPath) {
        this.classPath = classPath;
        return this;
    }

    /** Adds options for the JVM itself, such as {@code -Xmx512m}. */
    public ChildJvm jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** Adds arguments for the main class. */
    public ChildJvm args(String... arguments) {
        args.addAll(List.of(arguments));
        return this;
    }

    /** Adds variables to the environment it inherits from this JVM. */
    public ChildJvm env(Map<String, String> variables) {
        env.putAll(variables);
        return this;
    }

    /** Its working folder; this JVM's unless set. */
    public ChildJvm workingDir(Path dir) {
        this.workingDir = dir;
        return this;
    }

    /** {@code java [options] -cp <class path> <main class> [arguments]}, with the running JDK's java. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(JavaRuntime.javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, mainClass));
        command.addAll(args);
        return command;
    }

    /** Starts it with its output and errors appended to {@code logFile}. */
    public ChildProcess start(String name, Path logFile) {
        return ChildProcess.start(name, command(), Map.copyOf(env), workingDir, logFile);
    }
}
