package dev.newsflow.stack;

/** A Kafka broker and an Elasticsearch node that are up, however they were started. */
public interface RunningStack extends AutoCloseable {

    StackEndpoints endpoints();

    /** Stops both servers. */
    @Override
    void close();
}
