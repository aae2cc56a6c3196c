package dev.newsflow.ingest;

import dev.newsflow.core.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an XML payload into characters before anything parses it, so the limits that follow count what
 * the parser will read whatever the encoding. The encoding is found as RFC 7303 and the XML
 * specification (appendix F) say: the Content-Type charset, else a byte order mark, else the first bytes
 * and the XML declaration, else UTF-8.
 *
 * <p>Only UTF-8, UTF-16, US-ASCII, ISO-8859-1 and windows-1252 are accepted. The last two are kept
 * because older RSS feeds still declare them; every other encoding (EBCDIC such as {@code IBM037},
 * UTF-32, the legacy Asian code pages) is refused with 415, since no feed we know of needs them and each
 * one is more decoder code exposed to hostile bytes.
 */
final class XmlEncoding {

    static final Set<Charset> ACCEPTED = Set.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16,
            StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE, StandardCharsets.US_ASCII,
            StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"));

    /** An XML declaration is short; its encoding is read from at most this many leading bytes. */
    private static final int DECLARATION_BYTES = 256;

    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>?]{0,200}?\\bencoding\\s{0,20}=\\s{0,20}[\"']([A-Za-z0-9._:-]{1,40})[\"']");

    private XmlEncoding() {
    }

    /**
     * The payload as text, without a byte order mark.
     *
     * @throws ProblemException 415 for an encoding outside {@link #ACCEPTED}, 400 for bytes that are not
     *         valid in the encoding found, or a declaration that contradicts the bytes
     */
    static String decode(byte[] body, MediaType type) {
        Charset charset;
        int start = 0;
        if (type.charset().isPresent()) {
            charset = type.charset().get();
            start = bomLength(body, charset);
        } else if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            start = 3;
        } else if (startsWith(body, 0x00, 0x00, 0xFE, 0xFF) || startsWith(body, 0xFF, 0xFE, 0x00, 0x00)
                || startsWith(body, 0x00, 0x00, 0x00, '<') || startsWith(body, '<', 0x00, 0x00, 0x00)) {
            throw refused("UTF-32");
        } else if (startsWith(body, 0xFE, 0xFF) || startsWith(body, 0x00, '<', 0x00, '?')) {
            charset = StandardCharsets.UTF_16BE;
            start = startsWith(body, 0xFE, 0xFF) ? 2 : 0;
        } else if (startsWith(body, 0xFF, 0xFE) || startsWith(body, '<', 0x00, '?', 0x00)) {
            charset = StandardCharsets.UTF_16LE;
            start = startsWith(body, 0xFF, 0xFE) ? 2 : 0;
        } else if (startsWith(body, 0x4C, 0x6F, 0xA7, 0x94)) {
            throw refused("EBCDIC");
        } else {
            charset = declared(body);
        }
        if (!ACCEPTED.contains(charset)) {
            throw refused(charset.name());
        }
        return decode(body, start, charset);
    }

    /** The encoding an ASCII-compatible document declares, else UTF-8. */
    private static Charset declared(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, DECLARATION_BYTES), StandardCharsets.ISO_8859_1);
        Matcher declaration = DECLARED_ENCODING.matcher(head);
        if (!declaration.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = declaration.group(1);
        Charset charset;
        try {
            charset = Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw refused(name);
        }
        if (charset.name().startsWith("UTF-16")) {
            throw ProblemException.badRequest("the XML declares encoding \"" + name
                    + "\" but its first bytes are not UTF-16; send the declaration the bytes are written in");
        }
        return charset;
    }

    private static String decode(byte[] body, int start, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, start, body.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("the XML is not valid " + charset.name() + ": " + e.getMessage());
        }
    }

    /**
     * A byte order mark that agrees with the header's charset is not part of the text. The UTF-16
     * decoder reads its own mark; UTF-16BE and UTF-16LE would keep it as a character.
     */
    private static int bomLength(byte[] body, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return startsWith(body, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        }
        if (charset.equals(StandardCharsets.UTF_16BE)) {
            return startsWith(body, 0xFE, 0xFF) ? 2 : 0;
        }
        if (charset.equals(StandardCharsets.UTF_16LE)) {
            return startsWith(body, 0xFF, 0xFE) ? 2 : 0;
        }
        return 0;
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException refused(String encoding) {
        return MediaType.unsupported("XML in " + encoding + " is not accepted; send UTF-8 or UTF-16");
    }
}
