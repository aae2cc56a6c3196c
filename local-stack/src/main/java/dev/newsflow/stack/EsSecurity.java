package dev.newsflow.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Security for a local Elasticsearch node: TLS on its HTTP port with a CA made at the first start,
 * the built-in {@code elastic} user with a known password, and roles and users of the file realm.
 *
 * <p>Roles and users go to the file realm because the {@code integ-test-zip} distribution cannot
 * keep the native realm: its {@code .security} index needs the {@code analysis-common} module, which
 * the zip leaves out, so {@code PUT _security/role} and {@code _security/user} answer 400 there. The
 * JSON a role file holds for that API is also what {@code roles.yml} takes under the role's name, so
 * one file ({@code ops/elasticsearch/*.json}) defines a role for Docker and for the local node alike.
 *
 * @param elasticPassword the {@code elastic} superuser's password (the node's bootstrap password)
 * @param roles           role name to its JSON file, as {@code PUT _security/role/<name>} takes it
 * @param users           users of the file realm
 */
public record EsSecurity(String elasticPassword, Map<String, Path> roles, List<User> users) {

    public EsSecurity {
        roles = Map.copyOf(roles);
        users = List.copyOf(users);
    }

    /** A user of the file realm. {@code toString} leaves the password out. */
    public record User(String name, String password, List<String> roles) {

        public User {
            roles = List.copyOf(roles);
        }

        @Override
        public String toString() {
            return "User[" + name + ", roles=" + roles + "]";
        }
    }

    @Override
    public String toString() {
        return "EsSecurity[roles=" + roles.keySet() + ", users=" + users + "]";
    }
}
