package dev.newsflow.bench;

import java.util.List;

/**
 * Where one service spent its CPU, from the JFR execution samples of its run.
 *
 * @param process   the service
 * @param samples   how many execution samples the recording holds
 * @param topFrames the most sampled methods at the top of the stack, with their share, most first
 * @param topOwn    the most sampled methods of our own code anywhere on the stack (inclusive share)
 */
public record Hotspots(String process, long samples, List<Share> topFrames, List<Share> topOwn) {

    public Hotspots {
        topFrames = List.copyOf(topFrames);
        topOwn = List.copyOf(topOwn);
    }

    /** A method and the share of samples it was seen in. */
    public record Share(String method, double share) {
    }
}
