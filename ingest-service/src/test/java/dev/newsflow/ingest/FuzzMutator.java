package dev.newsflow.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns valid sample payloads into malformed ones: byte flips, truncation, duplicated and deleted
 * slices, deep nesting, huge values, invalid UTF-8, byte order marks, wrong declared encodings,
 * XML entity tricks, NUL bytes, extreme JSON tokens, splices of other formats and random content types.
 *
 * <p>Written here rather than taken from a library: jqwik would generate from arbitraries we would
 * still have to write format by format, and Jazzer only generates inputs under its own driver, not in
 * a plain JUnit run. A seeded {@link Random} per case keeps every input reproducible from its seed.
 */
final class FuzzMutator {

    private static final int KIB = 1024;

    private static final String[] CONTENT_TYPES = {
        "application/json", "application/x-ndjson", "application/vnd.iptc.ninjs+json",
        "application/vnd.iptc.g2.newsitem+xml", "application/vnd.iptc.g2.newsmessage+xml", "application/xml",
        "application/rss+xml", "application/atom+xml", "text/html", "text/plain",
        "application/json; charset=utf-16", "text/plain; charset=iso-8859-1", "application/xml; charset=UTF-16BE",
        "text/html; charset=shift_jis", "application/json; charset=bogus-8", "application/json; charset=",
        "text/plain;;;charset=\"utf-8\"", "application/rss+xml; charset=utf-32", "text/html; charset=x-IBM1047",
        "*/*", "application/octet-stream", "application/xml; charset=\"\"", "TEXT/PLAIN; CHARSET=UTF-8",
        "application/x-ndjson; charset=utf-16le", "multipart/form-data; boundary=x", "text/plain; charset=UTF-7",
    };

    private static final byte[][] BAD_UTF8 = {
        {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82},
        {(byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
    };

    private static final byte[][] BOMS = {
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xFE, (byte) 0xFF},
        {0, 0, (byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE, 0, 0},
    };

    private static final String[] TOKENS = {
        "&x;", "&#0;", "&#x110000;", "&#xD800;", "&amp;amp;", "&lt;", "&#99999999999;", "&#x;", "&",
        "<!DOCTYPE x [<!ENTITY a \"b\">]>", "<!DOCTYPE x SYSTEM \"file:///etc/passwd\">", "<![CDATA[", "]]>",
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<?xml version=\"1.1\" encoding=\"EBCDIC-CP-US\"?>",
        "<?xml version=\"1.0\" encoding=\"bogus\"?>", "<?pi data?>", "<!--", "-->", "</", "<a:b xmlns:a=\"\">",
        "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\"/>", "xmlns=\"urn:x\"",
        "<newsItem>", "</newsItem>", "<item>", "</item>", "<entry>", "<itemSet>", "<pubStatus qcode=\"stat:canceled\"/>",
        "\"", "\\", "\\u0000", "\\ud800", "\\udfff\\ud800", "\\uZZZZ", "1e999999999", "-0", "-1",
        "99999999999999999999999999", "NaN", "Infinity", "null", "true", "{}", "[]", "{\"\":{}}", ",", ":", "}", "]",
        "\"urgency\":0,", "\"version\":-5,", "\"version\":1.5,", "\"pubstatus\":\"canceled\",", "\"source\":\"ap\",",
        "\"published_at\":\"2024-13-45T99:99:99Z\",", "\"url\":\"javascript:alert(1)\",", "\"subjects\":[1,{}],",
        "\"headlines\":\"x\",", "\"bodies\":[\"x\"],", "\"body\":\"\",", "<script>", "</body>", "<meta charset=\"utf-16\">",
        "<meta http-equiv=\"content-type\" content=\"text/html; charset=x-bogus\">", "\r\n", "\r", "\n\n\n", "\t",
        "\u2028", "\uFEFF", "\uFFFF", "\u0085", "\uD83D\uDE00",
    };

    private FuzzMutator() {
    }

    /**
     * One to four mutations of a seed; the content type stays the seed's most of the time, so the
     * parser meant for the body sees it.
     *
     * @param others the other seeds, for splices of one format into another
     */
    static FuzzInput mutate(FuzzSeed seed, List<FuzzSeed> others, Random random) {
        byte[] body = seed.body();
        List<String> recipe = new ArrayList<>();
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            int operator = random.nextInt(18);
            recipe.add(name(operator));
            body = apply(operator, body, others, random);
        }
        String contentType = seed.contentType();
        if (random.nextInt(8) == 0) {
            contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
            recipe.add("content-type " + contentType);
        }
        return new FuzzInput(contentType, body, String.join(", ", recipe));
    }

    private static String name(int operator) {
        return switch (operator) {
            case 0 -> "flip bytes";
            case 1 -> "truncate";
            case 2 -> "duplicate slice";
            case 3 -> "delete slice";
            case 4 -> "deep nesting";
            case 5 -> "huge value";
            case 6 -> "invalid UTF-8";
            case 7 -> "byte order mark";
            case 8 -> "re-encode";
            case 9 -> "insert token";
            case 10 -> "NUL bytes";
            case 11 -> "splice other format";
            case 12 -> "repeat element";
            case 13 -> "random bytes";
            default -> "structured";
        };
    }

    private static byte[] apply(int operator, byte[] body, List<FuzzSeed> others, Random random) {
        return switch (operator) {
            case 0 -> flip(body, random);
            case 1 -> slice(body, 0, random.nextInt(body.length + 1));
            case 2 -> duplicate(body, random);
            case 3 -> delete(body, random);
            case 4 -> insert(body, random, nesting(random));
            case 5 -> insert(body, random, huge(random));
            case 6 -> insert(body, random, BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
            case 7 -> concat(BOMS[random.nextInt(BOMS.length)], body);
            case 8 -> reencode(body, random);
            case 9 -> insert(body, random, TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
            case 10 -> insert(body, random, new byte[1 + random.nextInt(3)]);
            case 11 -> splice(body, others.get(random.nextInt(others.size())).body(), random);
            case 12 -> repeatElement(body, random);
            case 13 -> insert(body, random, randomBytes(random));
            // Weighted: a well-formed document with odd content reaches the readers behind the parser.
            default -> StructuredMutations.json(body, random)
                    .or(() -> StructuredMutations.xml(body, random))
                    .orElseGet(() -> flip(body, random));
        };
    }

    private static byte[] flip(byte[] body, Random random) {
        byte[] copy = body.clone();
        for (int i = 1 + random.nextInt(8); i > 0 && copy.length > 0; i--) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private static byte[] duplicate(byte[] body, Random random) {
        int from = random.nextInt(body.length + 1);
        int to = from + random.nextInt(body.length - from + 1);
        return insert(body, random, slice(body, from, to));
    }

    private static byte[] delete(byte[] body, Random random) {
        int from = random.nextInt(body.length + 1);
        int to = from + random.nextInt(Math.min(64, body.length - from) + 1);
        return concat(slice(body, 0, from), slice(body, to, body.length));
    }

    /** Opening brackets or elements by the hundred up to the hundred thousand, closed or not. */
    private static byte[] nesting(Random random) {
        int depth = new int[] {100, 1_000, 10_000, 100_000}[random.nextInt(4)];
        String open = new String[] {"[", "{\"a\":", "<a>", "<p><b>", "[{\"value\":"}[random.nextInt(5)];
        String close = switch (open) {
            case "[" -> "]";
            case "{\"a\":" -> "}";
            case "<a>" -> "</a>";
            case "<p><b>" -> "</b></p>";
            default -> "}]";
        };
        String nested = open.repeat(depth) + (random.nextBoolean() ? "1" : "") + (random.nextBoolean() ? close.repeat(depth) : "");
        return nested.getBytes(StandardCharsets.UTF_8);
    }

    /** A value of 64 KiB to 6 MiB, so some stay under the body limit and some cross it. */
    private static byte[] huge(Random random) {
        int size = new int[] {64 * KIB, 512 * KIB, 2 * KIB * KIB, 6 * KIB * KIB}[random.nextInt(4)];
        String unit = new String[] {"x", "é", " ", "\"a\":1,", "a=\"b\" ", "&amp;", "\\n"}[random.nextInt(7)];
        String value = unit.repeat(Math.max(1, size / unit.getBytes(StandardCharsets.UTF_8).length));
        return (random.nextBoolean() ? value : "\"" + value + "\"").getBytes(StandardCharsets.UTF_8);
    }

    /** The text in another encoding than the one it declares (or than UTF-8, which is assumed). */
    private static byte[] reencode(byte[] body, Random random) {
        String text = new String(body, StandardCharsets.UTF_8);
        var charsets = List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                StandardCharsets.ISO_8859_1, java.nio.charset.Charset.forName("UTF-32"));
        return text.getBytes(charsets.get(random.nextInt(charsets.size())));
    }

    private static byte[] splice(byte[] body, byte[] other, Random random) {
        int cut = random.nextInt(body.length + 1);
        int from = random.nextInt(other.length + 1);
        return concat(slice(body, 0, cut), slice(other, from, other.length));
    }

    /** Copies a span starting at a markup or JSON boundary many times over: repeated items, fields, lines. */
    private static byte[] repeatElement(byte[] body, Random random) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '<' || body[i] == '{' || body[i] == '"' || body[i] == '\n') {
                starts.add(i);
            }
        }
        if (starts.size() < 2) {
            return duplicate(body, random);
        }
        int a = random.nextInt(starts.size() - 1);
        int b = a + 1 + random.nextInt(starts.size() - a - 1);
        byte[] span = slice(body, starts.get(a), starts.get(b));
        int times = new int[] {2, 10, 1_000, 20_000, 500_000}[random.nextInt(5)];
        ByteArrayOutputStream repeated = new ByteArrayOutputStream();
        for (int i = 0; i < times && repeated.size() < 8 * KIB * KIB; i++) {
            repeated.writeBytes(span);
        }
        return concat(slice(body, 0, starts.get(b)), concat(repeated.toByteArray(), slice(body, starts.get(b), body.length)));
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(32)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] insert(byte[] body, Random random, byte[] piece) {
        int at = random.nextInt(body.length + 1);
        return concat(slice(body, 0, at), concat(piece, slice(body, at, body.length)));
    }

    private static byte[] slice(byte[] body, int from, int to) {
        return java.util.Arrays.copyOfRange(body, from, to);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
