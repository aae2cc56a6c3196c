package dev.newsflow.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and peak memory of a process, read from Linux's {@code /proc}: {@code stat} fields 14
 * and 15 (user and system time in clock ticks) and {@code status}' {@code VmHWM} (peak resident set).
 *
 * @param cpuSeconds   user + system CPU seconds so far
 * @param peakRssBytes the peak resident set size so far
 */
public record ProcessUsage(double cpuSeconds, long peakRssBytes) {

    /**
     * Clock ticks per second as the kernel reports CPU times in /proc; USER_HZ is 100 on every
     * Linux architecture Java runs on, and reading it otherwise would need a native call.
     */
    static final double TICKS_PER_SECOND = 100.0;

    /** The usage of a live process. */
    public static ProcessUsage of(long pid) {
        try {
            Path proc = Path.of("/proc", Long.toString(pid));
            return new ProcessUsage(cpuSeconds(Files.readString(proc.resolve("stat"))),
                    peakRss(Files.readString(proc.resolve("status"))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc of process " + pid + " (it may have exited)", e);
        }
    }

    /**
     * User + system seconds from a {@code /proc/PID/stat} line. The command name (field 2) sits in
     * parentheses and may itself hold spaces and parentheses, so fields are counted after the last ')'.
     */
    static double cpuSeconds(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // After the name, fields start at 3 (state): utime is field 14, stime field 15.
        long utime = Long.parseLong(fields[14 - 3]);
        long stime = Long.parseLong(fields[15 - 3]);
        return (utime + stime) / TICKS_PER_SECOND;
    }

    /** {@code VmHWM} of a {@code /proc/PID/status} text in bytes; 0 when the line is missing. */
    static long peakRss(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024;
            }
        }
        return 0;
    }
}
