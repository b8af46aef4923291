package org.hackablemail.bayes.store;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Which class of messages a message belongs to, for counting how many distinct users reported a class: a MinHash
 * signature of its subject, sender, URL hosts and body words (not of its recipients, dates or relays), cut into
 * {@value #BANDS} bands of {@value #ROWS} rows. Two messages are of one class when they agree on at least one band:
 * near-duplicates (a newsletter or a campaign sent to many people, each copy with its own greeting or tracking link)
 * do, with probability {@code 1 - (1 - J^4)^4} for a Jaccard similarity J of their token sets: 98 % at J = 0.9, 63 % at
 * 0.7, 23 % at 0.5, 3 % at 0.3. Messages with fewer than {@value #MIN_TOKENS} such tokens have no print and form no
 * class.
 */
public final class ClassPrint {
    public static final int BANDS = 4;
    static final int ROWS = 4;
    static final int MIN_TOKENS = 10;
    public static final ClassPrint NONE = new ClassPrint(new long[0]);

    private final long[] bands;

    private ClassPrint(long[] bands) {
        this.bands = bands;
    }

    /** A print read back from a store; {@code bands} is empty or holds {@value #BANDS} values. */
    public static ClassPrint of(long[] bands) {
        if (bands.length != 0 && bands.length != BANDS) {
            throw new IllegalArgumentException("A class print has 0 or " + BANDS + " bands, got " + bands.length);
        }
        return bands.length == 0 ? NONE : new ClassPrint(bands.clone());
    }

    /** The print of a message's tokens. */
    public static ClassPrint ofTokens(Collection<String> tokens) {
        long[] minima = new long[BANDS * ROWS];
        Arrays.fill(minima, Long.MAX_VALUE);
        int content = 0;
        for (String token : tokens) {
            if (!isContent(token)) {
                continue;
            }
            content++;
            long hash = hash(token);
            for (int i = 0; i < minima.length; i++) {
                long value = mix(hash + GOLDEN * (i + 1));
                if (value < minima[i]) {
                    minima[i] = value;
                }
            }
        }
        if (content < MIN_TOKENS) {
            return NONE;
        }
        long[] bands = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long value = band;
            for (int row = 0; row < ROWS; row++) {
                value = mix(value * GOLDEN + minima[band * ROWS + row]);
            }
            bands[band] = value;
        }
        return new ClassPrint(bands);
    }

    public boolean isEmpty() {
        return bands.length == 0;
    }

    /** The band values; a copy. */
    public long[] bands() {
        return bands.clone();
    }

    public int size() {
        return bands.length;
    }

    public long band(int index) {
        return bands[index];
    }

    /** Words carry no field prefix; of prefixed tokens only the subject, the sender and URL hosts say what it is. */
    private static boolean isContent(String token) {
        int colon = token.indexOf(':');
        if (colon < 0) {
            return true;
        }
        String prefix = token.substring(0, colon);
        return prefix.equals("subject") || prefix.equals("from") || prefix.equals("url");
    }

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** FNV-1a over the UTF-16 units, then mixed: stable across runs and JVMs, unlike {@code String.hashCode} alone. */
    private static long hash(String token) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < token.length(); i++) {
            hash ^= token.charAt(i);
            hash *= 0x100000001b3L;
        }
        return mix(hash);
    }

    /** SplitMix64's finalizer. */
    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClassPrint print && Arrays.equals(print.bands, bands);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bands);
    }

    @Override
    public String toString() {
        return Arrays.stream(bands).mapToObj(Long::toHexString).collect(Collectors.joining(",", "[", "]"));
    }
}
