package dev.newsflow.stack;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/**
 * The account Elasticsearch runs as. Elasticsearch refuses to run as root, so when this
 * process is root the node is started as {@code nobody} through {@code setpriv}, and the
 * folders it writes are handed to that account.
 */
final class ServiceAccount {

    private static final String USER = "nobody";
    private static final String GROUP = "nogroup";

    private ServiceAccount() {
    }

    static boolean isRoot() {
        return new UnixSystem().getUid() == 0;
    }

    /** The command prefix that drops root; empty when not root. */
    static List<String> commandPrefix() {
        if (!isRoot()) {
            return List.of();
        }
        if (!Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            throw new StackStartException("running as root, Elasticsearch must run as an unprivileged account, "
                    + "but /usr/bin/setpriv (util-linux) is missing; install util-linux or run as a normal user");
        }
        return List.of("/usr/bin/setpriv", "--reuid=" + USER, "--regid=" + GROUP, "--clear-groups");
    }

    /** Makes a folder tree the node's own when running as root. */
    static void handOver(Path dir) {
        if (!isRoot()) {
            return;
        }
        try {
            var owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
            var group = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(GROUP);
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.toList()) {
                    Files.setOwner(p, owner);
                    Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(group);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + dir + " to " + USER, e);
        }
    }

    /**
     * Whether the unprivileged account can reach {@code dir}: every folder above it must let
     * others through. Root's home (mode 700) does not, so a stack kept there needs another place.
     */
    static boolean canReach(Path dir) {
        if (!isRoot()) {
            return true;
        }
        try {
            for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
                if (Files.exists(p)) {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
                    if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
