package dev.newsflow.ingest;

import dev.newsflow.core.ProblemException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;

/** Decodes a text payload strictly: a byte sequence the charset does not allow is a 400, never a U+FFFD. */
final class PayloadText {

    private PayloadText() {
    }

    /**
     * The payload as text, without a leading byte order mark.
     *
     * @throws ProblemException 400 naming the byte offset of the first invalid sequence
     */
    static String decode(byte[] body, Charset charset) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (MalformedInputException e) {
            throw ProblemException.badRequest("the body is not valid " + charset.name()
                    + ": invalid byte sequence near byte " + firstBadByte(body, charset));
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("the body is not valid " + charset.name() + ": " + e.getMessage());
        }
    }

    /** Finds where decoding fails; only run on the error path, so decoding twice costs nothing in the normal case. */
    private static int firstBadByte(byte[] body, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }
}
