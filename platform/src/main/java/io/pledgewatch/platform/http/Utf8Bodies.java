package io.pledgewatch.platform.http;

import io.pledgewatch.platform.problem.ProblemException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.PushbackInputStream;

/**
 * Refuses a JSON body that is not UTF-8 although its Content-Type does not say so. Jackson would otherwise
 * detect UTF-16 or UTF-32 from the first bytes and accept it; RFC 8259 §8.1 requires UTF-8 between systems.
 * A JSON text starts with an ASCII character, so in UTF-16/32 one of its first four bytes is zero (or the text
 * starts with a UTF-16 byte-order mark); in UTF-8 none is.
 */
@Provider
public class Utf8Bodies implements ReaderInterceptor {

    private static final int SNIFF = 4;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() != null && isJson(context.getMediaType())) {
            PushbackInputStream in = new PushbackInputStream(context.getInputStream(), SNIFF);
            byte[] head = new byte[SNIFF];
            int n = in.readNBytes(head, 0, SNIFF);
            if (n > 0) {
                in.unread(head, 0, n);
            }
            if (notUtf8(head, n)) {
                throw ProblemException.unsupportedMediaType("body", "the JSON body is not UTF-8 (it looks like"
                        + " UTF-16 or UTF-32): send it as UTF-8");
            }
            context.setInputStream(in);
        }
        return context.proceed();
    }

    /** True when the first {@code n} bytes of a JSON text show it is not UTF-8. */
    static boolean notUtf8(byte[] head, int n) {
        if (n >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                return true;
            }
        }
        return false;
    }

    static boolean isJson(MediaType type) {
        return "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase().endsWith("+json"));
    }
}
