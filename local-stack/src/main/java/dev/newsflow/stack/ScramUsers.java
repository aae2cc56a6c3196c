package dev.newsflow.stack;

import dev.newsflow.core.KafkaSecurity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SCRAM-SHA-512 users a secured local broker is formatted with: an admin, which the broker itself
 * and the tools log in as, and the users of the services.
 *
 * @param admin         the super user's name
 * @param adminPassword its password
 * @param users         the other users, name to password
 */
public record ScramUsers(String admin, String adminPassword, Map<String, String> users) {

    /** What {@code kafka-storage format --add-scram} takes unquoted: no comma, bracket, quote or space. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._@-]+");

    public ScramUsers {
        users = Map.copyOf(users);
        all(admin, adminPassword, users).forEach((name, password) -> {
            if (!PLAIN.matcher(name).matches() || !PLAIN.matcher(password).matches()) {
                throw new IllegalArgumentException("local SCRAM users and passwords take letters, digits and ._@- only; got user "
                        + name);
            }
        });
    }

    /** Every user with its password, the admin first. */
    Map<String, String> all() {
        return all(admin, adminPassword, users);
    }

    /** How a client logs in as {@code user}. */
    public KafkaSecurity login(String user) {
        String password = all().get(user);
        if (password == null) {
            throw new IllegalArgumentException("no SCRAM user " + user + "; the broker knows " + all().keySet());
        }
        return KafkaSecurity.scram(user, password);
    }

    private static Map<String, String> all(String admin, String adminPassword, Map<String, String> users) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(admin, adminPassword);
        all.putAll(users);
        return all;
    }
}
