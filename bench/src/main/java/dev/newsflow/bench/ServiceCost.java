package dev.newsflow.bench;

/**
 * What one process spent on a run: CPU time per 1,000 articles and its peak resident memory.
 *
 * @param process           ingest-service, enrich-service, index-service, kafka, elasticsearch
 * @param cpuSeconds        user + system CPU seconds it used while the articles went through
 * @param articles          how many articles went through meanwhile
 * @param peakRssBytes      its peak resident set size (VmHWM) since it started
 */
public record ServiceCost(String process, double cpuSeconds, long articles, long peakRssBytes) {

    public double cpuSecondsPer1000() {
        return articles == 0 ? Double.NaN : cpuSeconds * 1000.0 / articles;
    }

    public double peakRssMiB() {
        return peakRssBytes / (1024.0 * 1024.0);
    }
}
