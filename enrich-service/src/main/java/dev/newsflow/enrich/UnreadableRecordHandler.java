package dev.newsflow.enrich;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * A raw record that is not a {@code RawArticle} in JSON: Kafka Streams' built-in handler logs it and
 * builds its dead letter (KIP-1034), this one adds the stage and counts it (see {@link EnrichDeadLetters}).
 * Kafka Streams creates it from {@code deserialization.exception.handler}.
 */
public final class UnreadableRecordHandler extends LogAndContinueExceptionHandler {

    private EnrichMeters meters;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        meters = EnrichDeadLetters.meters(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        Response builtIn = super.handleError(context, record, exception);
        return EnrichDeadLetters.mark(builtIn.deadLetterQueueRecords(), exception, meters) ? builtIn : Response.fail();
    }
}
