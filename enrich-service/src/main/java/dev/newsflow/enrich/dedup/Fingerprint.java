package dev.newsflow.enrich.dedup;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.newsflow.enrich.text.Words;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A MinHash signature of a story's text: {@value #HASHES} minimum hashes over its word
 * {@value #SHINGLE_WORDS}-shingles, so that the share of equal positions in two signatures estimates
 * the Jaccard similarity of their shingle sets ({@link #similarity}). Copies of one wire story with
 * small edits share most shingles (a copy with its own dateline and the last paragraph cut: about
 * 0.7); two agencies writing up the same event share almost none (below 0.1: their sentences differ).
 *
 * <p>MinHash rather than a 64-bit SimHash: SimHash's usual 3-bit threshold accepts only near-verbatim
 * copies, as a three-word edit in a 400-word story already moves about four bits, while MinHash
 * measures the overlap directly. Hand-written because none of our libraries has one and it is short.
 *
 * <p>{@link #bandKeys} cut the signature into {@value #BANDS} bands of {@value #ROWS} rows for
 * locality-sensitive lookup: two stories with similarity 0.5 share a band with probability 0.64,
 * at 0.7 0.99, at 0.1 under 0.002, so a lookup finds copies without scanning every story.
 */
public final class Fingerprint {

    static final int HASHES = 64;
    static final int BANDS = 16;
    static final int ROWS = HASHES / BANDS;
    static final int SHINGLE_WORDS = 3;
    /**
     * Below this many words a story is mostly boilerplate ("Photo: AP", "More to follow") that
     * unrelated items share, so it gets no fingerprint and is never called a copy.
     */
    static final int MIN_WORDS = 10;

    /** One seed per hash function, fixed forever: a change would make stored signatures incomparable. */
    private static final long[] SEEDS = seeds();

    private final int[] minHashes;

    private Fingerprint(int[] minHashes) {
        this.minHashes = minHashes;
    }

    /** The fingerprint of the text's words, lower-cased; empty below {@value #MIN_WORDS} words. */
    public static Optional<Fingerprint> of(String text) {
        List<String> words = Words.of(text).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        if (words.size() < MIN_WORDS) {
            return Optional.empty();
        }
        int[] mins = new int[HASHES];
        Arrays.fill(mins, -1);
        for (int i = 0; i + SHINGLE_WORDS <= words.size(); i++) {
            long shingle = hash(words, i);
            for (int h = 0; h < HASHES; h++) {
                int value = (int) (mix(shingle ^ SEEDS[h]) >>> 32);
                if (Integer.compareUnsigned(value, mins[h]) < 0) {
                    mins[h] = value;
                }
            }
        }
        return Optional.of(new Fingerprint(mins));
    }

    /** The estimated Jaccard similarity of the two texts' shingle sets, from 0 to 1. */
    double similarity(Fingerprint other) {
        int equal = 0;
        for (int h = 0; h < HASHES; h++) {
            equal += minHashes[h] == other.minHashes[h] ? 1 : 0;
        }
        return (double) equal / HASHES;
    }

    /** One key per band ("07:3fa2…"); texts that share a key are candidates for a closer look. */
    List<String> bandKeys() {
        List<String> keys = new ArrayList<>(BANDS);
        for (int b = 0; b < BANDS; b++) {
            long band = 0;
            for (int r = 0; r < ROWS; r++) {
                band = mix(band ^ Integer.toUnsignedLong(minHashes[b * ROWS + r]) + r);
            }
            keys.add(String.format(Locale.ROOT, "%02d:%016x", b, band));
        }
        return keys;
    }

    /** In how many bands the two fingerprints have the same key, that is how many band lookups find one from the other. */
    int sharedBands(Fingerprint other) {
        List<String> mine = bandKeys();
        List<String> theirs = other.bandKeys();
        int shared = 0;
        for (int b = 0; b < BANDS; b++) {
            shared += mine.get(b).equals(theirs.get(b)) ? 1 : 0;
        }
        return shared;
    }

    /** The signature as bytes, as the enrich step hands it to the dedup step in a record header. */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(HASHES * Integer.BYTES);
        for (int value : minHashes) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    static Fingerprint fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != HASHES * Integer.BYTES) {
            throw new IllegalArgumentException("a fingerprint has " + HASHES * Integer.BYTES + " bytes, got "
                    + (bytes == null ? "none" : bytes.length));
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int[] mins = new int[HASHES];
        for (int h = 0; h < HASHES; h++) {
            mins[h] = buffer.getInt();
        }
        return new Fingerprint(mins);
    }

    /** The fingerprint as Base64, how it is stored in JSON. */
    @JsonValue
    String toBase64() {
        return Base64.getEncoder().encodeToString(toBytes());
    }

    @JsonCreator
    static Fingerprint fromBase64(String base64) {
        return fromBytes(Base64.getDecoder().decode(base64));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint other && Arrays.equals(minHashes, other.minHashes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(minHashes);
    }

    @Override
    public String toString() {
        return "Fingerprint[" + toBase64().substring(0, 12) + "…]";
    }

    /**
     * The hash of the shingle starting at word {@code first}: FNV-1a over the UTF-16 code units of its
     * words joined by single spaces, then {@link #mix} so that every output bit depends on every input
     * bit. It walks the words in place rather than joining them, which gives the same value without a
     * string per shingle.
     */
    private static long hash(List<String> words, int first) {
        long h = 0xcbf29ce484222325L;
        for (int w = first; w < first + SHINGLE_WORDS; w++) {
            if (w > first) {
                h ^= ' ';
                h *= 0x100000001b3L;
            }
            String word = words.get(w);
            for (int i = 0; i < word.length(); i++) {
                h ^= word.charAt(i);
                h *= 0x100000001b3L;
            }
        }
        return mix(h);
    }

    /** The 64-bit finaliser of MurmurHash3 (fmix64): a cheap bijection with full avalanche. */
    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    private static long[] seeds() {
        long[] seeds = new long[HASHES];
        for (int h = 0; h < HASHES; h++) {
            seeds[h] = mix(0x9e3779b97f4a7c15L * (h + 1));
        }
        return seeds;
    }
}
