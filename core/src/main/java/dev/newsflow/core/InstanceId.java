package dev.newsflow.core;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code NEWSFLOW_INSTANCE_ID}: a stable name for one instance of a service, such as {@code enrich-2}.
 *
 * <p>When set, the instance joins its consumer group as a static member ({@code group.instance.id}):
 * restarted within the group's session timeout under the same name, it gets its partitions back
 * without a rebalance of the whole group. Two running instances of one service must never share a
 * name (the broker fences the older one). Unset, the instance is a dynamic member that leaves the
 * group when it stops.
 */
public final class InstanceId {

    public static final String VARIABLE = "NEWSFLOW_INSTANCE_ID";

    /** What Kafka accepts in a group member name, kept to characters that read well in logs and metrics. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private InstanceId() {
    }

    /** The instance's name, if the environment gives one. */
    public static Optional<String> fromEnv(Env env) {
        Optional<String> name = env.find(VARIABLE);
        name.filter(n -> !NAME.matcher(n).matches()).ifPresent(n -> {
            throw new ConfigException(VARIABLE + " must be 1-64 letters, digits, '.', '_' or '-', starting with a"
                    + " letter or digit, got \"" + n + "\"");
        });
        return name;
    }
}
