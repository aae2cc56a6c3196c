package dev.newsflow.cli;

import java.net.URI;

/**
 * A service's answer to {@code GET /health/ready}.
 *
 * @param detail what is wrong when it is not ready (its failing checks, or why it did not answer); null when ready
 */
public record ServiceStatus(String name, URI url, boolean ready, String detail) {
}
