package dev.newsflow.cli;

import java.net.URI;

/**
 * A service's answer to {@code GET /health/ready}.
 *
 * @param detail   what is wrong when it is not ready (its failing checks, or why it did not answer); null when ready
 * @param settling not ready only for a phase it works through by itself (a rebalance, a restore), as it said
 */
public record ServiceStatus(String name, URI url, boolean ready, String detail, boolean settling) {

    /** An instance that is ready, or not ready for a reason that needs an operator. */
    public ServiceStatus(String name, URI url, boolean ready, String detail) {
        this(name, url, ready, detail, false);
    }
}
