package dev.newsflow.enrich;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A raw article the enrich step cannot enrich (no id, no text, an article that cannot be written, a
 * bug in a step): Kafka Streams' built-in handler logs it and builds its dead letter from the raw
 * record as it was read (KIP-1034), this one adds the stage and counts it (see {@link EnrichDeadLetters}).
 * Kafka Streams creates it from {@code processing.exception.handler}.
 *
 * <p>Only the enrich step's own failures are the record's fault. Kafka Streams calls this handler for
 * every processor and punctuation, so the rest fails the task as before: the dedup step's store work
 * and its eviction, and Kafka's own errors that surface through {@code forward()} (a send that failed,
 * wrapped in a {@link StreamsException}). Failing the task lets the stream thread be replaced and resume
 * from the last commit; dead-lettering those would lose good articles.
 */
public final class ProcessingFailureHandler extends LogAndContinueProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProcessingFailureHandler.class);

    private EnrichMeters meters;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        meters = EnrichDeadLetters.meters(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (!EnrichTopology.PROCESSOR.equals(context.processorNodeId()) || exception instanceof StreamsException) {
            log.error("failure in {} at {}-{}@{} is not the record's: failing the task so that it retries from the"
                            + " last commit", context.processorNodeId(), context.topic(), context.partition(),
                    context.offset(), exception);
            return Response.fail();
        }
        Response builtIn = super.handleError(context, record, exception);
        return EnrichDeadLetters.mark(builtIn.deadLetterQueueRecords(), exception, meters) ? builtIn : Response.fail();
    }
}
