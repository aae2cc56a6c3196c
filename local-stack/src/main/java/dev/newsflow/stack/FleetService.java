package dev.newsflow.stack;

/** The three Newsflow services a {@link ServiceFleet} runs, each with its main class and the variable of its port. */
public enum FleetService {
    INGEST("ingest", "ingest-service", "dev.newsflow.ingest.IngestMain", "NEWSFLOW_INGEST_PORT"),
    ENRICH("enrich", "enrich-service", "dev.newsflow.enrich.EnrichMain", "NEWSFLOW_ENRICH_PORT"),
    INDEX("index", "index-service", "dev.newsflow.index.IndexMain", "NEWSFLOW_INDEX_PORT");

    private final String shortName;
    private final String module;
    private final String mainClass;
    private final String portVariable;

    FleetService(String shortName, String module, String mainClass, String portVariable) {
        this.shortName = shortName;
        this.module = module;
        this.mainClass = mainClass;
        this.portVariable = portVariable;
    }

    /** {@code ingest}, {@code enrich} or {@code index}: the stem of its instances' ids ({@code enrich-2}). */
    public String shortName() {
        return shortName;
    }

    /** The Maven module that builds it. */
    public String module() {
        return module;
    }

    public String mainClass() {
        return mainClass;
    }

    public String portVariable() {
        return portVariable;
    }
}
