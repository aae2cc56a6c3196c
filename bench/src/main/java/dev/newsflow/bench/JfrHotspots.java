package dev.newsflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a service's JFR recording and names where its CPU went: the methods most often on top of
 * the sampled stacks (self time), and the methods of our own code most often anywhere on them
 * (inclusive time), which point at the step to blame.
 */
final class JfrHotspots {

    static final String OWN_PACKAGE = "dev.newsflow.";
    private static final int TOP = 5;

    private JfrHotspots() {
    }

    static Hotspots read(String process, Path recording) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> own = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                self.merge(name(frames.get(0).getMethod()), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String name = name(frame.getMethod());
                    if (name.startsWith(OWN_PACKAGE) && seen.add(name)) {
                        own.merge(name, 1L, Long::sum);
                    }
                }
            }
        }
        return new Hotspots(process, samples, top(self, samples), top(own, samples));
    }

    static List<Hotspots.Share> top(Map<String, Long> counts, long samples) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .map(e -> new Hotspots.Share(e.getKey(), samples == 0 ? 0 : e.getValue() / (double) samples))
                .toList();
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }
}
