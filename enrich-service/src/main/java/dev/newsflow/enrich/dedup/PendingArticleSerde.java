package dev.newsflow.enrich.dedup;

import dev.newsflow.enrich.dedup.PendingArticle.StoredHeader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link PendingArticle} in a binary form: the article's bytes as they are, so a held article's changelog
 * record is its size plus a few bytes. As JSON the bytes would be base64, a third larger, and an article
 * near the topics' record limit would no longer fit in the changelog.
 *
 * <p>Layout: timestamp (8 bytes), expected answers (4), header count (4), each header as key length (4),
 * key (UTF-8), value length (4, -1 for null), value; then the value length (4, -1 for a tombstone) and value.
 */
final class PendingArticleSerde implements Serde<PendingArticle> {

    private static final int NULL = -1;

    @Override
    public Serializer<PendingArticle> serializer() {
        return (topic, pending) -> pending == null ? null : write(pending);
    }

    @Override
    public Deserializer<PendingArticle> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    private static byte[] write(PendingArticle pending) {
        int size = 20 + (pending.value() == null ? 0 : pending.value().length);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(size);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeLong(pending.timestamp());
            out.writeInt(pending.expectedAnswers());
            out.writeInt(pending.headers().size());
            for (StoredHeader header : pending.headers()) {
                writeBytes(out, header.key().getBytes(StandardCharsets.UTF_8));
                writeBytes(out, header.value());
            }
            writeBytes(out, pending.value());
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return buffer.toByteArray();
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(NULL);
        } else {
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static PendingArticle read(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            long timestamp = in.getLong();
            int expectedAnswers = in.getInt();
            int headerCount = in.getInt();
            if (headerCount < 0 || headerCount > in.remaining() / 8) {
                throw new SerializationException("not a held article: " + headerCount + " headers");
            }
            List<StoredHeader> headers = new ArrayList<>(headerCount);
            for (int i = 0; i < headerCount; i++) {
                byte[] key = readBytes(in);
                if (key == null) {
                    throw new SerializationException("not a held article: a header without a name");
                }
                headers.add(new StoredHeader(new String(key, StandardCharsets.UTF_8), readBytes(in)));
            }
            byte[] value = readBytes(in);
            if (in.hasRemaining()) {
                throw new SerializationException("not a held article: " + in.remaining() + " bytes after its end");
            }
            return new PendingArticle(value, timestamp, headers, expectedAnswers);
        } catch (BufferUnderflowException e) {
            throw new SerializationException("not a held article: it ends early", e);
        }
    }

    private static byte[] readBytes(ByteBuffer in) {
        int length = in.getInt();
        if (length == NULL) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new SerializationException("not a held article: a length of " + length + " with " + in.remaining() + " bytes left");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
