package org.hackablemail.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.util.CharsetUtil;

/**
 * The file name a part declares: the {@code filename} parameter of its Content-Disposition, else the {@code name} of
 * its Content-Type; RFC 2231 ({@code filename*=utf-8''%E2%82%AC.pdf}, continuations {@code filename*0*=}) and RFC 2047
 * ({@code "=?utf-8?B?...?="}, what most mailers write) both decoded.
 */
final class Filenames {
    private static final int MAX_CONTINUATIONS = 100;
    private static final int MAX_CHARS = 1_000;

    private Filenames() {
    }

    /** The declared file name, or null. */
    static String of(RawBody disposition, RawBody contentType) {
        String name = disposition == null ? null : parameter(disposition, "filename");
        if (name == null && contentType != null) {
            name = parameter(contentType, "name");
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        String decoded = EncodedWords.decode(Utf8Bytes.decodeIfUtf8(name)).strip();
        return decoded.length() <= MAX_CHARS ? decoded : decoded.substring(0, MAX_CHARS);
    }

    private static String parameter(RawBody body, String name) {
        Map<String, String> parameters = new HashMap<>();
        for (NameValuePair pair : body.getParams()) {
            if (pair.getName() != null && pair.getValue() != null) {
                parameters.putIfAbsent(pair.getName().toLowerCase(Locale.ROOT), pair.getValue());
            }
        }
        String plain = parameters.get(name);
        if (plain != null) {
            return plain;
        }
        String extended = parameters.get(name + "*");
        if (extended != null) {
            return percentDecode(afterLanguage(extended), charsetOf(extended));
        }
        return continued(parameters, name);
    }

    /** {@code name*0=}, {@code name*1*=}, ...: the first segment says the charset for all encoded ones. */
    private static String continued(Map<String, String> parameters, String name) {
        StringBuilder value = new StringBuilder();
        Charset charset = null;
        for (int i = 0; i < MAX_CONTINUATIONS; i++) {
            String encoded = parameters.get(name + "*" + i + "*");
            String plain = parameters.get(name + "*" + i);
            if (encoded != null) {
                if (i == 0) {
                    charset = charsetOf(encoded);
                    value.append(percentDecode(afterLanguage(encoded), charset));
                } else {
                    value.append(percentDecode(encoded, charset == null ? StandardCharsets.UTF_8 : charset));
                }
            } else if (plain != null) {
                value.append(plain);
            } else {
                break;
            }
        }
        return value.length() == 0 ? null : value.toString();
    }

    /** The charset of {@code charset'language'percent-encoded}, UTF-8 when missing or unknown. */
    private static Charset charsetOf(String extended) {
        int quote = extended.indexOf('\'');
        Charset charset = quote > 0 ? CharsetUtil.lookup(extended.substring(0, quote)) : null;
        return charset == null ? StandardCharsets.UTF_8 : charset;
    }

    private static String afterLanguage(String extended) {
        int first = extended.indexOf('\'');
        int second = first < 0 ? -1 : extended.indexOf('\'', first + 1);
        return second < 0 ? extended : extended.substring(second + 1);
    }

    private static String percentDecode(String text, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
            if (c == '%' && low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(c > 0xff ? '?' : c);
            }
        }
        return new String(bytes.toByteArray(), charset);
    }
}
